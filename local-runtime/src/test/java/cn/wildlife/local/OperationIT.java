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
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004's operation (Liaoning autumn–winter bird protection, 2022) entered as written, a month of sorties and
 * cases, and its results table computed, rolled up county → city → province and exported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> CITIES = List.of(
            "210100", "210200", "210300", "210400", "210500", "210600", "210700", "210800", "210900", "211000",
            "211100", "211200", "211300", "211400");
    private static final List<String> HEADERS = List.of(
            "行政区划代码",
            "层级",
            "出动执法人员（人次）",
            "出动车辆（台次）",
            "检查野生动物活动区域（处）",
            "检查重点市场场所（处）",
            "检查经营活禽交易门店（家）",
            "检查野生动物人工繁育场所（家）",
            "检查餐饮场所（家）",
            "查办刑事案件（起）",
            "查办行政案件（起）",
            "林政处罚（人）",
            "收缴野生动物活体（只）",
            "收缴野生动物死体（只）",
            "放飞放生（只）",
            "收缴猎捕工具（套）",
            "涉案价值（元）",
            "罚款（元）",
            "受理线索（条）");

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private String operationId;
    private String adminCase;
    private String criminalCase;
    private final List<String> septemberSorties = new ArrayList<>();

    static String seed004(String phases) {
        return """
                {"name":"辽宁省秋冬季鸟类等野生动物保护专项行动","leadAgency":"FORESTRY",
                 "leadOffice":"辽宁省林业和草原局野生动植物保护处（专项行动领导小组办公室）","region":"210000",
                 "startsOn":"2022-08-08","endsOn":"2022-12-31",
                 "participants":[
                  {"agency":"FORESTRY","office":"辽宁省林业和草原局","duties":"牵头开展专项行动，组织开展鸟类等野生动物栖息地巡护值守，对非法交易场所每周至少进行一次巡查，依法查处非法猎捕、出售、收购、利用、繁育鸟类等野生动物案件，协调鉴定罚没标本、网络非法交易信息和核定涉案标本价值，组织开展宣传教育活动，配合相关部门加强对一线执法人员的业务培训"},
                  {"agency":"SUPERVISION_OFFICE","office":"国家林业和草原局驻长春森林资源监督专员办事处","duties":"切实履行监督职能，采取明察暗访等方式，督导监督专项行动开展，分析存在问题，提出整改要求。对落实主体责任不到位、监管力度不够、查处案件不及时的，要及时约谈和通报，坚决予以纠正"},
                  {"agency":"PUBLIC_SECURITY","office":"辽宁省公安厅","duties":"依法严厉打击非法猎捕、杀害珍贵、濒危鸟类等野生动物，非法狩猎，非法收购、运输、出售珍贵、濒危鸟类等野生动物及其制品犯罪行为，重点惩治涉有组织、成规模、链条化的非法经营犯罪活动"},
                  {"agency":"MARKET_SUPERVISION","office":"辽宁省市场监督管理局","duties":"督促和指导商品交易市场、网络交易平台落实鸟类等野生动物交易管控责任，按照职责分工依法查处非法出售、购买、利用鸟类等野生动物行为"}],
                 "phases":%s,
                 "targetPlaces":["HABITAT","ONLINE_PLATFORM","MARKET","PET_SHOP","BREEDING_SITE"],
                 "targetBehaviours":["非法猎捕鸟类等野生动物","非法出售、收购、利用鸟类等野生动物及其制品","非法人工繁育鸟类等野生动物"],
                 "recurringDuties":[{"agency":"FORESTRY","description":"对非法交易场所每周至少进行一次巡查","everyDays":7,
                   "hotspots":["沈阳市北行花鸟鱼市场","大连市西岗区农贸市场"]}],
                 "reportingRegions":%s,"monthlyDueDay":5,"finalReportDue":"2023-01-15"}""".formatted(phases, CITIES.stream().map(c -> "\"" + c + "\"").toList());
    }

    static final String PHASES = """
            [{"name":"动员摸底阶段","from":"2022-08-08","to":"2022-08-18","tasks":"成立组织机构，制定方案，动员部署，查找和确定专项行动的重点区域和环节"},
             {"name":"集中打击阶段","from":"2022-08-19","to":"2022-12-15","tasks":"根据调查摸底掌握的情况，采取有效措施，严厉打击各种破坏鸟类等野生动物资源的违法犯罪活动，集中力量查处一批大案要案"},
             {"name":"巩固总结阶段","from":"2022-12-19","to":"2022-12-31","tasks":"做好专项行动查处的各类案件的结案工作。针对存在的突出问题，制定整改方案，完善保护措施，建立长效机制"}]""";

    private String sortie(String user, String region, String on, int personnel, int vehicles, String places) {
        PlatformClient.Answer recorded = client.post(
                gateway + "/api/operations/" + operationId + "/sorties",
                """
                {"region":"%s","on":"%s","personnel":%d,"vehicles":%d,"places":%s,"hotspot":"沈阳市北行花鸟鱼市场"}""".formatted(region, on, personnel, vehicles, places),
                client.as(user));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        return recorded.body().get("id").asString();
    }

    private JsonNode post(String user, String url, String body) {
        PlatformClient.Answer answer = client.post(gateway + url, body, client.as(user));
        assertThat(answer.status()).as(url + " " + answer.raw()).isBetween(200, 201);
        return answer.body();
    }

    @BeforeAll
    void enterTheOperationWithAMonthOfSortiesAndCases() {
        PlatformClient.Answer entered =
                client.post(gateway + "/api/operations", seed004(PHASES), client.as("liaoning-forestry"));
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        operationId = entered.body().get("id").asString();

        // Weekly patrols of a Shenyang hotspot, a district's restaurants, a Dalian habitat, the city's own team.
        for (String day : List.of("2022-09-02", "2022-09-09", "2022-09-16", "2022-09-23", "2022-09-30")) {
            septemberSorties.add(sortie(
                    "shenyang-forestry",
                    "210112",
                    day,
                    6,
                    2,
                    "[{\"kind\":\"MARKET\",\"count\":3},{\"kind\":\"PET_SHOP\",\"count\":1}]"));
        }
        septemberSorties.add(sortie(
                "shenyang-forestry",
                "210102",
                "2022-09-14",
                4,
                1,
                "[{\"kind\":\"RESTAURANT\",\"count\":5},{\"kind\":\"LIVE_POULTRY_SHOP\",\"count\":2}]"));
        septemberSorties.add(
                sortie("liaoning-forestry", "210203", "2022-09-20", 8, 3, "[{\"kind\":\"HABITAT\",\"count\":2}]"));
        septemberSorties.add(sortie("liaoning-forestry", "210100", "2022-09-25", 2, 1, "[]"));
        sortie("shenyang-forestry", "210112", "2022-10-08", 50, 9, "[]");

        // A breeding site inspected in Hunnan in September counts from its inspection record.
        String facility = post("liaoning-forestry", "/api/facilities", """
                {"name":"浑南某鸟类繁育场","region":"210112","address":"浑南区某街道","licenceNumber":"辽繁育-%s",
                 "licenceValidUntil":"2025-12-31","licensedSpeciesCodes":["phasianus-colchicus"],"purposes":["BREEDING"]}""".formatted(run))
                .get("id")
                .asString();
        String inspection = post("liaoning-forestry", "/api/inspections", """
                {"facilityId":"%s","plannedFor":"2022-09-12","inspectors":["赵刚","孙丽"]}""".formatted(facility))
                .get("id")
                .asString();
        post("liaoning-forestry", "/api/inspections/" + inspection + "/record", """
                {"inspectedAt":"2022-09-12T02:00:00Z","expectedVersion":1,"checklist":[
                  {"item":"RULES_AND_PLANS","passed":true},{"item":"SECURITY","passed":true},
                  {"item":"LICENCE_AND_RECORDS","passed":true},{"item":"WITHIN_SCOPE","passed":true},
                  {"item":"LEDGER_MATCHES","passed":true}]}""");

        // An administrative case of the operation: birds netted in Hunnan, live ones released, a fine.
        JsonNode c = post("liaoning-forestry", "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"210112","openedAt":"2022-09-10T02:00:00Z","title":"浑南区张网捕鸟案",
                 "behaviours":["ILLEGAL_HUNTING"],"species":[{"speciesCode":"anser-fabalis","count":7,"unit":"ANIMAL"}],
                 "value":12000,"grade":"GENERAL","operationId":"%s"}""".formatted(operationId));
        adminCase = c.get("id").asString();
        post("liaoning-forestry", "/api/cases/" + adminCase + "/seizures", """
                {"kind":"LIVE","speciesCode":"anser-fabalis","description":"活体豆雁","quantity":5,"unit":"ANIMAL",
                 "holder":"浑南区林草局","location":"沈阳市野生动物救护中心","seizedAt":"2022-09-10T03:00:00Z"}""");
        post("liaoning-forestry", "/api/cases/" + adminCase + "/seizures", """
                {"kind":"DEAD","speciesCode":"anser-fabalis","description":"豆雁死体","quantity":2,"unit":"ANIMAL",
                 "holder":"浑南区林草局","location":"证物室","seizedAt":"2022-09-10T03:00:00Z"}""");
        post("liaoning-forestry", "/api/cases/" + adminCase + "/seizures", """
                {"kind":"TOOL","description":"粘网","quantity":3,"unit":"SET",
                 "holder":"浑南区林草局","location":"证物室","seizedAt":"2022-09-10T03:00:00Z"}""");
        post("liaoning-forestry", "/api/cases/" + adminCase + "/seizures/" + adminCase + "-S1/custody", """
                {"action":"RELEASED","holder":"沈阳市野生动物救护中心","location":"棋盘山","at":"2022-09-15T02:00:00Z"}""");
        long version = client.get(gateway + "/api/cases/" + adminCase, client.as("liaoning-forestry"))
                .body()
                .get("version")
                .asLong();
        post("liaoning-forestry", "/api/cases/" + adminCase + "/penalty", """
                {"expectedVersion":%d,"decisionNumber":"浑林罚〔2022〕15号","decidedAt":"2022-09-28T02:00:00Z",
                 "fine":5000,"confiscation":true,"summary":"罚款5000元，没收猎捕工具"}""".formatted(version));

        // A criminal case reported by the police's own system, tagged with the operation.
        criminalCase = "PUBLIC_SECURITY-210102-" + run;
        client.publish(
                Topics.agencyCases(Agency.PUBLIC_SECURITY),
                Envelope.of(
                        URI.create("urn:agency:public-security:210102"),
                        Agency.PUBLIC_SECURITY,
                        "210102",
                        new CaseReported(
                                criminalCase,
                                CaseKind.CRIMINAL,
                                "210102",
                                Instant.parse("2022-09-18T06:00:00Z"),
                                "和平区非法收购出售鸟类案",
                                List.of(Behaviour.ILLEGAL_PURCHASE_TRANSPORT_SALE),
                                List.of(new SpeciesCount("emberiza-aureola", 40, QuantityUnit.ANIMAL, null)),
                                new BigDecimal("30000"),
                                CaseGrade.GENERAL,
                                null,
                                operationId)));
        // October's case and a case outside the operation do not count in September's table.
        post("liaoning-forestry", "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"210112","openedAt":"2022-10-05T02:00:00Z","title":"十月案",
                 "value":999,"grade":"GENERAL","operationId":"%s"}""".formatted(operationId));
        post("liaoning-forestry", "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"210112","openedAt":"2022-09-11T02:00:00Z","title":"行动外案件",
                 "value":777,"grade":"GENERAL"}""");
    }

    private JsonNode september(String user, String region) {
        return client.get(
                        gateway + "/api/operations/" + operationId + "/results?from=2022-09-01&to=2022-09-30"
                                + (region == null ? "" : "&region=" + region),
                        client.as(user))
                .body();
    }

    private static JsonNode row(JsonNode table, String region) {
        return table.get("rows")
                .valueStream()
                .filter(r -> r.get("region").asString().equals(region))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Until the province's row reads what it should: the table counts each record once its event has been read
     * (sorties and inspections on their way back from inspection-service's own outbox, cases from case-service).
     */
    private void awaitSeptembersTable() {
        long[] expected = expected().get("210000");
        await().atMost(PATIENCE).until(() -> {
            List<Long> actual = new ArrayList<>();
            row(september("liaoning-forestry", null), "210000")
                    .get("values")
                    .properties()
                    .forEach(e -> actual.add(e.getValue().asLong()));
            return actual.equals(java.util.Arrays.stream(expected).boxed().toList());
        });
    }

    /** What September should read, column by column in the order of the headers. */
    private static Map<String, long[]> expected() {
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("210000", new long[] {44, 15, 2, 20, 2, 1, 5, 1, 1, 1, 5, 2, 5, 3, 42000, 5000, 0});
        rows.put("210100", new long[] {36, 12, 0, 20, 2, 1, 5, 1, 1, 1, 5, 2, 5, 3, 42000, 5000, 0});
        rows.put("210102", new long[] {4, 1, 0, 0, 2, 0, 5, 1, 0, 0, 0, 0, 0, 0, 30000, 0, 0});
        rows.put("210112", new long[] {30, 10, 0, 20, 0, 1, 0, 0, 1, 1, 5, 2, 5, 3, 12000, 5000, 0});
        rows.put("210200", new long[] {8, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        rows.put("210203", new long[] {8, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return rows;
    }

    @Test
    void theOperationIsKeptAsItsPlanWritesIt() {
        JsonNode operation = client.get(gateway + "/api/operations/" + operationId, client.as("shenyang-forestry"))
                .body();
        assertThat(operation.get("phases").valueStream().map(p -> p.get("name").asString()))
                .containsExactly("动员摸底阶段", "集中打击阶段", "巩固总结阶段");
        assertThat(operation.get("phases").get(2).get("from").asString()).isEqualTo("2022-12-19");
        assertThat(operation
                        .get("participants")
                        .valueStream()
                        .map(p -> p.get("agency").asString()))
                .containsExactly("FORESTRY", "SUPERVISION_OFFICE", "PUBLIC_SECURITY", "MARKET_SUPERVISION");
        assertThat(operation.get("recurringDuties").get(0).get("everyDays").asInt())
                .isEqualTo(7);
        assertThat(operation.get("finalReportDue").asString()).isEqualTo("2023-01-15");
        assertThat(client.read(Topics.PLATFORM_OPERATIONS, r -> operationId.equals(r.key()), 10, PATIENCE))
                .hasSizeGreaterThanOrEqualTo(10);
        // Jilin's forestry shares no region with it.
        assertThat(client.get(gateway + "/api/operations/" + operationId, client.as("forestry-province"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void phasesOutOfOrderAndNegativeSortiesAreRefusedNamingTheField() {
        String swapped = """
                [{"name":"集中打击阶段","from":"2022-08-19","to":"2022-12-15","tasks":"打击"},
                 {"name":"动员摸底阶段","from":"2022-08-08","to":"2022-08-18","tasks":"动员"},
                 {"name":"巩固总结阶段","from":"2022-12-19","to":"2023-02-01","tasks":"总结"}]""";
        PlatformClient.Answer refused = client.post(
                gateway + "/api/operations",
                seed004(swapped),
                client.as("liaoning-forestry", "Accept-Language", "zh-CN"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("phases[1].from", "phases[2]");
        assertThat(refused.raw()).contains("阶段须依次进行");

        PlatformClient.Answer negative = client.post(
                gateway + "/api/operations/" + operationId + "/sorties", """
                {"region":"210112","on":"2022-09-03","personnel":-1,"vehicles":0,
                 "places":[{"kind":"BREEDING_SITE","count":1}]}""", client.as("shenyang-forestry"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("personnel", "places[0].kind");
    }

    @Test
    void septembersResultsTableIsComputedRolledUpAndTraceable() {
        awaitSeptembersTable();
        JsonNode table = september("liaoning-forestry", null);
        assertThat(table.get("rows").valueStream().map(r -> r.get("region").asString()))
                .containsExactlyElementsOf(expected().keySet());
        expected().forEach((region, values) -> {
            JsonNode row = row(table, region).get("values");
            List<Long> actual = new ArrayList<>();
            row.properties().forEach(e -> actual.add(e.getValue().asLong()));
            assertThat(actual)
                    .as(region)
                    .containsExactly(java.util.Arrays.stream(values).boxed().toArray(Long[]::new));
        });

        // The numbers above come from the running tallies; asked for sources, the table is read from the records
        // themselves, and says the same.
        JsonNode traced = client.get(
                        gateway + "/api/operations/" + operationId
                                + "/results?from=2022-09-01&to=2022-09-30&sources=true",
                        client.as("liaoning-forestry"))
                .body();
        assertThat(row(table, "210000").get("sources").isEmpty()).isTrue();
        expected()
                .keySet()
                .forEach(region -> assertThat(row(traced, region).get("values"))
                        .as(region)
                        .isEqualTo(row(table, region).get("values")));
        JsonNode sources = row(traced, "210000").get("sources");
        assertThat(sources.get("FINES").valueStream().map(JsonNode::asString)).containsExactly("case:" + adminCase);
        assertThat(sources.get("CRIMINAL_CASES").valueStream().map(JsonNode::asString))
                .containsExactly("case:" + criminalCase);
        assertThat(sources.get("PERSONNEL_SORTIES").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(
                        septemberSorties.stream().map(s -> "sortie:" + s).toList());
        assertThat(sources.get("ANIMALS_RELEASED").get(0).asString())
                .isEqualTo("case:" + adminCase + "/" + adminCase + "-S1");
        assertThat(sources.get("BREEDING_SITES_INSPECTED").get(0).asString()).startsWith("inspection:INS-210112-");

        // A city sees its own subtree and nothing above it.
        JsonNode shenyang = september("shenyang-forestry", null);
        assertThat(shenyang.get("rows").valueStream().map(r -> r.get("region").asString()))
                .containsExactly("210100", "210102", "210112");
        assertThat(client.get(
                                gateway + "/api/operations/" + operationId + "/results?region=210000",
                                client.as("shenyang-forestry"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theXlsxAndCsvExportsCarryTheAgenciesHeadersAndTheSameNumbers() throws Exception {
        awaitSeptembersTable();
        PlatformClient.Download file = client.download(
                gateway + "/api/operations/" + operationId + "/results/xlsx?from=2022-09-01&to=2022-09-30",
                "Authorization",
                "Bearer " + client.token("liaoning-forestry"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheet("成果表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("《辽宁省秋冬季鸟类等野生动物保护专项行动成果表》");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("210000", "2022-09-01", "2022-09-30");
            Row header = sheet.getRow(2);
            for (int c = 0; c < HEADERS.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue())
                        .as("header " + c)
                        .isEqualTo(HEADERS.get(c));
            }
            int r = 3;
            for (Map.Entry<String, long[]> expected : expected().entrySet()) {
                Row row = sheet.getRow(r++);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.getKey());
                for (int c = 0; c < expected.getValue().length; c++) {
                    assertThat(row.getCell(c + 2).getNumericCellValue())
                            .as(expected.getKey() + " " + HEADERS.get(c + 2))
                            .isEqualTo((double) expected.getValue()[c]);
                }
            }
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("省");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + expected().size() - 1);
        }

        String csv = client.get(
                        gateway + "/api/operations/" + operationId + "/results/csv?from=2022-09-01" + "&to=2022-09-30",
                        client.as("liaoning-forestry"))
                .raw();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", HEADERS));
        assertThat(lines[1]).isEqualTo("210000,省,44,15,2,20,2,1,5,1,1,1,5,2,5,3,42000,5000,0");
    }

    @Test
    void monthlyReportsAreOnTimeLateOrMissingAndTheFinalReportIsOwed() {
        post(
                "shenyang-forestry",
                "/api/operations/" + operationId + "/reports",
                "{\"region\":\"210100\",\"period\":\"2022-09\",\"submittedOn\":\"2022-10-03\"}");
        JsonNode late = post(
                "shenyang-forestry",
                "/api/operations/" + operationId + "/reports",
                "{\"region\":\"210100\",\"period\":\"2022-10\",\"submittedOn\":\"2022-11-09\"}");
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(client.post(
                                gateway + "/api/operations/" + operationId + "/reports",
                                "{\"region\":\"210100\",\"period\":\"2022-09\",\"submittedOn\":\"2022-10-04\"}",
                                client.as("shenyang-forestry"))
                        .status())
                .isEqualTo(409);
        assertThat(client.post(
                                gateway + "/api/operations/" + operationId + "/reports",
                                "{\"region\":\"210200\",\"period\":\"2022-09\"}",
                                client.as("shenyang-forestry"))
                        .status())
                .as("Dalian is not Shenyang's to report")
                .isEqualTo(403);

        JsonNode status = client.get(
                        gateway + "/api/operations/" + operationId + "/reports?asOf=2023-01-20",
                        client.as("liaoning-forestry"))
                .body();
        Map<String, String> states = new LinkedHashMap<>();
        status.forEach(s -> states.put(
                s.get("region").asString() + "/" + s.get("period").asString(),
                s.get("state").asString()));
        assertThat(states)
                .containsEntry("210100/2022-08", "MISSING")
                .containsEntry("210100/2022-09", "ON_TIME")
                .containsEntry("210100/2022-10", "LATE")
                .containsEntry("210200/2022-09", "MISSING")
                .containsEntry("210000/FINAL", "MISSING");
        assertThat(states).hasSize(CITIES.size() * 5 + 1);
        assertThat(status.get(0).get("dueOn").asString()).isEqualTo("2022-09-05");
    }
}
