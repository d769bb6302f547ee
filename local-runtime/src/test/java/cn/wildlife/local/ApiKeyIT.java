package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A partner system with an API key reaches the services, which trust the gateway's token and scope it like a user. */
class ApiKeyIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private String issue(String body) {
        PlatformClient.Answer issued = client.post(gateway + "/api/api-keys", body, client.as("platform-admin"));
        assertThat(issued.status()).isEqualTo(201);
        return issued.body().get("apiKey").asString();
    }

    @Test
    void aReadKeySeesItsAgencysRecordsInItsRegionAndWritesNothing() {
        String key = issue("""
                {"name":"林草局业务系统（双阳）","agency":"FORESTRY","region":"220112","operations":["READ"]}""");

        PlatformClient.Answer clues = client.get(gateway + "/api/clues?size=200", "X-API-Key", key);

        assertThat(clues.status()).isEqualTo(200);
        assertThat(clues.body().get("items").valueStream()).allSatisfy(clue -> {
            assertThat(clue.get("agency").asString()).isEqualTo("FORESTRY");
            assertThat(clue.get("region").asString()).startsWith("220112");
        });
        assertThat(client.post(gateway + "/api/clues", """
                {"region":"220112","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z","summary":"只读密钥"}""", "X-API-Key", key).status())
                .isEqualTo(403);
    }

    @Test
    void aWriteKeyRecordsCluesForItsAgencyOnly() {
        String key = issue("""
                {"name":"市场监管执法系统","agency":"MARKET_SUPERVISION","region":"220102","operations":["READ","WRITE"]}""");

        PlatformClient.Answer created = client.post(gateway + "/api/clues", """
                {"region":"220102","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z","summary":"系统对接上报"}""", "X-API-Key", key);

        assertThat(created.status()).isEqualTo(201);
        JsonNode clue = created.body();
        assertThat(clue.get("agency").asString()).isEqualTo("MARKET_SUPERVISION");
        assertThat(client.post(gateway + "/api/clues", """
                {"agency":"FORESTRY","region":"220102","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"冒充林草"}""", "X-API-Key", key).status())
                .isEqualTo(403);
    }

    @Test
    void servicesNeverAcceptAnApiKeyThemselves() {
        PlatformClient.Answer direct = client.get(
                SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                "X-API-Key",
                "wlk_0123456789abcdef_" + "A".repeat(43));

        assertThat(direct.status()).isEqualTo(401);
    }
}
