package cn.wildlife.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No event the platform publishes can carry personal data: no schema of any event type has a field that holds a
 * person's name, identity number, phone, address or contact, a suspect's identifier or the people a record names.
 * The one exception is the agency's own {@code ClueReported}, on its own topic, which keeps plain fields for the
 * suspects' identifiers and the people it names: the platform refuses them in plain by default, and agencies send
 * them SM2-sealed in {@code sealed} instead (docs/data-protection.md).
 */
class PersonalDataInEventsTest {

    /** Field names that hold personal data, whatever the event. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(idnumber|phone|mobile|address|contact|reporter|people|person|parties|party|suspect|identifiers"
                    + "|birth|gender|ethnic|passport|licenceholder|owner(name)?|realname).*");

    /** Names that match the pattern yet hold no personal data: a masked identifier, its type, a sortie's head count. */
    private static final Set<String> NOT_PERSONAL = Set.of("maskedValue", "identifierType", "personnel");

    private static final Map<EventType, Set<String>> AGENCY_REPORTS =
            Map.of(EventType.CLUE_REPORTED, Set.of("identifiers", "identifiers[].value", "people"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noEventTypeButTheAgencysOwnClueReportHasAPersonalField() throws IOException {
        for (EventType type : EventType.values()) {
            List<String> personal = new ArrayList<>();
            walk(schema(type), "", personal);
            assertThat(personal)
                    .as("%s (%s): fields that would carry personal data", type, type.schemaFile())
                    .containsExactlyInAnyOrderElementsOf(AGENCY_REPORTS.getOrDefault(type, Set.of()));
        }
    }

    @Test
    void thePersonalFieldPatternRecognisesWhatItMustRefuse() {
        for (String field : List.of("idNumber", "phone", "reporterName", "address", "parties", "people")) {
            assertThat(PERSONAL.matcher(field).matches()).as(field).isTrue();
        }
        for (String field : List.of("clueId", "region", "summary", "value", "speciesCodes", "name")) {
            assertThat(PERSONAL.matcher(field).matches()).as(field).isFalse();
        }
    }

    private JsonNode schema(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return json.readTree(in);
        }
    }

    private static void walk(JsonNode node, String path, List<String> personal) {
        if (!node.isObject()) {
            return;
        }
        JsonNode properties = node.get("properties");
        if (properties != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                boolean identifierValue = field.getKey().equals("value") && path.endsWith("identifiers[]");
                if (identifierValue
                        || (PERSONAL.matcher(field.getKey()).matches() && !NOT_PERSONAL.contains(field.getKey()))) {
                    personal.add(fieldPath);
                }
                walk(field.getValue(), fieldPath, personal);
            }
        }
        if (node.has("items")) {
            walk(node.get("items"), path + "[]", personal);
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (node.has(combinator)) {
                node.get(combinator).forEach(branch -> walk(branch, path, personal));
            }
        }
        for (String definitions : List.of("$defs", "definitions")) {
            if (node.has(definitions)) {
                node.get(definitions)
                        .fields()
                        .forEachRemaining(def -> walk(def.getValue(), "#" + def.getKey(), personal));
            }
        }
    }
}
