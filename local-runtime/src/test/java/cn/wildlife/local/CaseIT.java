package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.CaseReported;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.support.kafka.DeadLetterReason;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cases through both doors: numbering, search, timeline, seizures moving with a transfer, the 以罚代刑 check. */
class CaseIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private static String newCase(String title, String species, long count, long value, String grade) {
        return """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z","title":"%s",
                 "behaviours":["ILLEGAL_HUNTING"],"species":[{"speciesCode":"%s","count":%d,"unit":"ANIMAL"}],
                 "value":%d,"grade":"%s",
                 "parties":[{"kind":"PERSON","name":"张三","idNumber":"220112198001011234","phone":"13800000000"}],
                 "evidence":["现场照片 IMG_0412.jpg"]}""".formatted(title, species, count, value, grade);
    }

    private JsonNode open(String body) {
        PlatformClient.Answer created = client.post(gateway + "/api/cases", body, client.as("forestry-officer"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private JsonNode get(String user, String id) {
        return client.get(gateway + "/api/cases/" + id, client.as(user)).body();
    }

    private String deadlineState(String subjectId, String ruleId) {
        JsonNode page = client.get(gateway + "/api/deadlines?size=50&subjectId=" + subjectId, client.as("supervisor"))
                .body();
        return page.get("items")
                .valueStream()
                .filter(d -> d.get("ruleId").asString().equals(ruleId))
                .map(d -> d.get("state").asString())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aCaseIsNumberedOpensItsPenaltyClockAndIsSearchableByEveryFilter() {
        JsonNode c = open(newCase("奢岭水库架网猎捕大天鹅案", "cygnus-cygnus", 1, 8000, "GENERAL"));
        String id = c.get("id").asString();
        assertThat(c.get("number").asString()).matches("220112林行〔2026〕\\d+号");
        assertThat(c.get("protectionLevel").asString()).isEqualTo("NATIONAL_SECOND");
        assertThat(c.get("version").asLong()).isEqualTo(1);
        assertThat(c.get("parties").get(0).get("idNumber").asString()).isEqualTo("220112198001011234");

        await().atMost(PATIENCE).until(() -> "OPEN".equals(deadlineState(id, "ADMIN_PENALTY_DECISION")));

        // Another agency does not see it at all; oversight sees it without the parties' personal data.
        assertThat(client.get(gateway + "/api/cases/" + id, client.as("police-officer"))
                        .status())
                .isEqualTo(404);
        JsonNode seenByProcurator = get("procurator", id);
        assertThat(seenByProcurator.get("parties").get(0).get("name").asString())
                .isEqualTo("张*");
        assertThat(seenByProcurator.get("parties").get(0).hasNonNull("idNumber"))
                .isFalse();
        assertThat(seenByProcurator.get("parties").get(0).hasNonNull("phone")).isFalse();

        String search = gateway + "/api/cases?region=220100&species=cygnus-cygnus&protectionLevel=NATIONAL_SECOND"
                + "&behaviour=ILLEGAL_HUNTING&status=OPEN&openedFrom=2026-11-01T00:00:00Z&size=200";
        assertThat(client.get(search, client.as("forestry-head"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .contains(id);
        assertThat(client.get(
                                gateway + "/api/cases?protectionLevel=NATIONAL_FIRST&size=200",
                                client.as("forestry-officer"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .doesNotContain(id);
        assertThat(client.get(
                                gateway + "/api/cases?openedBefore=2026-11-01T00:00:00Z&size=200",
                                client.as("forestry-officer"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .doesNotContain(id);
        assertThat(client.get(gateway + "/api/cases?agency=FORESTRY", client.as("police-officer"))
                        .status())
                .as("another agency's cases")
                .isEqualTo(403);

        // Paging is stable: two pages of one never overlap.
        JsonNode first = client.get(gateway + "/api/cases?size=2&page=0", client.as("forestry-officer"))
                .body();
        JsonNode second = client.get(gateway + "/api/cases?size=2&page=1", client.as("forestry-officer"))
                .body();
        Set<String> ids = new HashSet<>();
        first.get("items").forEach(n -> ids.add(n.get("id").asString()));
        second.get("items")
                .forEach(n -> assertThat(ids.add(n.get("id").asString())).isTrue());
    }

    @Test
    void badCaseInputNamesEachBadField() {
        PlatformClient.Answer unknown = client.post(
                gateway + "/api/cases",
                newCase("x", "unicornis-fabulosa", 1, 10, "GENERAL"),
                client.as("forestry-officer"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("species[0].speciesCode");

        PlatformClient.Answer chinese = client.send(
                "POST",
                gateway + "/api/cases",
                newCase("x", "unicornis-fabulosa", 1, 10, "GENERAL"),
                client.as("forestry-officer", "Accept-Language", "zh-CN"));
        assertThat(chinese.body().get("errors").get(0).get("message").asString())
                .startsWith("物种代码不存在");
        assertThat(chinese.body().get("title").asString()).isEqualTo("请求参数有误");
        PlatformClient.Answer english = client.send(
                "POST",
                gateway + "/api/cases",
                newCase("x", "unicornis-fabulosa", 1, 10, "GENERAL"),
                client.as("forestry-officer", "Accept-Language", "en"));
        assertThat(english.body().get("errors").get(0).get("message").asString())
                .startsWith("unknown species code");

        PlatformClient.Answer negative = client.post(
                gateway + "/api/cases",
                newCase("x", "cygnus-cygnus", -3, 10, "GENERAL"),
                client.as("forestry-officer"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.raw()).contains("species[0].count");

        PlatformClient.Answer badEnum = client.post(
                gateway + "/api/cases", newCase("x", "cygnus-cygnus", 1, 10, "HUGE"), client.as("forestry-officer"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.raw()).contains("grade");

        PlatformClient.Answer impossibleDate = client.post(
                gateway + "/api/cases",
                newCase("x", "cygnus-cygnus", 1, 10, "GENERAL").replace("2026-11-21T07", "2026-02-30T07"),
                client.as("forestry-officer"));
        assertThat(impossibleDate.status()).isEqualTo(400);
        assertThat(impossibleDate.raw()).contains("openedAt");

        PlatformClient.Answer wrongKind = client.post(
                gateway + "/api/cases",
                newCase("x", "cygnus-cygnus", 1, 10, "GENERAL").replace("ADMINISTRATIVE", "CRIMINAL"),
                client.as("forestry-officer"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().get("errors").get(0).get("field").asString())
                .isEqualTo("kind");

        PlatformClient.Answer badRegion = client.send(
                "POST",
                gateway + "/api/cases",
                newCase("x", "cygnus-cygnus", 1, 10, "GENERAL").replace("\"220112\"", "\"2201\""),
                client.as("forestry-officer", "Accept-Language", "en"));
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.body().get("errors").get(0).get("field").asString())
                .isEqualTo("region");
    }

    @Test
    void numbersStayUniqueWhenOfficersOpenCasesAtTheSameMoment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String body =
                        newCase("并发立案" + i, "anser-fabalis", 2, 500, "GENERAL").replace("220112", "220122");
                numbers.add(pool.submit((Callable<String>) () -> {
                    PlatformClient.Answer a = client.post(gateway + "/api/cases", body, client.as("forestry-nongan"));
                    assertThat(a.status()).as(a.raw()).isEqualTo(201);
                    return a.body().get("number").asString();
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> n : numbers) {
                assertThat(distinct.add(n.get()))
                        .as("number %s given twice", n.get())
                        .isTrue();
            }
            assertThat(distinct).hasSize(24).allMatch(n -> n.startsWith("220122林行〔2026〕"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoOfficersChangingTheSameVersionDoNotOverwriteEachOther() {
        String id = open(newCase("并发修改", "anser-fabalis", 2, 500, "GENERAL"))
                .get("id")
                .asString();
        PlatformClient.Answer one =
                client.send("PATCH", gateway + "/api/cases/" + id, """
                {"expectedVersion":1,"value":900}""", client.as("forestry-officer"));
        PlatformClient.Answer two = client.send("PATCH", gateway + "/api/cases/" + id, """
                {"expectedVersion":1,"title":"并发修改（更正）"}""", client.as("forestry-head"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(two.status()).isEqualTo(409);
        assertThat(two.body().get("version").asLong()).isEqualTo(2);
        JsonNode now = get("forestry-officer", id);
        assertThat(now.get("value").decimalValue()).isEqualByComparingTo("900");
        assertThat(now.get("title").asString()).isEqualTo("并发修改");
    }

    @Test
    void aPenaltyOnACaseAboveTheProsecutionThresholdIsFlaggedToTheProcuratorate() {
        JsonNode c = open(newCase("出售大天鹅案", "cygnus-cygnus", 2, 32000, "GENERAL"));
        String id = c.get("id").asString();
        JsonNode small = open(newCase("捕捉豆雁案", "anser-fabalis", 2, 600, "GENERAL"));

        JsonNode decided = client.post(gateway + "/api/cases/" + id + "/penalty", """
                {"expectedVersion":1,"decisionNumber":"双林罚决〔2026〕12号","decidedAt":"2026-11-24T02:00:00Z",
                 "fine":5000,"confiscation":true,"summary":"没收大天鹅死体二只，罚款五千元"}""", client.as("forestry-officer"))
                .body();
        assertThat(decided.get("status").asString()).isEqualTo("PENALTY_DECIDED");
        assertThat(decided.get("flags").valueStream().map(JsonNode::asString))
                .containsExactly("PENALTY_INSTEAD_OF_PROSECUTION");
        JsonNode smallDecided = client.post(
                        gateway + "/api/cases/" + small.get("id").asString() + "/penalty",
                        """
                {"expectedVersion":1,"decisionNumber":"双林罚决〔2026〕13号","decidedAt":"2026-11-24T02:00:00Z",
                 "fine":500,"confiscation":false,"summary":"罚款五百元"}""",
                        client.as("forestry-officer"))
                .body();
        assertThat(smallDecided.get("flags").size()).as("below every threshold").isZero();

        assertThat(client.post(gateway + "/api/cases/" + id + "/penalty", """
                {"expectedVersion":2,"decisionNumber":"x","decidedAt":"2026-11-24T02:00:00Z","fine":1,
                 "confiscation":false,"summary":"x"}""", client.as("forestry-officer"))
                        .status())
                .isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> flagged = client.read(
                Topics.PLATFORM_CASES,
                r -> id.equals(r.key())
                        && "cn.wildlife.case.penalty-instead-of-prosecution.v1".equals(header(r, "ce_type")),
                1,
                PATIENCE);
        assertThat(flagged).hasSize(1);
        assertThat(new String(flagged.get(0).value(), StandardCharsets.UTF_8))
                .doesNotContain("220112198001011234", "张三", "13800000000");
        assertThat(client.get(
                                gateway + "/api/cases?flag=PENALTY_INSTEAD_OF_PROSECUTION&size=200",
                                client.as("procurator"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .contains(id)
                .doesNotContain(small.get("id").asString());
        await().atMost(PATIENCE).until(() -> "MET".equals(deadlineState(id, "ADMIN_PENALTY_DECISION")));

        JsonNode timeline = client.get(gateway + "/api/cases/" + id + "/timeline", client.as("forestry-officer"))
                .body();
        assertThat(timeline.valueStream().map(e -> e.get("change").asString()))
                .containsExactly("OPENED", "PENALTY_DECIDED");
        assertThat(timeline.get(1)
                        .get("details")
                        .get("thresholdsCrossed")
                        .get(0)
                        .get("legalSource")
                        .asString())
                .contains("法释〔2022〕12号");
    }

    @Test
    void seizedItemsMoveToThePoliceWithTheTransferAndTheCaseIsNeverFlagged() {
        JsonNode c = open(newCase("收购东北虎制品案", "panthera-tigris", 1, 150000, "MAJOR"));
        String id = c.get("id").asString();
        List<ConsumerRecord<String, byte[]>> upward = client.read(
                Topics.PLATFORM_CASES,
                r -> id.equals(r.key()) && "cn.wildlife.case.reported-upward.v1".equals(header(r, "ce_type")),
                1,
                PATIENCE);
        assertThat(new String(upward.get(0).value(), StandardCharsets.UTF_8)).contains("\"superiorRegion\":\"220100\"");

        JsonNode seized = client.post(gateway + "/api/cases/" + id + "/seizures", """
                {"kind":"PRODUCT","speciesCode":"panthera-tigris","description":"虎皮","quantity":1,"unit":"ITEM",
                 "holder":"双阳区林业局执法大队","location":"双阳区林业局证物室","seizedAt":"2026-11-21T08:00:00Z"}""", client.as("forestry-officer"))
                .body();
        String itemId = seized.get("seizures").get(0).get("itemId").asString();
        JsonNode tool = client.post(gateway + "/api/cases/" + id + "/seizures", """
                {"kind":"TOOL","description":"捕兽夹","quantity":3,"unit":"PIECE",
                 "holder":"双阳区林业局执法大队","location":"现场","seizedAt":"2026-11-21T08:00:00Z"}""", client.as("forestry-officer"))
                .body();
        String toolId = tool.get("seizures").get(1).get("itemId").asString();
        assertThat(client.post(
                                gateway + "/api/cases/" + id + "/seizures/" + itemId + "/custody",
                                """
                {"action":"APPRAISED","holder":"吉林省林业司法鉴定中心","location":"长春市","at":"2026-11-22T02:00:00Z"}""",
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(
                                gateway + "/api/cases/" + id + "/seizures/" + toolId + "/custody",
                                """
                {"action":"DESTROYED","holder":"双阳区林业局","location":"现场","at":"2026-11-22T02:00:00Z"}""",
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(200);
        PlatformClient.Answer afterEnd = client.post(
                gateway + "/api/cases/" + id + "/seizures/" + toolId + "/custody", """
                {"action":"STORED","holder":"x","location":"x","at":"2026-11-23T02:00:00Z"}""", client.as("forestry-officer"));
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.body().get("lastAction").asString()).isEqualTo("DESTROYED");

        // Supervised listing by the city's head; a county officer may not.
        assertThat(client.post(gateway + "/api/cases/" + id + "/supervision", """
                {"note":"重大案件，市局挂牌督办"}""", client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
        JsonNode supervised = client.post(
                        gateway + "/api/cases/" + id + "/supervision", """
                {"note":"重大案件，市局挂牌督办"}""", client.as("forestry-head"))
                .body();
        assertThat(supervised.get("supervision").get("byRegion").asString()).isEqualTo("220100");

        String transfer = client.post(gateway + "/api/transfers", """
                {"caseNumber":"%s","summary":"收购东北虎皮，涉嫌危害珍贵、濒危野生动物罪"}""".formatted(id), client.as("forestry-officer"))
                .body()
                .get("id")
                .asString();
        step("forestry-head", transfer, "approve", "{}");
        step("forestry-officer", transfer, "transfer", """
                {"packageParts":["TRANSFER_LETTER","INVESTIGATION_REPORT","SEIZED_ITEMS_LIST","TEST_OR_APPRAISAL_REPORTS"]}""");
        step("police-officer", transfer, "receive", "{}");
        step("police-officer", transfer, "file", "{}");
        step("forestry-officer", transfer, "hand-over-items", "{}");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode now = get("forestry-officer", id);
            assertThat(now.get("transferred").asBoolean()).isTrue();
            assertThat(now.get("status").asString()).isEqualTo("TRANSFERRED");
            JsonNode custody = now.get("seizures").get(0).get("custody");
            assertThat(custody.get(custody.size() - 1).get("action").asString()).isEqualTo("HANDED_OVER");
            JsonNode toolCustody = now.get("seizures").get(1).get("custody");
            assertThat(toolCustody.get(toolCustody.size() - 1).get("action").asString())
                    .isEqualTo("DESTROYED");
        });
        JsonNode timeline = client.get(gateway + "/api/cases/" + id + "/timeline", client.as("forestry-officer"))
                .body();
        assertThat(timeline.valueStream()
                        .map(e ->
                                e.get("change").asString() + "/" + e.get("door").asString()))
                .containsExactly(
                        "OPENED/REST",
                        "SEIZURE_RECORDED/REST",
                        "SEIZURE_RECORDED/REST",
                        "CUSTODY_CHANGED/REST",
                        "CUSTODY_CHANGED/REST",
                        "SUPERVISION_LISTED/REST",
                        "TRANSFERRED/EVENT",
                        "CUSTODY_CHANGED/EVENT");
        await().atMost(PATIENCE).until(() -> "MET".equals(deadlineState(id, "ADMIN_PENALTY_DECISION")));
        assertThat(client.get(gateway + "/api/cases?supervised=true&size=200", client.as("forestry-head"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .contains(id);
    }

    @Test
    void anAgencySystemsCaseReportIsRecordedOnceAndAPoisonReportGoesToTheDeadLetterTopic() {
        String id = "FORESTRY-220112-IT-" + UUID.randomUUID().toString().substring(0, 8);
        Envelope<CaseReported> report = Envelope.of(
                URI.create("urn:agency:forestry:220112"),
                Agency.FORESTRY,
                "220112",
                new CaseReported(
                        id,
                        CaseKind.ADMINISTRATIVE,
                        "220112",
                        Instant.parse("2026-11-20T02:00:00Z"),
                        "系统报送：非法收购豆雁案",
                        List.of(Behaviour.ILLEGAL_PURCHASE_TRANSPORT_SALE),
                        List.of(new SpeciesCount("anser-fabalis", 12, QuantityUnit.ANIMAL, null)),
                        new BigDecimal("3600"),
                        CaseGrade.GENERAL,
                        null,
                        null));
        String topic = Topics.agencyCases(Agency.FORESTRY);
        client.publish(topic, report);
        client.publish(topic, report);
        String poisonId = "FORESTRY-220112-IT-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                topic,
                Envelope.of(
                        URI.create("urn:agency:forestry:220112"),
                        Agency.FORESTRY,
                        "220112",
                        new CaseReported(
                                poisonId,
                                CaseKind.ADMINISTRATIVE,
                                "220112",
                                Instant.parse("2026-11-20T02:00:00Z"),
                                "未知物种",
                                List.of(),
                                List.of(new SpeciesCount("no-such-bird", 1, QuantityUnit.ANIMAL, null)),
                                null,
                                CaseGrade.GENERAL,
                                null,
                                null)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.get(gateway + "/api/cases/" + id, client.as("forestry-officer"))
                                .status())
                        .isEqualTo(200));
        JsonNode c = get("forestry-officer", id);
        assertThat(c.get("species").get(0).get("protectionLevel").asString()).isEqualTo("SANYOU");
        List<ConsumerRecord<String, byte[]>> dead =
                client.read(Topics.deadLetter(topic), r -> poisonId.equals(r.key()), 1, PATIENCE);
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetterReason.HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("no-such-bird");
        assertThat(client.read(
                        Topics.PLATFORM_CASES,
                        r -> id.equals(r.key()) && "cn.wildlife.case.opened.v1".equals(header(r, "ce_type")),
                        2,
                        Duration.ofSeconds(5)))
                .as("opened once though reported twice")
                .hasSize(1);
        JsonNode timeline = client.get(gateway + "/api/cases/" + id + "/timeline", client.as("forestry-officer"))
                .body();
        assertThat(timeline.size()).isEqualTo(1);
        assertThat(timeline.get(0).get("door").asString()).isEqualTo("EVENT");
        assertThat(client.get(gateway + "/api/cases/" + poisonId, client.as("forestry-officer"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theSpeciesCatalogueIsReadableAndImportedOnlyWholeUnlessToldToSkip() {
        JsonNode swan = client.get(gateway + "/api/species/cygnus-cygnus", client.as("police-officer"))
                .body();
        assertThat(swan.get("nameZh").asString()).isEqualTo("大天鹅");
        assertThat(swan.get("protectionLevelLabel").asString()).isEqualTo("国家二级");

        String csv = """
                代码,中文名,学名,纲,保护级别,CITES附录,计数单位
                otus-sunia,红角鸮,Otus sunia,鸟纲,国家二级,II,只
                bad code,无名,X,鸟纲,国家二级,,只
                pica-pica,喜鹊,Pica pica,鸟纲,三有,,条
                """;
        PlatformClient.Answer refused = client.send(
                "POST", gateway + "/api/species/import", csv, client.as("system-admin", "Content-Type", "text/csv"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("row 3 代码", "row 4 计数单位");
        assertThat(client.get(gateway + "/api/species/otus-sunia", client.as("forestry-officer"))
                        .status())
                .as("nothing imported from a file with errors")
                .isEqualTo(404);
        assertThat(client.send(
                                "POST",
                                gateway + "/api/species/import",
                                csv,
                                client.as("forestry-officer", "Content-Type", "text/csv"))
                        .status())
                .isEqualTo(403);

        PlatformClient.Answer skipped = client.send(
                "POST",
                gateway + "/api/species/import?skipInvalid=true",
                csv,
                client.as("system-admin", "Content-Type", "text/csv"));
        assertThat(skipped.body().get("imported").asInt()).isEqualTo(1);
        assertThat(client.get(gateway + "/api/species/otus-sunia", client.as("forestry-officer"))
                        .body()
                        .get("protectionLevel")
                        .asString())
                .isEqualTo("NATIONAL_SECOND");
    }

    private void step(String user, String transfer, String step, String body) {
        PlatformClient.Answer a =
                client.post(gateway + "/api/transfers/" + transfer + "/steps/" + step, body, client.as(user));
        assertThat(a.status()).as(step + ": " + a.raw()).isEqualTo(200);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
