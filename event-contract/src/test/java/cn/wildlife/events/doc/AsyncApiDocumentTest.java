package cn.wildlife.events.doc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    private static final Path COMMITTED = Path.of("asyncapi.json");

    @Test
    void committedAsyncApiDocumentMatchesTheCode() throws Exception {
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean("asyncapi.update") || !Files.exists(COMMITTED)) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.readString(COMMITTED))
                .as("event-contract/asyncapi.json is stale: run ./mvnw -pl event-contract test -Dasyncapi.update=true")
                .isEqualTo(generated);
    }

    @Test
    void documentsEveryAgencyTopicAndItsMessages() {
        String doc = AsyncApiDocument.render();

        assertThat(doc)
                .contains(
                        "\"agency.forestry.clues\"",
                        "\"agency.public-security.cases\"",
                        "\"agency.market-supervision.clues\"",
                        "\"platform.deadlines\"",
                        "cn.wildlife.clue.reported.v1");
    }

    @Test
    void everyMessageRequiresTheAttributesAndTheAgencyExtensionAnEventIsDeadLetteredWithout() {
        ObjectNode doc = AsyncApiDocument.build();

        for (EventType type : EventType.values()) {
            JsonNode headers = doc.at("/components/messages/" + AsyncApiDocument.messageName(type) + "/headers");
            List<String> required = new ArrayList<>();
            headers.get("required").forEach(h -> required.add(h.asText()));
            assertThat(required)
                    .as(type.ceType())
                    .contains("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_agency");
            assertThat(headers.at("/properties/ce_agency/enum").size())
                    .as(type.ceType())
                    .isPositive();
            assertThat(headers.at("/properties/ce_type/const").asText()).isEqualTo(type.ceType());
            assertThat(doc.at("/components/messages/" + AsyncApiDocument.messageName(type) + "/bindings/kafka/key/type")
                            .asText())
                    .isEqualTo("string");
        }
    }

    @Test
    void everyServerAsksForScramSha512() {
        ObjectNode doc = AsyncApiDocument.build();

        assertThat(doc.at("/components/securitySchemes/scramSha512/type").asText())
                .isEqualTo("scramSha512");
        doc.get("servers")
                .forEach(server -> assertThat(server.at("/security/0/$ref").asText())
                        .isEqualTo("#/components/securitySchemes/scramSha512"));
        assertThat(doc.at("/servers/compose/protocol").asText()).isEqualTo("kafka-secure");
    }

    @Test
    void everyTopicAndItsDeadLetterTwinStateTheirSizeLimitAndMessages() {
        ObjectNode doc = AsyncApiDocument.build();

        for (Topics.Topic topic : Topics.catalogue()) {
            for (String name : List.of(topic.name(), Topics.deadLetter(topic.name()))) {
                JsonNode channel = doc.get("channels").get(name);
                assertThat(channel).as(name).isNotNull();
                assertThat(channel.at("/bindings/kafka/topicConfiguration/max.message.bytes")
                                .asInt())
                        .as(name)
                        .isEqualTo(Topics.maxMessageBytes(name));
                assertThat(channel.get("messages").size())
                        .as(name)
                        .isEqualTo(topic.eventTypes().size());
                assertThat(channel.get("description").asText()).as(name).contains("Key: the aggregate id");
            }
        }
        assertThat(doc.at("/channels/platform.transfers.dlt/bindings/kafka/topicConfiguration/max.message.bytes")
                        .asInt())
                .isEqualTo(2 * 1024 * 1024);
    }
}
