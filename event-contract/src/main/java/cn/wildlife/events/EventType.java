package cn.wildlife.events;

import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.deadline.DeadlineOpened;
import cn.wildlife.events.facility.FacilityRegistered;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the platform: its CloudEvents {@code type}, payload record and JSON Schema. A payload change
 * that is not backwards compatible is a new type with the next version suffix, never an edit of an existing one.
 */
public enum EventType {
    CLUE_REPORTED("cn.wildlife.clue.reported.v1", ClueReported.class, "clue-reported.v1.json",
            "An agency's system reports a clue it received."),
    CLUE_RECORDED("cn.wildlife.clue.recorded.v1", ClueRecorded.class, "clue-recorded.v1.json",
            "case-service recorded a clue."),
    DEADLINE_OPENED("cn.wildlife.deadline.opened.v1", DeadlineOpened.class, "deadline-opened.v1.json",
            "notification-service opened a deadline from a rule."),
    FACILITY_REGISTERED("cn.wildlife.facility.registered.v1", FacilityRegistered.class,
            "facility-registered.v1.json", "inspection-service registered a captive-breeding facility.");

    /** Where the schemas live on the classpath. */
    public static final String SCHEMA_FOLDER = "/cn/wildlife/events/schemas/";

    private final String ceType;
    private final Class<? extends EventPayload> payloadType;
    private final String schemaFile;
    private final String description;

    EventType(String ceType, Class<? extends EventPayload> payloadType, String schemaFile, String description) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.schemaFile = schemaFile;
        this.description = description;
    }

    /** The CloudEvents {@code type} attribute. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public String schemaFile() {
        return schemaFile;
    }

    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFile;
    }

    /** The CloudEvents {@code dataschema} attribute: names the schema without pretending to be a fetchable URL. */
    public URI dataSchema() {
        return URI.create("urn:cn.wildlife:schema:" + schemaFile.replace(".json", ""));
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends EventPayload> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + payloadType.getName()));
    }
}
