package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Administrators load a year's holiday calendar and add a province's own rule, without a restart. */
class RulesAndCalendarIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private JsonNode due(String start, int amount, String unit) {
        return client.get(gateway + "/api/calendar/due-date?start=" + start + "&amount=" + amount + "&unit=" + unit)
                .body();
    }

    @Test
    void aYearLoadedThroughTheApiAppliesToTheNextComputation() {
        assertThat(due("2031-09-29", 3, "CALENDAR_DAYS").get("provisional").asBoolean())
                .isTrue();
        String year = """
                {"year":2031,"source":"国务院办公厅关于2031年部分节假日安排的通知（测试数据）",
                 "holidays":[{"date":"2031-10-01","name":"国庆节"},{"date":"2031-10-02","name":"国庆节"},
                             {"date":"2031-10-03","name":"国庆节"}],
                 "adjustedWorkingDays":[{"date":"2031-10-04","name":"国庆节调休上班"}]}""";

        assertThat(client.send("PUT", gateway + "/api/calendar/years/2031", year, client.as("forestry-officer"))
                        .status())
                .as("administrators only")
                .isEqualTo(403);
        assertThat(client.send("PUT", gateway + "/api/calendar/years/2031", year, client.as("system-admin"))
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode after = due("2031-09-29", 3, "CALENDAR_DAYS");
            assertThat(after.get("provisional").asBoolean()).isFalse();
            // 30 Sept, 1, 2 Oct: the last day is a holiday; 3 Oct too; Saturday 4 Oct is a worked day.
            assertThat(after.get("due").asString()).isEqualTo("2031-10-04");
        });
        assertThat(client.get(gateway + "/api/calendar/years", client.as("forestry-officer"))
                        .raw())
                .contains("2025", "2026", "2031");
    }

    @Test
    void aBadCalendarIsRefusedNamingEachField() {
        PlatformClient.Answer bad =
                client.send("PUT", gateway + "/api/calendar/years/2032", """
                {"year":2032,"source":"","holidays":[{"date":"2033-01-01","name":"元旦"},{"date":"2032-05-01","name":""}],
                 "adjustedWorkingDays":[{"date":"2032-05-01","name":"调休"}]}""", client.as("system-admin"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("source", "holidays[0].date", "holidays[1].name", "adjustedWorkingDays[0].date");
    }

    @Test
    void aCitysOwnRuleAppliesThereAndTheNationalRuleElsewhere() {
        String rule = """
                {"id":"CLUE_FILING_REVIEW_POLICE","title":"长春市公安受理线索审查（市定期限）",
                 "legalBasis":"长春市公安局关于受案立案审查期限的规定（示例）第三条","statutory":false,"kind":"DUTY",
                 "subjectType":"CLUE","opensOn":"cn.wildlife.clue.recorded.v1","agencies":["PUBLIC_SECURITY"],
                 "closesOn":["cn.wildlife.clue.case-opened.v1"],"pausesOn":[],"resumesOn":[],"amount":2,
                 "unit":"CALENDAR_DAYS","extensions":[],"warnBefore":["PT12H"],"responsible":"HANDLING_AGENCY",
                 "escalation":["AGENCY_HEAD","SUPERIOR_REGION","PROCURATORATE"],"regions":["220100"]}""";
        PlatformClient.Answer added = client.post(gateway + "/api/deadline-rules", rule, client.as("system-admin"));
        assertThat(added.status()).isEqualTo(201);
        int version = added.body().get("version").asInt();

        String inChangchun = publishPoliceClue("220112");
        String inJilinCity = publishPoliceClue("220202");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode local = deadline(inChangchun);
            assertThat(local.get("ruleVersion").asInt()).isEqualTo(version);
            assertThat(local.get("dueDate").asString()).isEqualTo("2026-11-04");
            JsonNode national = deadline(inJilinCity);
            assertThat(national.get("ruleVersion").asInt()).isEqualTo(1);
            assertThat(national.get("dueDate").asString()).isEqualTo("2026-11-05");
        });
    }

    @Test
    void aRuleWithUnknownEventsOrForAnotherProvinceIsRefused() {
        PlatformClient.Answer bad = client.post(gateway + "/api/deadline-rules", """
                {"id":"bad id","title":"","legalBasis":"x","kind":"DUTY","subjectType":"CLUE",
                 "opensOn":"cn.wildlife.clue.gossiped.v1","closesOn":["not a type"],"amount":3,"unit":"CALENDAR_DAYS",
                 "responsible":"SOMEONE","escalation":[],"regions":["210000"]}""", client.as("system-admin"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("id", "title", "opensOn", "closesOn", "responsible", "regions");
    }

    private String publishPoliceClue(String region) {
        String clueId = "PUBLIC_SECURITY-" + region + "-R"
                + UUID.randomUUID().toString().substring(0, 6);
        ClueReported report = ClueReported.builder(
                        clueId, region, ClueSource.PATROL, Instant.parse("2026-11-02T02:00:00Z"))
                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                .summary("规则测试线索")
                .build();
        client.publish(
                Topics.agencyClues(Agency.PUBLIC_SECURITY),
                Envelope.of(URI.create("urn:test"), Agency.PUBLIC_SECURITY, region, report));
        return clueId;
    }

    private JsonNode deadline(String clueId) {
        return client.get(gateway + "/api/deadlines/CLUE_FILING_REVIEW_POLICE:" + clueId, client.as("supervisor"))
                .body();
    }
}
