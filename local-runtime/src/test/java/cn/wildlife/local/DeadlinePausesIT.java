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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An appraisal pauses a case's penalty-decision clock and its end moves the deadline by the days paused; an agency
 * head extends a clock by one of its rule's extensions, once each and never more than the rule allows.
 */
class DeadlinePausesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private JsonNode deadline(String id) {
        return deadline("forestry-officer", id);
    }

    private JsonNode deadline(String user, String id) {
        return client.get(gateway + "/api/deadlines/" + id, client.as(user)).body();
    }

    private static List<String> changes(JsonNode deadline) {
        return deadline.get("history")
                .valueStream()
                .map(h -> h.get("change").asString())
                .toList();
    }

    @Test
    void anAppraisalPausesThePenaltyClockAndItsEndMovesTheDueDateByTheDaysPaused() {
        PlatformClient.Answer opened = client.post(gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-10-15T02:00:00Z",
                 "title":"奢岭镇非法收购野生鸟类案","behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "species":[{"speciesCode":"cygnus-cygnus","count":1,"unit":"ANIMAL"}],"value":8000}""", client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String caseId = opened.body().get("id").asString();
        String deadlineId = "ADMIN_PENALTY_DECISION:" + caseId;
        // 90 days from 15 October 2026: Wednesday 13 January 2027.
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(deadline(deadlineId).get("dueDate").asString())
                                .isEqualTo("2027-01-13"));

        PlatformClient.Answer paused =
                client.post(gateway + "/api/cases/" + caseId + "/pauses", """
                {"kind":"APPRAISAL","expectedVersion":1,"at":"2026-11-20T02:00:00Z",
                 "reason":"委托吉林省野生动物司法鉴定中心鉴定"}""", client.as("forestry-officer"));
        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.body().get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.body().get("version").asLong()).isEqualTo(2);

        PlatformClient.Answer twice = client.post(
                gateway + "/api/cases/" + caseId + "/pauses",
                """
                {"kind":"HEARING","expectedVersion":2,"reason":"当事人申请听证"}""",
                client.as("forestry-officer", "Accept-Language", "zh-CN"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("state").asString()).isEqualTo("PAUSED");
        assertThat(twice.body().get("pausedFor").asString()).isEqualTo("APPRAISAL");
        assertThat(twice.body().get("title").asString()).isEqualTo("请求与记录的当前状态冲突");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode d = deadline(deadlineId);
            assertThat(d.get("state").asString()).isEqualTo("PAUSED");
            assertThat(changes(d)).containsExactly("OPENED", "PAUSED");
        });

        assertThat(client.post(
                                gateway + "/api/cases/" + caseId + "/pauses/HEARING/end",
                                """
                {"expectedVersion":2}""",
                                client.as("forestry-officer"))
                        .body()
                        .get("pausedFor")
                        .asString())
                .as("a hearing that never started does not end the appraisal")
                .isEqualTo("APPRAISAL");
        PlatformClient.Answer ended = client.post(
                gateway + "/api/cases/" + caseId + "/pauses/APPRAISAL/end", """
                {"expectedVersion":2,"at":"2026-11-23T08:00:00Z","note":"鉴定意见已出具"}""", client.as("forestry-officer"));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.body().get("state").asString()).isEqualTo("RUNNING");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode d = deadline(deadlineId);
            assertThat(d.get("state").asString()).isEqualTo("OPEN");
            // 20 to 23 November: 3 days paused; 16 January 2027 is a Saturday, so Monday the 18th.
            assertThat(d.get("dueDate").asString()).isEqualTo("2027-01-18");
            assertThat(d.get("arithmetic").asString()).contains("3 days paused");
            assertThat(changes(d)).containsExactly("OPENED", "PAUSED", "RESUMED");
            assertThat(d.get("pauses").get(0).get("cause").asString())
                    .isEqualTo("cn.wildlife.case.appraisal-started.v1");
        });

        PlatformClient.Answer notPaused = client.post(
                gateway + "/api/cases/" + caseId + "/pauses/APPRAISAL/end", """
                {"expectedVersion":3}""", client.as("forestry-officer"));
        assertThat(notPaused.status()).isEqualTo(409);
        assertThat(notPaused.body().get("state").asString()).isEqualTo("RUNNING");
        PlatformClient.Answer stale =
                client.post(gateway + "/api/cases/" + caseId + "/pauses", """
                {"kind":"SUSPENSION","expectedVersion":1,"reason":"当事人下落不明"}""", client.as("forestry-officer"));
        assertThat(stale.status()).as("a pause from an old read").isEqualTo(409);
        assertThat(stale.body().get("version").asLong()).isEqualTo(3);
        assertThat(client.post(gateway + "/api/cases/" + caseId + "/pauses", """
                {"kind":"NAP","expectedVersion":3,"reason":"x"}""", client.as("forestry-officer"))
                        .status())
                .isEqualTo(400);
        assertThat(client.get(gateway + "/api/cases/" + caseId + "/timeline", client.as("forestry-officer"))
                        .body()
                        .valueStream()
                        .map(e -> e.get("change").asString()))
                .contains("PAUSED", "RESUMED");
    }

    @Test
    void anAgencyHeadExtendsAClockByTheRulesExtensionsOnceEachAndNoMore() {
        // Dehui's own clue-handling rule, with the extensions a county bureau's head may approve (an example).
        PlatformClient.Answer rule = client.post(gateway + "/api/deadline-rules", """
                {"id":"CLUE_CASE_DECISION_DEFAULT","title":"德惠市林草线索核查并决定是否立案（示例）",
                 "legalBasis":"德惠市林业局线索办理规定（示例）第五条","kind":"DUTY","subjectType":"CLUE",
                 "opensOn":"cn.wildlife.clue.recorded.v1","agencies":["FORESTRY"],
                 "closesOn":["cn.wildlife.clue.case-opened.v1"],"amount":15,"unit":"WORKING_DAYS",
                 "extensions":[{"amount":15,"unit":"WORKING_DAYS","approval":"县级林业主管部门负责人批准"},
                               {"amountTotal":60,"unit":"WORKING_DAYS","approval":"市级林业主管部门负责人批准"}],
                 "warnBefore":["P1D"],"responsible":"HANDLING_AGENCY",
                 "escalation":["AGENCY_HEAD","SUPERIOR_REGION","SUPERVISION_OFFICE"],"regions":["220183"]}""", client.as("system-admin"));
        assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        String clueId = "FORESTRY-220183-EXT-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(
                        URI.create("urn:test"),
                        Agency.FORESTRY,
                        "220183",
                        ClueReported.builder(clueId, "220183", ClueSource.PATROL, received)
                                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                .summary("巡护发现鸟网")
                                .build()));
        String deadlineId = "CLUE_CASE_DECISION_DEFAULT:" + clueId;
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(deadline("forestry-head", deadlineId).get("allowedExtensions"))
                                .hasSize(2));
        String start = received.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        String url = gateway + "/api/deadlines/" + deadlineId + "/extensions";

        assertThat(client.post(url, """
                {"extension":1,"approvalReference":"德林审〔2026〕3号"}""", client.as("forestry-province")).status())
                .as("the province's officer is not the head")
                .isEqualTo(403);
        assertThat(client.post(url, """
                {"extension":1,"approvalReference":"x"}""", client.as("police-officer")).status()).isEqualTo(404);
        PlatformClient.Answer unknown = client.post(url, """
                {"extension":3,"approvalReference":"德林审〔2026〕3号"}""", client.as("forestry-head"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("extension");

        PlatformClient.Answer first = client.post(url, """
                {"extension":1,"approvalReference":"德林审〔2026〕3号"}""", client.as("forestry-head"));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("dueDate").asString()).isEqualTo(due(start, 30));
        assertThat(changes(first.body())).containsExactly("OPENED", "EXTENDED");
        assertThat(first.body()
                        .get("extensions")
                        .get(0)
                        .get("approvalReference")
                        .asString())
                .isEqualTo("德林审〔2026〕3号");

        PlatformClient.Answer again = client.post(url, """
                {"extension":1,"approvalReference":"德林审〔2026〕4号"}""", client.as("forestry-head"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("state").asString()).isEqualTo("OPEN");
        assertThat(client.post(url, """
                {"extension":2,"approvalReference":"长林审〔2026〕9号"}""", client.as("forestry-head"))
                        .body()
                        .get("dueDate")
                        .asString())
                .isEqualTo(due(start, 75));
        PlatformClient.Answer tooMany = client.post(url, """
                {"extension":1,"approvalReference":"德林审〔2026〕5号"}""", client.as("forestry-head"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body().get("extensionsAllowed").asInt()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> announced = client.read(
                Topics.PLATFORM_DEADLINES,
                r -> deadlineId.equals(r.key())
                        && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                .equals("cn.wildlife.deadline.extended.v1"),
                2,
                PATIENCE);
        assertThat(announced).hasSize(2);
        assertThat(new String(announced.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"approvalReference\":\"德林审〔2026〕3号\"", "\"grantedBy\":\"forestry-head\"");
    }

    @Test
    void aClockThatAlreadyRanOutIsNotExtended() {
        String clueId =
                "FORESTRY-220112-LATEEXT-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(
                        URI.create("urn:test"),
                        Agency.FORESTRY,
                        "220112",
                        ClueReported.builder(
                                        clueId, "220112", ClueSource.TIP_OFF, Instant.parse("2026-02-02T02:00:00Z"))
                                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                .summary("迟迟未录入的举报")
                                .build()));
        String deadlineId = "CLUE_CASE_DECISION_DEFAULT:" + clueId;
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(deadline(deadlineId).get("state").asString()).isIn("OVERDUE", "ESCALATED"));

        PlatformClient.Answer refused =
                client.post(gateway + "/api/deadlines/" + deadlineId + "/extensions", """
                {"extension":1,"approvalReference":"双林审〔2026〕1号"}""", client.as("forestry-head"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("state").asString()).isIn("OVERDUE", "ESCALATED");
    }

    /** What the public calculator says: the test does not redo the arithmetic it checks. */
    private String due(String start, int workingDays) {
        return client.get(gateway + "/api/calendar/due-date?start=" + start + "&amount=" + workingDays
                        + "&unit=WORKING_DAYS")
                .body()
                .get("due")
                .asString();
    }
}
