package cn.wildlife.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns envelopes into CloudEvents and back, validating every payload against its type's JSON Schema in both
 * directions, so that nothing invalid is ever published and nothing invalid is ever applied. Thread-safe; build one
 * and share it (schemas are parsed once).
 */
public final class EventCodec {

    public static final String EXT_AGENCY = "agency";
    public static final String EXT_REGION = "region";
    public static final String EXT_CORRELATION_ID = "correlationid";
    public static final String EXT_TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    private final ObjectMapper mapper;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the classpath: " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The mapper used for payloads (Jackson 2, ISO dates): handy for agency systems building events by hand. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public CloudEvent toCloudEvent(Envelope<?> envelope) {
        byte[] data = encodeData(envelope.type(), envelope.data());
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(envelope.source())
                .withType(envelope.type().ceType())
                .withSubject(envelope.subject())
                .withTime(envelope.time())
                .withDataSchema(envelope.type().dataSchema())
                .withDataContentType(JSON)
                .withData(data);
        if (envelope.agency() != null) {
            builder.withExtension(EXT_AGENCY, envelope.agency().name());
        }
        if (envelope.region() != null) {
            builder.withExtension(EXT_REGION, envelope.region());
        }
        if (envelope.correlationId() != null) {
            builder.withExtension(EXT_CORRELATION_ID, envelope.correlationId());
        }
        if (envelope.traceparent() != null) {
            builder.withExtension(EXT_TRACEPARENT, envelope.traceparent());
        }
        return builder.build();
    }

    /** The payload as schema-valid JSON; a payload that breaks its own schema is a programming error. */
    public byte[] encodeData(EventType type, EventPayload payload) {
        JsonNode tree = mapper.valueToTree(payload);
        Set<ValidationMessage> problems = schemas.get(type).validate(tree);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(type.ceType() + " payload breaks its schema: " + describe(problems));
        }
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads and validates a CloudEvent; every refusal says why, for the dead-letter record. */
    public Envelope<?> fromCloudEvent(CloudEvent event) {
        EventType type = EventType.fromCeType(event.getType())
                .orElseThrow(() -> new InvalidEventException("unknown event type '" + event.getType() + "'"));
        if (event.getDataContentType() != null
                && !event.getDataContentType().toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new InvalidEventException(
                    "datacontenttype must be application/json, was '" + event.getDataContentType() + "'");
        }
        CloudEventData data = event.getData();
        if (data == null) {
            throw new InvalidEventException(type.ceType() + " has no data");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(data.toBytes());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException(type.ceType() + " has empty data");
        }
        Set<ValidationMessage> problems = schemas.get(type).validate(tree);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(type.ceType() + " violates its schema: " + describe(problems));
        }
        EventPayload payload;
        try {
            payload = mapper.treeToValue(tree, type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(type.ceType() + " data cannot be read: " + e.getMessage(), e);
        }
        if (event.getSubject() != null && !event.getSubject().equals(payload.subject())) {
            throw new InvalidEventException(
                    "subject '" + event.getSubject() + "' does not match the payload's id '" + payload.subject() + "'");
        }
        Agency agency = agencyExtension(event);
        OffsetDateTime time = event.getTime() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.getTime();
        return new Envelope<>(
                event.getId(),
                event.getSource() == null ? URI.create("urn:unknown") : event.getSource(),
                type,
                time,
                agency,
                stringExtension(event, EXT_REGION),
                stringExtension(event, EXT_CORRELATION_ID),
                stringExtension(event, EXT_TRACEPARENT),
                payload);
    }

    private static @Nullable Agency agencyExtension(CloudEvent event) {
        String value = stringExtension(event, EXT_AGENCY);
        if (value == null) {
            return null;
        }
        try {
            return Agency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown agency '" + value + "' in the agency extension");
        }
    }

    private static @Nullable String stringExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static String describe(Set<ValidationMessage> problems) {
        return problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
