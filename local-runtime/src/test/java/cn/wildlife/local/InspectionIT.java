package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Topics;
import cn.wildlife.inspection.inspection.domain.RandomDraw;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inspections of captive-breeding facilities: the 双随机 draw, the record, rectification, measures. */
class InspectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private JsonNode register(String user, String region, String name, String holdings) {
        PlatformClient.Answer created = client.post(
                gateway + "/api/facilities", """
                {"name":"%s","region":"%s","address":"某镇","licenceNumber":"吉林繁育-%s-%s",
                 "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":["cervus-nippon","phasianus-colchicus"],
                 "purposes":["BREEDING","SALE"],"holdings":%s}""".formatted(name, region, run, name, holdings), client.as(user));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    /** How many events of a type the aggregate has on platform.inspections. */
    private int events(String type, String key) {
        return client.read(
                        Topics.PLATFORM_INSPECTIONS,
                        r -> key.equals(r.key())
                                && r.headers().lastHeader("ce_type") != null
                                && type.equals(new String(
                                        r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                        1,
                        PATIENCE)
                .size();
    }

    private String deadlineState(String subjectId) {
        JsonNode page = client.get(gateway + "/api/deadlines?size=50&subjectId=" + subjectId, client.as("supervisor"))
                .body();
        return page.get("items")
                .valueStream()
                .filter(d -> d.get("ruleId").asString().equals("RECTIFICATION_DEADLINE"))
                .map(d -> d.get("state").asString())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aDrawIsReproducedFromItsRecordedSeedAndPublished() {
        String region = "220122";
        for (int i = 1; i <= 5; i++) {
            register("forestry-nongan", region, "农安繁育场" + i, "[]");
        }
        String draw = """
                {"region":"220122","facilityCount":3,"inspectorsPerFacility":2,
                 "plannedFor":"2026-12-10","roster":[{"name":"张伟","conflicts":[]},{"name":"李娜"},
                 {"name":"王磊"},{"name":"刘洋"}]}""";
        // The seed is the server's: a drawer who names one is refused, naming the field, and nothing is drawn.
        PlatformClient.Answer chosen = client.post(
                gateway + "/api/inspections/draws",
                draw.replace("{\"region\"", "{\"seed\":20261125,\"region\""),
                client.as("forestry-nongan", "Accept-Language", "zh-CN"));
        assertThat(chosen.status()).as(chosen.raw()).isEqualTo(400);
        assertThat(chosen.body().get("errors").get(0).get("field").asString()).isEqualTo("seed");
        assertThat(chosen.raw()).contains("随机种子由服务端生成");

        PlatformClient.Answer first =
                client.post(gateway + "/api/inspections/draws", draw, client.as("forestry-nongan"));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        JsonNode recorded = first.body();
        long seed = recorded.get("seed").asLong();
        assertThat(seed).isNotNegative().isLessThan(RandomDraw.SEED_BOUND);
        assertThat(recorded.get("algorithm").asString()).isEqualTo(RandomDraw.ALGORITHM);
        assertThat(recorded.get("inspectionIds").size()).isEqualTo(3);

        // Drawn again here, from the inputs the draw recorded, with the platform's own algorithm.
        List<String> candidates =
                recorded.get("candidates").valueStream().map(JsonNode::asString).toList();
        List<RandomDraw.Inspector> roster = recorded.get("roster")
                .valueStream()
                .map(i -> new RandomDraw.Inspector(
                        i.get("name").asString(),
                        new HashSet<>(i.get("conflicts")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList())))
                .toList();
        Map<String, List<String>> again = RandomDraw.draw(new RandomDraw.Input(seed, candidates, 3, roster, 2))
                .inspectorsByFacility();
        Map<String, List<String>> published = new LinkedHashMap<>();
        recorded.get("inspectorsByFacility")
                .properties()
                .forEach(e -> published.put(
                        e.getKey(),
                        e.getValue().valueStream().map(JsonNode::asString).toList()));
        assertThat(new ArrayList<>(published.keySet())).containsExactlyElementsOf(again.keySet());
        assertThat(published).isEqualTo(again);

        String drawId = recorded.get("id").asString();
        JsonNode verification = client.get(
                        gateway + "/api/inspections/draws/" + drawId + "/verification", client.as("forestry-head"))
                .body();
        assertThat(verification.get("reproduced").asBoolean()).isTrue();

        assertThat(verification.get("seed").asLong()).isEqualTo(seed);

        // Drawing again over the same list is a new draw with a new seed of the server's, recorded apart.
        JsonNode second = client.post(gateway + "/api/inspections/draws", draw, client.as("forestry-nongan"))
                .body();
        assertThat(second.get("id").asString()).isNotEqualTo(recorded.get("id").asString());
        assertThat(second.get("seed").asLong()).isNotEqualTo(seed);

        // Every planned inspection carries its draw and inspectors.
        JsonNode planned = client.get(
                        gateway + "/api/inspections/"
                                + recorded.get("inspectionIds").get(0).asString(),
                        client.as("forestry-nongan"))
                .body();
        assertThat(planned.get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("drawId").asString()).isEqualTo(drawId);

        assertThat(client.post(
                                gateway + "/api/inspections/draws/" + drawId + "/publish",
                                "",
                                client.as("forestry-nongan"))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(
                                gateway + "/api/inspections/draws/" + drawId + "/publish",
                                "",
                                client.as("forestry-nongan"))
                        .status())
                .isEqualTo(409);
        assertThat(events("cn.wildlife.inspection.draw-published.v1", drawId)).isEqualTo(1);
        // A sibling county neither sees nor draws in Nong'an.
        assertThat(client.get(gateway + "/api/inspections/draws/" + drawId, client.as("forestry-officer"))
                        .status())
                .isEqualTo(404);
        assertThat(client.post(gateway + "/api/inspections/draws", draw, client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDrawWithTooFewInspectorsFreeOfConflictIsRefusedNamingTheRoster() {
        // Dehui (220183) has this one facility only, so the draw must land on it.
        String id =
                register("forestry-head", "220183", "德惠冲突测试场", "[]").get("id").asString();
        PlatformClient.Answer refused = client.post(
                gateway + "/api/inspections/draws",
                """
                {"region":"220183","facilityCount":1,"inspectorsPerFacility":2,"plannedFor":"2026-12-10",
                 "roster":[{"name":"张伟","conflicts":["%s"]},{"name":"李娜"}]}""".formatted(id),
                client.as("forestry-head", "Accept-Language", "zh-CN"));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("roster");
        assertThat(refused.raw()).contains("无利益冲突的检查人员仅 1 名");
    }

    @Test
    void pastDrawsAreListedNewestFirstWithinTheCallersRegionAPageAtATime() {
        // Lüyuan (220106) is drawn in by this test alone.
        String facilityId =
                register("forestry-head", "220106", "绿园名单测试场", "[]").get("id").asString();
        String draw = """
                {"region":"220106","facilityCount":1,"inspectorsPerFacility":1,"plannedFor":"2026-12-10",
                 "roster":[{"name":"张伟"},{"name":"李娜"}]}""";
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PlatformClient.Answer made =
                    client.post(gateway + "/api/inspections/draws", draw, client.as("forestry-head"));
            assertThat(made.status()).as(made.raw()).isEqualTo(201);
            drawn.add(made.body().get("id").asString());
        }

        PlatformClient.Answer listed =
                client.get(gateway + "/api/inspections/draws?region=220106", client.as("forestry-head"));
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().get("total").asLong()).isEqualTo(2);
        JsonNode newest = listed.body().get("items").get(0);
        assertThat(listed.body().get("items").valueStream().map(d -> d.get("id").asString()))
                .containsExactly(drawn.get(1), drawn.get(0));
        assertThat(newest.get("facilityIds").valueStream().map(JsonNode::asString))
                .containsExactly(facilityId);
        assertThat(newest.get("drawnFrom").asInt()).isEqualTo(1);
        assertThat(newest.get("published").asBoolean()).isFalse();
        // A list shows no inputs: they are read from the draw itself.
        assertThat(newest.has("seed")).isFalse();
        assertThat(newest.has("roster")).isFalse();

        JsonNode second = client.get(
                        gateway + "/api/inspections/draws?region=220106&page=1&size=1", client.as("forestry-head"))
                .body();
        assertThat(second.get("items").valueStream().map(d -> d.get("id").asString()))
                .containsExactly(drawn.get(0));
        assertThat(client.get(gateway + "/api/inspections/draws?size=101", client.as("forestry-head"))
                        .status())
                .isEqualTo(400);
        // Oversight reads them; a sibling county and the police do not.
        assertThat(client.get(gateway + "/api/inspections/draws?region=220106", client.as("procurator"))
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(client.get(gateway + "/api/inspections/draws?region=220106", client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
        assertThat(client.get(gateway + "/api/inspections/draws?size=100", client.as("forestry-officer"))
                        .body()
                        .get("items")
                        .valueStream()
                        .map(d -> d.get("region").asString()))
                .allMatch(r -> r.startsWith("220112"));
        assertThat(client.get(gateway + "/api/inspections/draws", client.as("police-officer"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aFindingIsOrderedMissedReinspectedAndMeasuresAppliedAndLifted() {
        JsonNode facility =
                register("forestry-officer", "220112", "双阳检查场", "[{\"speciesCode\":\"cervus-nippon\",\"count\":120}]");
        String facilityId = facility.get("id").asString();
        JsonNode inspection = client.post(
                        gateway + "/api/inspections", """
                {"facilityId":"%s","plannedFor":"2026-11-02","inspectors":["张伟","李娜"]}""".formatted(facilityId), client.as("forestry-officer"))
                .body();
        String inspectionId = inspection.get("id").asString();

        PlatformClient.Answer incomplete = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record", """
                {"inspectedAt":"2026-11-02T02:00:00Z","expectedVersion":1,
                 "checklist":[{"item":"SECURITY","passed":false}],
                 "counted":[{"speciesCode":"unicornis-fabulosa","count":-1}]}""", client.as("forestry-officer"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete
                        .body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("checklist", "counted[0].count", "counted[0].speciesCode");

        PlatformClient.Answer recorded = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record", """
                {"inspectedAt":"2026-11-02T02:00:00Z","expectedVersion":1,
                 "checklist":[{"item":"RULES_AND_PLANS","passed":true},
                   {"item":"SECURITY","passed":false,"note":"鹿舍围栏破损，存在逃逸隐患"},
                   {"item":"LICENCE_AND_RECORDS","passed":true},{"item":"WITHIN_SCOPE","passed":true},
                   {"item":"LEDGER_MATCHES","passed":true}],
                 "counted":[{"speciesCode":"cervus-nippon","count":112}],
                 "findings":[{"item":"SECURITY","description":"鹿舍围栏破损","suspectedCrime":false},
                   {"item":"LEDGER_MATCHES","description":"梅花鹿少8头，场方称已出售但无销售记录，涉嫌非法出售",
                    "suspectedCrime":true,"speciesCodes":["cervus-nippon"]}]}""", client.as("forestry-officer"));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        JsonNode record = recorded.body();
        // The ledger said 120; the count on site decides the item, whatever was ticked.
        assertThat(record.get("checklist")
                        .valueStream()
                        .filter(c -> c.get("item").asString().equals("LEDGER_MATCHES"))
                        .findFirst()
                        .orElseThrow()
                        .get("passed")
                        .asBoolean())
                .isFalse();
        assertThat(record.get("discrepancies").get(0).get("ledger").asLong()).isEqualTo(120);
        String securityFinding = record.get("findings").get(0).get("id").asString();
        assertThat(events("cn.wildlife.inspection.crime-suspected.v1", inspectionId))
                .isEqualTo(1);
        assertThat(client.get(gateway + "/api/inspections?facilityId=" + facilityId, client.as("forestry-head"))
                        .body()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("RECORDED");

        // Ordered on 2 November to rectify by 10 November: the clock runs to the order's own day, and is missed.
        PlatformClient.Answer ordered = client.post(
                gateway + "/api/inspections/rectifications",
                """
                {"inspectionId":"%s","findingId":"%s","requirement":"修复鹿舍围栏并加装电子围栏",
                 "dueBy":"2026-11-10","orderedAt":"2026-11-02T08:00:00Z"}""".formatted(inspectionId, securityFinding),
                client.as("forestry-officer"));
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(201);
        String orderId = ordered.body().get("id").asString();
        assertThat(ordered.body().get("dueAt").asString()).isEqualTo("2026-11-10T16:00:00Z");
        await().atMost(PATIENCE).until(() -> List.of("OVERDUE", "ESCALATED").contains(deadlineState(orderId)));
        JsonNode deadline = client.get(gateway + "/api/deadlines?subjectId=" + orderId, client.as("supervisor"))
                .body()
                .get("items")
                .get(0);
        assertThat(deadline.get("dueAt").asString()).startsWith("2026-11-10T16:00");

        PlatformClient.Answer reinspected = client.post(
                gateway + "/api/inspections/rectifications/" + orderId + "/reinspect",
                """
                {"reinspectedAt":"2026-11-20T02:00:00Z","accepted":false,"note":"围栏仍未修复","expectedVersion":1}""",
                client.as("forestry-officer"));
        assertThat(reinspected.status()).as(reinspected.raw()).isEqualTo(200);
        assertThat(reinspected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(reinspected.body().get("missedDeadline").asBoolean()).isTrue();
        await().atMost(PATIENCE).until(() -> "MET_LATE".equals(deadlineState(orderId)));
        assertThat(client.post(
                                gateway + "/api/inspections/rectifications/" + orderId + "/reinspect",
                                """
                {"reinspectedAt":"2026-11-21T02:00:00Z","accepted":true,"note":"x","expectedVersion":2}""",
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(409);

        PlatformClient.Answer suspended = client.post(
                gateway + "/api/facilities/" + facilityId + "/measures",
                """
                {"kind":"SUSPEND_BREEDING","on":"2026-11-21","reason":"逾期未整改","rectificationOrderId":"%s"}""".formatted(orderId),
                client.as("forestry-head"));
        assertThat(suspended.status()).as(suspended.raw()).isEqualTo(201);
        JsonNode measure = suspended.body().get("measures").get(0);
        assertThat(measure.get("kind").asString()).isEqualTo("SUSPEND_BREEDING");
        assertThat(client.post(gateway + "/api/facilities/" + facilityId + "/measures", """
                {"kind":"SUSPEND_BREEDING","on":"2026-11-22","reason":"again"}""", client.as("forestry-head"))
                        .status())
                .isEqualTo(409);
        assertThat(events("cn.wildlife.facility.measure-applied.v1", facilityId))
                .isEqualTo(1);

        JsonNode lifted = client.post(
                        gateway + "/api/facilities/" + facilityId + "/measures/"
                                + measure.get("id").asString() + "/lift",
                        """
                {"on":"2026-12-20","reason":"复查验收合格"}""",
                        client.as("forestry-head"))
                .body();
        assertThat(lifted.get("measures").get(0).get("liftedOn").asString()).isEqualTo("2026-12-20");
        assertThat(events("cn.wildlife.facility.measure-lifted.v1", facilityId)).isEqualTo(1);
    }

    @Test
    void ledgerChangesAreDatedSourcedAndCheckedAgainstTheLicence() {
        JsonNode facility =
                register("forestry-officer", "220112", "台账测试场", "[{\"speciesCode\":\"cervus-nippon\",\"count\":10}]");
        String id = facility.get("id").asString();

        PlatformClient.Answer bad = client.post(
                gateway + "/api/facilities/" + id + "/ledger",
                """
                {"on":"2026-11-20","source":"场方月报","expectedVersion":1,
                 "counts":[{"speciesCode":"panthera-tigris","count":1},{"speciesCode":"cervus-nippon","count":-2},
                   {"speciesCode":"unicornis-fabulosa","count":1}]}""",
                client.as("forestry-officer", "Accept-Language", "zh-CN"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("counts[0].speciesCode", "counts[1].count", "counts[2].speciesCode");
        assertThat(bad.raw()).contains("许可范围", "数量不得小于零", "物种代码不存在");

        JsonNode changed = client.post(
                        gateway + "/api/facilities/" + id + "/ledger", """
                {"on":"2026-11-20","source":"场方月报：产仔3头","expectedVersion":1,
                 "counts":[{"speciesCode":"cervus-nippon","count":13}]}""", client.as("forestry-officer"))
                .body();
        assertThat(changed.get("holdings").get(0).get("count").asLong()).isEqualTo(13);
        JsonNode entry = changed.get("ledger").get(1);
        assertThat(entry.get("previous").asLong()).isEqualTo(10);
        assertThat(entry.get("on").asString()).isEqualTo("2026-11-20");
        assertThat(entry.get("source").asString()).isEqualTo("场方月报：产仔3头");
        assertThat(client.post(gateway + "/api/facilities/" + id + "/ledger", """
                {"on":"2026-11-21","source":"x","expectedVersion":1,
                 "counts":[{"speciesCode":"cervus-nippon","count":14}]}""", client.as("forestry-officer"))
                        .status())
                .isEqualTo(409);
        assertThat(events("cn.wildlife.facility.ledger-changed.v1", id)).isPositive();
    }
}
