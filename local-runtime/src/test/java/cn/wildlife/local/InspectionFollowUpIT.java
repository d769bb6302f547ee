package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.inspection.inspection.domain.RandomDraw;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What follows an inspection or an operation beyond inspection-service: a finding that suggests a crime becomes a
 * police clue, clues and inspections counted in their operation's results, species imported into case-service
 * accepted here, and a published draw announced to the public.
 */
class InspectionFollowUpIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String CHECKLIST = """
            [{"item":"RULES_AND_PLANS","passed":true},{"item":"SECURITY","passed":true},
             {"item":"LICENCE_AND_RECORDS","passed":true},{"item":"WITHIN_SCOPE","passed":true},
             {"item":"LEDGER_MATCHES","passed":true}]""";

    private static final LocalDate FROM =
            LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
    private static final LocalDate TO = FROM.plusDays(40);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String facility(String user, String region, String name, String species, String holdings) {
        PlatformClient.Answer created = client.post(
                gateway + "/api/facilities",
                """
                {"name":"%s","region":"%s","address":"某镇","licenceNumber":"繁育-%s-%s","licenceValidUntil":"2028-12-31",
                 "licensedSpeciesCodes":%s,"purposes":["BREEDING"],"holdings":%s}""".formatted(name, region, run, name, species, holdings),
                client.as(user));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String planned(String user, String facilityId) {
        PlatformClient.Answer planned =
                client.post(gateway + "/api/inspections", """
                {"facilityId":"%s","plannedFor":"2026-11-20","inspectors":["张伟","李娜"]}""".formatted(facilityId), client.as(user));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        return planned.body().get("id").asString();
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        return r.headers().lastHeader("ce_type") == null
                ? ""
                : new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void aFindingThatSuggestsACrimeBecomesAClueOfThePoliceOfTheFacilitysRegionOnItsOwnClock() {
        String facilityId = facility(
                "forestry-officer",
                "220112",
                "双阳线索场",
                "[\"cervus-nippon\"]",
                "[{\"speciesCode\":\"cervus-nippon\",\"count\":30}]");
        String inspectionId = planned("forestry-officer", facilityId);
        PlatformClient.Answer recorded = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record",
                """
                {"inspectedAt":"%s","expectedVersion":1,"checklist":%s,
                 "counted":[{"speciesCode":"cervus-nippon","count":22}],
                 "findings":[{"item":"LEDGER_MATCHES","description":"梅花鹿少8头，无销售记录，涉嫌非法出售",
                   "suspectedCrime":true,"speciesCodes":["cervus-nippon"]}]}""".formatted(Instant.now().minus(1, ChronoUnit.HOURS), CHECKLIST),
                client.as("forestry-officer"));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        String findingId = recorded.body().get("findings").get(0).get("id").asString();
        String clueId = "PUBLIC_SECURITY-" + findingId;

        // The police of Shuangyang receive it as their own clue, sourced to the inspection and the facility.
        await().atMost(PATIENCE)
                .until(() -> client.get(gateway + "/api/clues/" + clueId, client.as("police-officer"))
                                .status()
                        == 200);
        JsonNode clue = client.get(gateway + "/api/clues/" + clueId, client.as("police-officer"))
                .body();
        assertThat(clue.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(clue.get("region").asString()).isEqualTo("220112");
        assertThat(clue.get("source").asString()).isEqualTo("INSPECTION");
        assertThat(clue.get("channel").asString()).isEqualTo("INSPECTION");
        assertThat(clue.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(clue.get("speciesCodes").get(0).asString()).isEqualTo("cervus-nippon");
        assertThat(clue.get("fromInspection").get("inspectionId").asString()).isEqualTo(inspectionId);
        assertThat(clue.get("fromInspection").get("facilityId").asString()).isEqualTo(facilityId);
        assertThat(clue.get("place").get("description").asString()).contains(facilityId, inspectionId);

        // The police's own clue clock opens, as for any clue the police receive.
        await().atMost(PATIENCE)
                .until(() -> client.get(gateway + "/api/deadlines?subjectId=" + clueId, client.as("supervisor"))
                        .body()
                        .get("items")
                        .valueStream()
                        .anyMatch(d -> d.get("ruleId").asString().equals("CLUE_FILING_REVIEW_POLICE")));

        // The inspectors see which agency has the finding, under which clue id.
        await().atMost(PATIENCE)
                .until(() -> client.get(gateway + "/api/inspections/" + inspectionId, client.as("forestry-officer"))
                                .body()
                                .get("clues")
                                .size()
                        == 1);
        JsonNode handedOver = client.get(gateway + "/api/inspections/" + inspectionId, client.as("forestry-officer"))
                .body()
                .get("clues")
                .get(0);
        assertThat(handedOver.get("clueId").asString()).isEqualTo(clueId);
        assertThat(handedOver.get("findingId").asString()).isEqualTo(findingId);
        assertThat(handedOver.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");

        // The same event delivered again records nothing new.
        ConsumerRecord<String, byte[]> suspected = client.read(
                        Topics.PLATFORM_INSPECTIONS,
                        r -> inspectionId.equals(r.key())
                                && type(r).equals("cn.wildlife.inspection.crime-suspected.v1"),
                        1,
                        PATIENCE)
                .get(0);
        try (EventDeserializer events = new EventDeserializer()) {
            client.publish(
                    Topics.PLATFORM_INSPECTIONS,
                    events.deserialize(Topics.PLATFORM_INSPECTIONS, suspected.headers(), suspected.value()));
        }
        assertThat(client.read(
                        Topics.PLATFORM_CLUES,
                        r -> clueId.equals(r.key()) && type(r).equals("cn.wildlife.clue.recorded.v1"),
                        2,
                        Duration.ofSeconds(8)))
                .hasSize(1);
        assertThat(client.get(gateway + "/api/inspections/" + inspectionId, client.as("forestry-officer"))
                        .body()
                        .get("clues")
                        .size())
                .isEqualTo(1);
    }

    /** An operation of a province running from ten days ago for a month, so that what happens now falls within it. */
    private String operation(String user, String province, String city) {
        PlatformClient.Answer entered = client.post(
                gateway + "/api/operations",
                """
                {"name":"冬季候鸟保护专项行动（测试%s）","leadAgency":"FORESTRY","leadOffice":"省林业和草原局",
                 "region":"%s","startsOn":"%s","endsOn":"%s",
                 "participants":[{"agency":"FORESTRY","office":"省林业和草原局","duties":"牵头"},
                   {"agency":"PUBLIC_SECURITY","office":"省公安厅","duties":"打击犯罪"}],
                 "phases":[{"name":"集中打击阶段","from":"%s","to":"%s","tasks":"集中打击"}],
                 "targetPlaces":["MARKET"],"targetBehaviours":[],"recurringDuties":[],"reportingRegions":["%s"],
                 "monthlyDueDay":5,"finalReportDue":"%s"}""".formatted(run, province, FROM, TO, FROM, TO, city, TO.plusDays(15)),
                client.as(user));
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        return entered.body().get("id").asString();
    }

    @Test
    void cluesAndInspectionsTaggedWithAnOperationAreCountedInItsResultsTable() {
        String operationId = operation("liaoning-forestry", "210000", "210100");
        Instant received = Instant.now().minus(2, ChronoUnit.HOURS);

        // One clue through REST, one by the agency's own system; both name the operation.
        String restClue = "FORESTRY-210112-OP-" + run;
        PlatformClient.Answer created = client.post(
                gateway + "/api/clues", """
                {"clueId":"%s","region":"210112","source":"PATROL","receivedAt":"%s","speciesCodes":["chloris-sinica"],
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],"summary":"周巡查发现摊位笼养金翅雀待售",
                 "operationId":"%s"}""".formatted(restClue, received, operationId), client.as("shenyang-forestry"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("operationId").asString()).isEqualTo(operationId);
        String eventClue = "FORESTRY-210102-OP-" + run;
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(
                        URI.create("urn:agency:forestry:210102"),
                        Agency.FORESTRY,
                        "210102",
                        ClueReported.builder(eventClue, "210102", ClueSource.TIP_OFF, received)
                                .speciesCodes(List.of("chloris-sinica"))
                                .summary("群众举报饭店收购野生鸟类")
                                .operationId(operationId)
                                .build()));
        // A clue of no operation is not counted.
        assertThat(client.post(gateway + "/api/clues", """
                {"region":"210112","source":"PATROL","receivedAt":"%s","summary":"行动外线索"}""".formatted(received), client.as("shenyang-forestry"))
                        .status())
                .isEqualTo(201);

        PlatformClient.Answer badId =
                client.post(gateway + "/api/clues", """
                {"region":"210112","source":"PATROL","receivedAt":"%s","summary":"x","operationId":"不是编号"}""".formatted(received), client.as("shenyang-forestry"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("operationId");

        // Every clue event of the flow carries the operation.
        assertThat(new String(
                        client.read(Topics.PLATFORM_CLUES, r -> eventClue.equals(r.key()), 1, PATIENCE)
                                .get(0)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("\"operationId\":\"" + operationId + "\"");
        PlatformClient.Answer assigned = client.post(
                gateway + "/api/clues/" + restClue + "/steps/assign",
                "{\"assignee\":\"沈阳市林草局 王警官\"}",
                client.as("shenyang-forestry"));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(client.read(
                        Topics.PLATFORM_CLUES,
                        r -> restClue.equals(r.key()) && type(r).equals("cn.wildlife.clue.assigned.v1"),
                        1,
                        PATIENCE))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .contains("\"operationId\":\"" + operationId + "\""));

        // An inspection names its operation when recorded; an unknown operation is refused naming the field.
        String facilityId = facility("liaoning-forestry", "210112", "浑南行动检查场", "[\"phasianus-colchicus\"]", "[]");
        String inspectionId = planned("liaoning-forestry", facilityId);
        String record = """
                {"inspectedAt":"%s","expectedVersion":1,"checklist":%s,"operationId":"%s"}""";
        PlatformClient.Answer unknown = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record",
                record.formatted(received, CHECKLIST, "OP-210000-2026-NOSUCH"),
                client.as("liaoning-forestry", "Accept-Language", "zh-CN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("operationId");
        assertThat(unknown.raw()).contains("专项行动不存在");
        PlatformClient.Answer tagged = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record",
                record.formatted(received, CHECKLIST, operationId),
                client.as("liaoning-forestry"));
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        assertThat(tagged.body().get("operationId").asString()).isEqualTo(operationId);

        // A Jilin facility cannot be counted in Liaoning's operation.
        String jilin = facility("forestry-officer", "220112", "吉林非行动场", "[\"phasianus-colchicus\"]", "[]");
        PlatformClient.Answer elsewhere = client.post(
                gateway + "/api/inspections", """
                {"facilityId":"%s","plannedFor":"2026-11-20","inspectors":["张伟"],"operationId":"%s"}""".formatted(jilin, operationId), client.as("forestry-officer"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().get("errors").get(0).get("field").asString())
                .isEqualTo("operationId");

        String url = gateway + "/api/operations/" + operationId + "/results?from=" + FROM + "&to=" + TO;
        await().atMost(PATIENCE)
                .until(() -> row(client.get(url, client.as("liaoning-forestry")).body(), "210000")
                                .get("values")
                                .get("CLUES_RECEIVED")
                                .asLong()
                        == 2);
        JsonNode table = client.get(url + "&sources=true", client.as("liaoning-forestry"))
                .body();
        JsonNode sources = row(table, "210000").get("sources");
        assertThat(sources.get("CLUES_RECEIVED").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("clue:" + restClue, "clue:" + eventClue);
        assertThat(sources.get("BREEDING_SITES_INSPECTED").valueStream().map(JsonNode::asString))
                .contains("inspection:" + inspectionId);
        assertThat(row(table, "210102").get("values").get("CLUES_RECEIVED").asLong())
                .isEqualTo(1);
        assertThat(row(table, "210112").get("values").get("CLUES_RECEIVED").asLong())
                .isEqualTo(1);
        assertThat(client.get(
                                gateway + "/api/operations/" + operationId + "/results/csv?from=" + FROM + "&to=" + TO,
                                client.as("liaoning-forestry"))
                        .raw())
                .contains("受理线索（条）");
    }

    @Test
    void aReferredClueCountsOnceAndTheClueFromATaggedInspectionCountsInItsOperation() {
        String operationId = operation("forestry-province", "220000", "220100");
        Instant received = Instant.now().minus(1, ChronoUnit.HOURS);

        // Forestry's clue of the operation, referred to the police, who receive it again as their own.
        String forestryClue = "FORESTRY-220112-REF-" + run;
        assertThat(client.post(
                                gateway + "/api/clues",
                                """
                {"clueId":"%s","region":"220112","source":"PATROL","receivedAt":"%s","summary":"巡护发现猎套",
                 "operationId":"%s"}""".formatted(forestryClue, received, operationId),
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(201);
        assertThat(client.post(
                                gateway + "/api/clues/" + forestryClue + "/steps/refer",
                                """
                {"referredTo":"PUBLIC_SECURITY","reasons":["涉嫌非法狩猎罪"]}""",
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(
                                gateway + "/api/clues/" + forestryClue + "/steps/accept-referral",
                                "{}",
                                client.as("police-officer"))
                        .status())
                .isEqualTo(200);
        JsonNode policeCopy = client.get(
                        gateway + "/api/clues/PUBLIC_SECURITY-" + forestryClue, client.as("police-officer"))
                .body();
        assertThat(policeCopy.get("operationId").asString()).isEqualTo(operationId);
        assertThat(policeCopy.get("referredFrom").asString()).isEqualTo(forestryClue);

        // An inspection planned under the operation: its finding's police clue carries the operation too.
        String facilityId = facility(
                "forestry-officer",
                "220112",
                "行动线索场",
                "[\"cervus-nippon\"]",
                "[{\"speciesCode\":\"cervus-nippon\",\"count\":10}]");
        PlatformClient.Answer planned = client.post(
                gateway + "/api/inspections", """
                {"facilityId":"%s","plannedFor":"2026-11-20","inspectors":["张伟"],"operationId":"%s"}""".formatted(facilityId, operationId), client.as("forestry-officer"));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        String inspectionId = planned.body().get("id").asString();
        JsonNode recorded = client.post(
                        gateway + "/api/inspections/" + inspectionId + "/record",
                        """
                {"inspectedAt":"%s","expectedVersion":1,"checklist":%s,
                 "findings":[{"item":"WITHIN_SCOPE","description":"超范围出售梅花鹿","suspectedCrime":true}]}""".formatted(received, CHECKLIST),
                        client.as("forestry-officer"))
                .body();
        assertThat(recorded.get("operationId").asString()).isEqualTo(operationId);
        String policeClue =
                "PUBLIC_SECURITY-" + recorded.get("findings").get(0).get("id").asString();

        String url = gateway + "/api/operations/" + operationId + "/results?from=" + FROM + "&to=" + TO;
        await().atMost(PATIENCE)
                .until(() -> row(client.get(url, client.as("forestry-province")).body(), "220000")
                                .get("values")
                                .get("CLUES_RECEIVED")
                                .asLong()
                        >= 2);
        await().during(Duration.ofSeconds(5))
                .atMost(PATIENCE)
                .until(() -> row(client.get(url, client.as("forestry-province")).body(), "220000")
                                .get("values")
                                .get("CLUES_RECEIVED")
                                .asLong()
                        == 2);
        assertThat(row(
                                client.get(url + "&sources=true", client.as("forestry-province"))
                                        .body(),
                                "220000")
                        .get("sources")
                        .get("CLUES_RECEIVED")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("clue:" + forestryClue, "clue:" + policeClue);
    }

    private static JsonNode row(JsonNode table, String region) {
        return table.get("rows")
                .valueStream()
                .filter(r -> r.get("region").asString().equals(region))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSpeciesImportedIntoCaseServiceIsAcceptedByInspectionService() {
        String code = "testudo-" + run;
        String licence = "[\"" + code + "\"]";
        String body = """
                {"name":"新物种繁育场","region":"220112","address":"某镇","licenceNumber":"繁育-%s-新物种",
                 "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":%s,"purposes":["BREEDING"],
                 "holdings":[{"speciesCode":"%s","count":4}]}""".formatted(run, licence, code);
        PlatformClient.Answer before = client.post(gateway + "/api/facilities", body, client.as("forestry-officer"));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("licensedSpeciesCodes[0]", "holdings[0].speciesCode");

        PlatformClient.Answer imported = client.send(
                "POST",
                gateway + "/api/species/import",
                """
                代码,中文名,学名,纲,保护级别,CITES附录,计数单位
                %s,测试陆龟%s,Testudo %s,爬行纲,国家二级,II,只
                """.formatted(code, run, run),
                client.as("system-admin", "Content-Type", "text/csv"));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);

        assertThat(client.read(
                        Topics.PLATFORM_SPECIES,
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(code),
                        1,
                        PATIENCE))
                .hasSize(1);
        await().atMost(PATIENCE)
                .until(() -> client.post(gateway + "/api/facilities", body, client.as("forestry-officer"))
                                .status()
                        == 201);
    }

    @Test
    void aPublishedDrawIsReadableWithoutATokenAndNothingBeforeItIsPublished() {
        String region = "220105";
        for (int i = 1; i <= 2; i++) {
            facility("forestry-head", region, "二道公开场" + i, "[\"cervus-nippon\"]", "[]");
        }
        PlatformClient.Answer drawn =
                client.post(gateway + "/api/inspections/draws", """
                {"region":"%s","facilityCount":1,"inspectorsPerFacility":1,"plannedFor":"2026-12-10",
                 "roster":[{"name":"张伟","conflicts":[]},{"name":"李娜"}]}""".formatted(region), client.as("forestry-head"));
        assertThat(drawn.status()).as(drawn.raw()).isEqualTo(201);
        String drawId = drawn.body().get("id").asString();
        String announcement = gateway + "/api/inspections/draws/" + drawId + "/announcement";

        assertThat(client.get(announcement).status()).as("not published yet").isEqualTo(404);
        assertThat(client.get(gateway + "/api/inspections/draws/" + drawId).status())
                .as("the draw itself needs a token")
                .isEqualTo(401);
        assertThat(client.post(
                                gateway + "/api/inspections/draws/" + drawId + "/publish",
                                "",
                                client.as("forestry-head"))
                        .status())
                .isEqualTo(200);

        PlatformClient.Answer read = client.get(announcement);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        JsonNode published = read.body();
        assertThat(published.get("region").asString()).isEqualTo(region);
        assertThat(published.get("seed").asLong())
                .isEqualTo(drawn.body().get("seed").asLong());
        // Anyone can draw again from the announcement alone: the seed, the algorithm, the list and roster as they
        // stood before the draw.
        assertThat(published.get("algorithm").asString()).isEqualTo(RandomDraw.ALGORITHM);
        RandomDraw.Result again = RandomDraw.draw(new RandomDraw.Input(
                published.get("seed").asLong(),
                published
                        .get("candidates")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList(),
                published.get("facilityCount").asInt(),
                published
                        .get("roster")
                        .valueStream()
                        .map(i -> new RandomDraw.Inspector(
                                i.get("name").asString(),
                                new java.util.HashSet<>(i.get("conflicts")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())))
                        .toList(),
                published.get("inspectorsPerFacility").asInt()));
        assertThat(published
                        .get("facilities")
                        .valueStream()
                        .map(f -> f.get("facilityId").asString())
                        .toList())
                .containsExactlyElementsOf(again.facilities());
        published
                .get("facilities")
                .forEach(f -> assertThat(f.get("inspectors").valueStream().map(JsonNode::asString))
                        .containsExactlyElementsOf(again.inspectorsByFacility()
                                .get(f.get("facilityId").asString())));
        assertThat(published.get("plannedFor").asString()).isEqualTo("2026-12-10");
        assertThat(published.get("facilities").size()).isEqualTo(1);
        JsonNode facility = published.get("facilities").get(0);
        String drawnFacility = drawn.body()
                .get("inspectorsByFacility")
                .properties()
                .iterator()
                .next()
                .getKey();
        assertThat(facility.get("facilityId").asString()).isEqualTo(drawnFacility);
        assertThat(facility.get("facilityName").asString()).startsWith("二道公开场");
        assertThat(facility.get("inspectors").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(drawn.body()
                        .get("inspectorsByFacility")
                        .get(drawnFacility)
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList());
        // The list and roster are announced (the draw cannot be re-run without them); who drew is not.
        assertThat(published.get("candidates").size())
                .isEqualTo(published.get("drawnFrom").asInt());
        assertThat(published.get("roster").size()).isEqualTo(2);
        assertThat(published.has("drawnBy")).isFalse();
        assertThat(client.get(gateway + "/api/inspections/draws/DRAW-220105-NOSUCH/announcement")
                        .status())
                .isEqualTo(404);
    }
}
