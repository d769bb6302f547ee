package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A partner system with an API key reaches the services, which trust the gateway's token and scope it like a user. */
class ApiKeyIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private String issue(String body) {
        PlatformClient.Answer issued = client.post(gateway + "/api/api-keys", body, client.as("system-admin"));
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
                {"name":"林草执法系统（双阳）","agency":"FORESTRY","region":"220112","operations":["READ","WRITE"]}""");

        PlatformClient.Answer created = client.post(gateway + "/api/clues", """
                {"region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z","summary":"系统对接上报"}""", "X-API-Key", key);

        assertThat(created.status()).isEqualTo(201);
        JsonNode clue = created.body();
        assertThat(clue.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(client.post(gateway + "/api/clues", """
                {"agency":"MARKET_SUPERVISION","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"冒充市场监管"}""", "X-API-Key", key).status())
                .isEqualTo(403);
    }

    @Test
    void eachAgencysSystemAdministratorIssuesItsKeysAndTheSecurityAdministratorRevokesThem() {
        String market = """
                {"name":"市场监管执法系统","agency":"MARKET_SUPERVISION","region":"220102","operations":["READ"]}""";

        PlatformClient.Answer byForestry = client.post(gateway + "/api/api-keys", market, client.as("system-admin"));
        assertThat(byForestry.status()).isEqualTo(403);
        assertThat(byForestry.body().get("errors").get(0).get("field").asString())
                .isEqualTo("agency");
        PlatformClient.Answer byMarket =
                client.post(gateway + "/api/api-keys", market, client.as("market-system-admin"));
        assertThat(byMarket.status()).isEqualTo(201);
        String id = byMarket.body().get("key").get("id").asString();
        String key = byMarket.body().get("apiKey").asString();

        assertThat(client.send("DELETE", gateway + "/api/api-keys/" + id, null, client.as("market-system-admin"))
                        .status())
                .isEqualTo(403);
        assertThat(client.send("DELETE", gateway + "/api/api-keys/" + id, null, client.as("audit-admin"))
                        .status())
                .isEqualTo(403);
        assertThat(client.send("DELETE", gateway + "/api/api-keys/" + id, null, client.as("security-admin"))
                        .status())
                .isEqualTo(204);
        assertThat(client.get(gateway + "/api/clues", "X-API-Key", key).status())
                .isEqualTo(401);
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
