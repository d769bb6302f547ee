package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.events.operation.SortieRecorded;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A joint operation's clocks through the real broker and store: entered in inspection-service, its monthly reports and
 * weekly patrols are opened as notification-service deadlines from the plan; a report on time closes its clock with
 * no alert, a missed one is overdue once and its lead office sees it, a late one is met late, a sortie at the hotspot
 * meets the week's patrol. The dates are around today, as an operation running now would have them.
 */
class OperationDeadlinesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String HOTSPOT = "沈阳市北行花鸟鱼市场";
    private static final URI INSPECTION_SERVICE = URI.create("urn:cn.wildlife:inspection-service");

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final LocalDate today = LocalDate.now(CHINA);
    private final YearMonth thisMonth = YearMonth.from(today);
    /** Two months back: its summary was due on the 5th of last month. */
    private final YearMonth firstMonth = thisMonth.minusMonths(2);

    private String enter() {
        PlatformClient.Answer entered = client.post(
                gateway + "/api/operations",
                """
                {"name":"辽宁省冬季候鸟保护专项行动（测试）","leadAgency":"FORESTRY",
                 "leadOffice":"辽宁省林业和草原局野生动植物保护处（专项行动领导小组办公室）","region":"210000",
                 "startsOn":"%1$s","endsOn":"%2$s",
                 "participants":[{"agency":"FORESTRY","office":"辽宁省林业和草原局","duties":"对非法交易场所每周至少进行一次巡查"},
                  {"agency":"SUPERVISION_OFFICE","office":"国家林业和草原局驻长春森林资源监督专员办事处","duties":"督导监督专项行动开展"}],
                 "phases":[{"name":"集中打击阶段","from":"%1$s","to":"%2$s","tasks":"严厉打击破坏鸟类等野生动物资源的违法犯罪活动"}],
                 "targetPlaces":["MARKET","PET_SHOP"],"targetBehaviours":["非法出售、收购、利用鸟类等野生动物及其制品"],
                 "recurringDuties":[{"agency":"FORESTRY","description":"对非法交易场所每周至少进行一次巡查","everyDays":7,
                   "hotspots":["%3$s"]}],
                 "reportingRegions":["210100","210200"],"monthlyDueDay":5,"finalReportDue":"%4$s"}""".formatted(
                                firstMonth.atDay(1),
                                thisMonth.plusMonths(1).atEndOfMonth(),
                                HOTSPOT,
                                thisMonth.plusMonths(2).atDay(15)),
                client.as("liaoning-forestry"));
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        return entered.body().get("id").asString();
    }

    private PlatformClient.Answer submit(
            String operationId, String user, String region, YearMonth period, LocalDate on) {
        return client.post(
                gateway + "/api/operations/" + operationId + "/reports",
                """
                {"region":"%s","period":"%s","submittedOn":"%s"}""".formatted(region, period, on),
                client.as(user));
    }

    private JsonNode deadline(String id) {
        return client.get(gateway + "/api/deadlines/" + id, client.as("liaoning-forestry"))
                .body();
    }

    private static String monthly(String operationId, String region, YearMonth period) {
        return "OPERATION_MONTHLY_REPORT:" + operationId + ":" + region + ":" + period;
    }

    /** The id in docs/deadlines.md: operation, agency, ISO week and the first 10 hex of SHA-256 of the hotspot. */
    private static String patrol(String operationId, LocalDate day) throws Exception {
        String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(HOTSPOT.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 10);
        return "OPERATION_WEEKLY_PATROL:" + operationId + ":FORESTRY:" + week + ":" + digest;
    }

    private List<String> inboxKinds(String user, String subjectId) {
        List<String> kinds = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode items = client.get(gateway + "/api/inbox?size=200&page=" + page, client.as(user))
                    .body();
            items.valueStream()
                    .filter(item -> subjectId.equals(item.get("subjectId").asString()))
                    .forEach(item -> kinds.add(item.get("kind").asString()));
            if (items.size() < 200) {
                break;
            }
        }
        return kinds;
    }

    @Test
    void anOperationsReportsAndPatrolsAreClocksMetInTimeMetLateOrMissedAndWatchedByItsLeadOffice() throws Exception {
        String operationId = enter();
        String onTime = monthly(operationId, "210100", thisMonth);
        String missed = monthly(operationId, "210100", firstMonth);
        String late = monthly(operationId, "210200", firstMonth);

        // Entered: every reporting city owes a summary for each month of the operation, due on the 5th after it.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode current = deadline(onTime);
            assertThat(current.get("state").asString()).isEqualTo("OPEN");
            assertThat(current.get("agency").asString()).isEqualTo("FORESTRY");
            assertThat(current.get("region").asString()).isEqualTo("210100");
            assertThat(current.get("dueDate").asString())
                    .isEqualTo(thisMonth.plusMonths(1).atDay(5).toString());
            assertThat(current.get("title").asString()).contains("210100", thisMonth.toString());
            assertThat(deadline("OPERATION_FINAL_REPORT:" + operationId + ":210000:FINAL")
                            .get("dueDate")
                            .asString())
                    .isEqualTo(thisMonth.plusMonths(2).atDay(15).toString());
        });
        assertThat(client.get(
                                gateway + "/api/deadlines?subjectId=" + operationId + ":210200:" + thisMonth,
                                client.as("liaoning-forestry"))
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);

        // Shenyang sends this month's summary today, before it is due; Dalian sends its first one weeks late.
        PlatformClient.Answer sent = submit(operationId, "shenyang-forestry", "210100", thisMonth, today);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
        PlatformClient.Answer lateOne = submit(operationId, "liaoning-forestry", "210200", firstMonth, today);
        assertThat(lateOne.status()).as(lateOne.raw()).isEqualTo(201);
        // A patrol of the hotspot this week.
        PlatformClient.Answer patrolled = client.post(
                gateway + "/api/operations/" + operationId + "/sorties",
                """
                {"region":"210102","on":"%s","personnel":4,"vehicles":1,"places":[{"kind":"MARKET","count":1}],
                 "hotspot":"%s"}""".formatted(today, HOTSPOT),
                client.as("shenyang-forestry"));
        assertThat(patrolled.status()).as(patrolled.raw()).isEqualTo(201);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(deadline(onTime).get("state").asString()).isEqualTo("MET");
            assertThat(deadline(late).get("state").asString()).isEqualTo("MET_LATE");
            assertThat(deadline(patrol(operationId, today)).get("state").asString())
                    .isEqualTo("MET");
            assertThat(deadline(missed).get("state").asString()).isEqualTo("ESCALATED");
        });
        // Last week's patrol was not done (the operation was entered today): it is overdue, not met.
        assertThat(deadline(patrol(operationId, today.minusWeeks(1)))
                        .get("state")
                        .asString())
                .isIn("OVERDUE", "ESCALATED");

        List<ConsumerRecord<String, byte[]>> missedAlerts =
                client.read(Topics.PLATFORM_ALERTS, r -> missed.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(missedAlerts)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filteredOn(v -> v.contains("\"kind\":\"OVERDUE\""))
                .as("exactly one overdue alert")
                .singleElement()
                .satisfies(
                        v -> assertThat(v).contains("FORESTRY@210100", "FORESTRY@210000", "SUPERVISION_OFFICE@210000"));
        assertThat(client.read(Topics.PLATFORM_ALERTS, r -> onTime.equals(r.key()), 0, Duration.ofSeconds(4)))
                .as("a report in time raises nothing")
                .isEmpty();

        // The lead office (the province's bureau) sees the missed report from its first alert on.
        String missedReport = operationId + ":210100:" + firstMonth;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(inboxKinds("liaoning-forestry", missedReport)).containsExactlyInAnyOrder("OVERDUE", "ESCALATED");
            assertThat(inboxKinds("shenyang-forestry", missedReport)).contains("OVERDUE");
        });
        assertThat(inboxKinds("forestry-officer", missedReport))
                .as("a Jilin county sees nothing of it")
                .isEmpty();

        // inspection-service's own view of the reports is unchanged: on time, late, missing.
        JsonNode status = client.get(
                        gateway + "/api/operations/" + operationId + "/reports?asOf=" + today,
                        client.as("liaoning-forestry"))
                .body();
        assertThat(status.valueStream()
                        .filter(s -> s.get("region").asString().equals("210100")
                                && s.get("period").asString().equals(firstMonth.toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("state")
                        .asString())
                .isEqualTo("MISSING");
    }

    @Test
    void aSortieArrivingBeforeTheOperationsEntryMeetsItsWeeksPatrolOnceAndReplaysChangeNothing() throws Exception {
        String operationId = "OP-210000-IT-"
                + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate monday = today.minusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        Envelope<SortieRecorded> sortie = Envelope.of(
                INSPECTION_SERVICE,
                Agency.FORESTRY,
                "210102",
                new SortieRecorded(
                        "SRT-IT-" + operationId,
                        operationId,
                        Agency.FORESTRY,
                        "210102",
                        monday.plusDays(2),
                        3,
                        1,
                        List.of(new SortieRecorded.Places(PlaceKind.MARKET, 2)),
                        HOTSPOT));
        Envelope<OperationChanged> entered = Envelope.of(
                INSPECTION_SERVICE,
                Agency.FORESTRY,
                "210000",
                new OperationChanged(
                        operationId,
                        "沈阳市花鸟市场巡查行动（测试）",
                        Agency.FORESTRY,
                        "辽宁省林业和草原局野生动植物保护处",
                        "210000",
                        monday,
                        monday.plusDays(13),
                        List.of(),
                        List.of(Agency.FORESTRY),
                        null,
                        List.of(),
                        List.of(new OperationChanged.Duty(Agency.FORESTRY, "对非法交易场所每周至少进行一次巡查", 7, List.of(HOTSPOT))),
                        1));
        client.publish(Topics.PLATFORM_OPERATIONS, sortie);
        client.publish(Topics.PLATFORM_OPERATIONS, entered);
        String covered = patrol(operationId, monday);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(deadline(covered).get("state").asString()).isEqualTo("MET");
            assertThat(deadline(patrol(operationId, monday.plusWeeks(1)))
                            .get("state")
                            .asString())
                    .isIn("OPEN", "APPROACHING", "OVERDUE", "ESCALATED");
        });
        JsonNode met = deadline(covered);
        assertThat(met.get("history").valueStream().map(h -> h.get("change").asString()))
                .containsExactly("OPENED", "MET");

        client.publish(Topics.PLATFORM_OPERATIONS, entered);
        client.publish(Topics.PLATFORM_OPERATIONS, sortie);
        assertThat(client.read(Topics.PLATFORM_ALERTS, r -> covered.equals(r.key()), 0, Duration.ofSeconds(4)))
                .isEmpty();
        assertThat(deadline(covered).get("version").asLong())
                .isEqualTo(met.get("version").asLong());
    }

    @Test
    void theThirtyDaysOfArticleSixtyAreRefusedToAForestryBureauWithAProblemNamingTheExtension() {
        PlatformClient.Answer opened =
                client.post(gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"%sT02:00:00Z",
                 "title":"奢岭镇非法出售野生鸟类案","behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "species":[{"speciesCode":"cygnus-cygnus","count":1,"unit":"ANIMAL"}],"value":6000}""".formatted(today.minusDays(1)), client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String deadlineId = "ADMIN_PENALTY_DECISION:" + opened.body().get("id").asString();
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                client.get(gateway + "/api/deadlines/" + deadlineId, client.as("forestry-head"))
                                        .body()
                                        .get("allowedExtensions")
                                        .get(0)
                                        .get("agencies")
                                        .get(0)
                                        .asString())
                        .isEqualTo("MARKET_SUPERVISION"));

        String url = gateway + "/api/deadlines/" + deadlineId + "/extensions";
        String request = """
                {"extension":1,"approvalReference":"长林审〔2026〕12号"}""";
        PlatformClient.Answer refused =
                client.post(url, request, client.as("forestry-head", "Accept-Language", "zh-CN"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("extension");
        assertThat(error.get("message").asString()).contains("市场监督管理局", "林业和草原局");
        assertThat(client.post(url, request, client.as("forestry-head", "Accept-Language", "en"))
                        .body()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("MARKET_SUPERVISION", "FORESTRY");

        JsonNode after = client.get(gateway + "/api/deadlines/" + deadlineId, client.as("forestry-head"))
                .body();
        assertThat(after.get("extensions").size()).as("nothing granted").isZero();
        assertThat(after.get("history").valueStream().map(h -> h.get("change").asString()))
                .containsExactly("OPENED");
        // A province's own rule says the same in its extensions; one naming no real agency is refused field by field.
        PlatformClient.Answer badRule = client.post(gateway + "/api/deadline-rules", """
                {"id":"JL_PENALTY_DECISION","title":"吉林省行政处罚决定期限（示例）","legalBasis":"（省级规定及条款）",
                 "kind":"DUTY","subjectType":"CASE","opensOn":"cn.wildlife.case.opened.v1","agencies":["FORESTRY"],
                 "closesOn":["cn.wildlife.case.penalty-decided.v1"],"amount":90,"unit":"CALENDAR_DAYS",
                 "extensions":[{"amount":30,"unit":"CALENDAR_DAYS","approval":"负责人批准","agencies":["MARKET"]}],
                 "warnBefore":["P1D"],"responsible":"HANDLING_AGENCY","escalation":["AGENCY_HEAD"],
                 "watchers":["GOVERNOR"],"regions":["220000"]}""", client.as("system-admin"));
        assertThat(badRule.status()).as(badRule.raw()).isEqualTo(400);
        assertThat(badRule.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("extensions[0].agencies", "watchers[0]");
    }
}
