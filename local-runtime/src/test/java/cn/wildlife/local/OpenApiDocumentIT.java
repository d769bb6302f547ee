package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * case-service's OpenAPI document is what partner departments build against: every operation says what it does and
 * every JSON request body shows an example.
 */
class OpenApiDocumentIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    @Test
    void everyCaseServiceOperationHasASummaryAndEveryRequestBodyAnExample() {
        JsonNode docs = client.get(gateway + "/v3/api-docs/case-service").body();
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(docs.get("paths").size())
                .as("clues, cases, transfers, species, links")
                .isGreaterThan(15);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (!op.hasNonNull("summary")) {
                    missing.add(name + ": summary");
                }
                JsonNode json = op.path("requestBody").path("content").path("application/json");
                if (!json.isMissingNode() && !json.has("example") && !json.has("examples")) {
                    String ref = json.path("schema").path("$ref").asString("");
                    JsonNode schema =
                            ref.isEmpty() ? json.path("schema") : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    if (!schema.has("example")) {
                        missing.add(name + ": request example");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
