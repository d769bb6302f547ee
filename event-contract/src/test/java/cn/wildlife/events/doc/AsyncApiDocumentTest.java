package cn.wildlife.events.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(doc).contains("\"agency.forestry.clues\"", "\"agency.public-security.cases\"",
                "\"agency.market-supervision.clues\"", "\"platform.deadlines\"", "cn.wildlife.clue.reported.v1");
    }
}
