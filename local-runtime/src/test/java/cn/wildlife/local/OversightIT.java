package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The oversight dashboard's counts through the gateway: each service counts what it owns per child region of the
 * asked one (a province per city, a city per county), for the procuratorate, the supervision office and agency heads
 * only, never beyond the caller's region.
 */
class OversightIT {

    /** The services keep a region's counts for a few seconds: a new record shows within that, not at once. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    @Test
    void aPenaltyInsteadOfProsecutionIsCountedUnderItsCountyForTheCityAndUnderItsCityForTheProvince() {
        String id = flaggedCase();

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode city = view("procurator", "/api/oversight/flags?region=220100");
            assertThat(city.get("level").asString()).isEqualTo("CITY");
            assertThat(count(city, "220112", "agency", "FORESTRY")).isPositive();
            assertThat(city.get("cases").valueStream().map(c -> c.get("id").asString()))
                    .contains(id);
        });
        JsonNode listed = view("procurator", "/api/oversight/flags?region=220112")
                .get("cases")
                .valueStream()
                .filter(c -> c.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(listed.get("penaltyDecidedAt").asString()).startsWith("2026-11-24");
        assertThat(listed.has("parties"))
                .as("no personal data on the dashboard")
                .isFalse();
        // The procurator's dashboard named the case at every poll: its read of another agency's case is audited once.
        view("procurator", "/api/oversight/flags?region=220112");
        JsonNode reads = client.get(
                        gateway + "/api/audit/case-service?action=CROSS_AGENCY_READ&recordId=" + id,
                        client.as("audit-admin"))
                .body();
        assertThat(reads.valueStream().filter(e -> e.get("agency").asString().equals("PROCURATORATE")))
                .hasSize(1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode province = view("supervisor", "/api/oversight/flags?region=220000");
            assertThat(province.get("level").asString()).isEqualTo("PROVINCE");
            assertThat(count(province, "220100", "agency", "FORESTRY")).isPositive();
            assertThat(province.get("counts")
                            .valueStream()
                            .map(c -> c.get("region").asString()))
                    .allMatch(region -> region.endsWith("00"));
        });
        // The forestry head sees forestry's own flags; the procurator's own region is the default.
        assertThat(count(view("forestry-head", "/api/oversight/flags"), "220112", "agency", "FORESTRY"))
                .isPositive();
    }

    @Test
    void openTransfersAreCountedByStateAndMissedClocksByAgencyAndRule() {
        String caseId = openCase("控制台监督测试：出售大天鹅案 " + UUID.randomUUID(), 8000);
        PlatformClient.Answer reported = client.post(
                gateway + "/api/transfers", """
                {"caseNumber":"%s","summary":"监督看板测试：非法出售大天鹅，涉嫌犯罪 %s"}""".formatted(caseId, UUID.randomUUID()), client.as("forestry-officer"));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        // A clue received long ago: its handling clock is overdue at once.
        PlatformClient.Answer clue =
                client.post(gateway + "/api/clues", """
                {"region":"220112","source":"TIP_OFF","receivedAt":"2026-01-05T02:00:00Z",
                 "speciesCodes":["cygnus-cygnus"],"behaviours":["ILLEGAL_HUNTING"],
                 "summary":"监督看板测试：群众举报有人架网捕鸟 %s"}""".formatted(UUID.randomUUID()), client.as("forestry-officer"));
        assertThat(clue.status()).as(clue.raw()).isEqualTo(201);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode transfers = view("procurator", "/api/oversight/transfers?region=220100");
            assertThat(count(transfers, "220112", "state", "REPORTED")).isPositive();
            assertThat(transfers.has("underReview")).isTrue();
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode clocks = view("supervisor", "/api/oversight/clocks?region=220000");
            assertThat(clocks.get("counts")
                            .valueStream()
                            .filter(c -> c.get("region").asString().equals("220100")
                                    && c.get("agency").asString().equals("FORESTRY"))
                            .mapToLong(c -> c.get("overdue").asLong()
                                    + c.get("escalated").asLong())
                            .sum())
                    .isPositive();
            assertThat(clocks.get("counts").get(0).get("title").asString()).isNotBlank();
        });
        // A county's view counts only itself.
        JsonNode county = view("procurator", "/api/oversight/clocks?region=220112");
        assertThat(county.get("level").asString()).isEqualTo("COUNTY");
        assertThat(county.get("counts").valueStream().map(c -> c.get("region").asString()))
                .allMatch("220112"::equals);
    }

    @Test
    void onlyTheOversightAgenciesAndAgencyHeadsSeeTheDashboardAndNeverBeyondTheirRegion() {
        for (String path : new String[] {"/api/oversight/transfers", "/api/oversight/flags", "/api/oversight/clocks"}) {
            assertThat(client.get(gateway + path, client.as("forestry-officer")).status())
                    .as("an officer without the head's role: " + path)
                    .isEqualTo(403);
            assertThat(client.get(gateway + path, client.as("police-officer")).status())
                    .as(path)
                    .isEqualTo(403);
            assertThat(client.get(gateway + path, client.as("audit-admin")).status())
                    .as("an administrator reads no records: " + path)
                    .isEqualTo(403);
            assertThat(client.get(gateway + path + "?region=220000", client.as("procurator"))
                            .status())
                    .as("the city procurator asking for the province: " + path)
                    .isEqualTo(403);
            assertThat(client.get(gateway + path + "?region=210100", client.as("supervisor"))
                            .status())
                    .as("another province: " + path)
                    .isEqualTo(403);
            assertThat(client.get(gateway + path).status())
                    .as("no token: " + path)
                    .isEqualTo(401);
            PlatformClient.Answer bad =
                    client.get(gateway + path + "?region=2201", client.as("procurator", "Accept-Language", "en"));
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.body().get("errors").get(0).get("field").asString())
                    .as(path)
                    .endsWith("region");
            assertThat(client.get(gateway + path + "?region=220112", client.as("forestry-head"))
                            .status())
                    .as("the city forestry head, for a county of the city: " + path)
                    .isEqualTo(200);
        }
    }

    private JsonNode view(String user, String path) {
        PlatformClient.Answer answer = client.get(gateway + path, client.as(user));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    private static long count(JsonNode view, String region, String keyField, String key) {
        return view.get("counts")
                .valueStream()
                .filter(c -> c.get("region").asString().equals(region)
                        && c.get(keyField).asString().equals(key))
                .mapToLong(c -> c.get("count").asLong())
                .sum();
    }

    private String openCase(String title, long value) {
        PlatformClient.Answer opened =
                client.post(gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z","title":"%s",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "species":[{"speciesCode":"cygnus-cygnus","count":2,"unit":"ANIMAL"}],"value":%d,"grade":"GENERAL",
                 "parties":[{"kind":"PERSON","name":"张三","idNumber":"220112198001011234","phone":"13800000000"}]}""".formatted(title, value), client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.body().get("id").asString();
    }

    /** A penalty decided on a case above the prosecution threshold, never transferred: flagged 以罚代刑. */
    private String flaggedCase() {
        String id = openCase("监督看板测试：出售大天鹅案 " + UUID.randomUUID(), 32000);
        PlatformClient.Answer decided = client.post(
                gateway + "/api/cases/" + id + "/penalty",
                """
                {"expectedVersion":1,"decisionNumber":"双林罚决〔2026〕%s号","decidedAt":"2026-11-24T02:00:00Z",
                 "fine":5000,"confiscation":true,"summary":"没收大天鹅死体二只，罚款五千元"}""".formatted(UUID.randomUUID().toString().substring(0, 6)),
                client.as("forestry-officer"));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.body().get("flags").valueStream().map(JsonNode::asString))
                .containsExactly("PENALTY_INSTEAD_OF_PROSECUTION");
        return id;
    }
}
