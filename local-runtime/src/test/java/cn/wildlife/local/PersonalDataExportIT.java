package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.wildlife.local.devtoken.DevIssuerProperties;
import cn.wildlife.local.devtoken.DevTokenIssuer;
import cn.wildlife.local.devtoken.DevUser;
import cn.wildlife.security.AccessTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One person's data exported for a lawful request (PIPL; a court's request): the agency head finds, through the blind
 * indexes alone, the clue the person reported, the clue naming them as a suspect and the case they are a party to,
 * of their own agency in their region and nothing of anyone else's; nobody else may; every export is audited without
 * the identifier.
 */
class PersonalDataExportIT {

    private static final String NAME = "当事人钱某某";
    private static final String REFERENCE = "(2026)吉0112民初1234号";
    private static final String BASIS = "《中华人民共和国民事诉讼法》第六十七条：人民法院有权向有关单位和个人调查取证";

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    /** One person of this test's own: the shared platform holds every other test's records too. */
    private final String idNumber =
            "220112" + (1960 + ThreadLocalRandom.current().nextInt(40)) + "0101"
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)) + "X";

    private final String phone =
            "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

    /** What Shuangyang forestry recorded of the person, and a market supervision clue naming them too. */
    private record Recorded(String reportedClue, String suspectClue, String caseId, String marketClue) {}

    private Recorded recordThePerson() {
        String reported = "FORESTRY-220112-PDX-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer report = client.post(
                gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "behaviours":["ILLEGAL_HUNTING"],"summary":"热线举报水库边架网捕鸟",
                 "reporter":{"anonymous":false,"name":"%s","phone":"%s","idNumber":"%s","rewardRequested":false}}""".formatted(reported, NAME, phone, idNumber), client.as("forestry-officer"));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);

        String suspect = "FORESTRY-220112-PDX-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer named = client.post(
                gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-21T01:00:00Z",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],"summary":"网络收购野生鸟类",
                 "identifiers":[{"type":"ID_NUMBER","value":"%s"}]}""".formatted(suspect, idNumber.toLowerCase()), client.as("forestry-officer"));
        assertThat(named.status()).as(named.raw()).isEqualTo(201);

        PlatformClient.Answer opened = client.post(
                gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z","title":"非法收购鸟类案",
                 "parties":[{"kind":"PERSON","name":"%s","idNumber":"%s","phone":"%s","address":"长春市双阳区某路1号"},
                            {"kind":"PERSON","name":"同案人孙某","idNumber":"220112198502020222"}]}""".formatted(NAME, idNumber, phone), client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);

        String market =
                "MARKET_SUPERVISION-220102-PDX-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer marketClue =
                client.post(gateway + "/api/clues", """
                {"clueId":"%s","region":"220102","source":"TIP_OFF","receivedAt":"2026-11-21T01:00:00Z",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],"summary":"农贸市场出售野生鸟类",
                 "identifiers":[{"type":"ID_NUMBER","value":"%s"}]}""".formatted(market, idNumber), client.as("market-officer"));
        assertThat(marketClue.status()).as(marketClue.raw()).isEqualTo(201);
        return new Recorded(reported, suspect, opened.body().get("id").asString(), market);
    }

    private String exportBody(String type, String value) {
        return """
                {"identifier":{"type":"%s","value":"%s"},"requestReference":"%s","legalBasis":"%s"}""".formatted(type, value, REFERENCE, BASIS);
    }

    private PlatformClient.Answer export(String body, String... headers) {
        return client.post(gateway + "/api/personal-data/exports", body, headers);
    }

    /** A token of a user the development issuer has no sample of, signed with its key. */
    private static String[] as(String agency, String region, String... roles) {
        LocalSettings settings = SharedPlatform.settings();
        DevTokenIssuer issuer = new DevTokenIssuer(
                new DevIssuerProperties(
                        true,
                        "http://" + settings.localHost() + ":" + settings.gatewayPort() + "/auth/dev",
                        settings.dataDir().resolve("dev-issuer").resolve("signing-key.json"),
                        Duration.ofMinutes(10),
                        AccessTokens.DEFAULT_AUDIENCE),
                Clock.systemUTC());
        String subject = "pdx-" + agency.toLowerCase() + "-" + region + "-"
                + String.join("-", roles).toLowerCase();
        String token = issuer.issue(new DevUser(subject, "测试用户", agency, region, List.of(roles), "test"))
                .accessToken();
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static List<String> records(JsonNode export) {
        return export.get("records")
                .valueStream()
                .map(r -> r.get("kind").asString() + ":" + r.get("recordId").asString() + ":"
                        + r.get("role").asString())
                .toList();
    }

    @Test
    void theAgencyHeadFindsTheReporterEntryTheSuspectIdentifierAndTheCasePartyOfTheirOwnAgency() {
        Recorded recorded = recordThePerson();

        PlatformClient.Answer byIdNumber = export(exportBody("ID_NUMBER", idNumber), client.as("forestry-head"));

        assertThat(byIdNumber.status()).as(byIdNumber.raw()).isEqualTo(200);
        JsonNode export = byIdNumber.body();
        assertThat(records(export))
                .containsExactlyInAnyOrder(
                        "CASE:" + recorded.caseId() + ":PARTY",
                        "CLUE:" + recorded.suspectClue() + ":SUSPECT",
                        "CLUE_REPORTER:" + recorded.reportedClue() + ":REPORTER");
        assertThat(export.get("recordCount").asInt()).isEqualTo(3);
        assertThat(export.get("requestReference").asString()).isEqualTo(REFERENCE);
        assertThat(export.get("legalBasis").asString()).isEqualTo(BASIS);
        assertThat(export.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(export.get("exportId").asString()).startsWith("PDX-");
        assertThat(byIdNumber.raw())
                .as("another agency's clue naming the same person is that agency's to answer")
                .doesNotContain(recorded.marketClue())
                .as("the other party of the same case is not this person")
                .doesNotContain("同案人孙某", "220112198502020222");
        JsonNode reporter = recordOf(export, "CLUE_REPORTER");
        assertThat(reporter.get("personalData").get("name").asString()).isEqualTo(NAME);
        assertThat(reporter.get("personalData").get("phone").asString()).isEqualTo(phone);
        assertThat(reporter.get("personalData").get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(reporter.get("dates").get("reporterRecordedAt").asString()).isNotBlank();
        JsonNode party = recordOf(export, "CASE");
        assertThat(party.get("roleLabel").asString()).isEqualTo("当事人");
        assertThat(party.get("personalData").get("address").asString()).isEqualTo("长春市双阳区某路1号");
        assertThat(party.get("dates").get("openedAt").asString()).startsWith("2026-11-21");
        JsonNode suspect = recordOf(export, "CLUE");
        assertThat(suspect.get("personalData").get("identifierValue").asString())
                .as("as stored, written as the officer wrote it")
                .isEqualTo(idNumber.toLowerCase());

        // The phone finds the same person where a phone was recorded: the reporter and the party.
        PlatformClient.Answer byPhone = export(
                exportBody("PHONE", "+86 " + phone.substring(0, 3) + "-" + phone.substring(3)),
                client.as("forestry-head"));
        assertThat(byPhone.status()).as(byPhone.raw()).isEqualTo(200);
        assertThat(records(byPhone.body()))
                .containsExactlyInAnyOrder(
                        "CASE:" + recorded.caseId() + ":PARTY",
                        "CLUE_REPORTER:" + recorded.reportedClue() + ":REPORTER");
    }

    private static JsonNode recordOf(JsonNode export, String kind) {
        return export.get("records")
                .valueStream()
                .filter(r -> r.get("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theExportCanBeSavedAsAFileAndIsNeverCached() throws Exception {
        recordThePerson();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/personal-data/exports?download=true"))
                                .header("Content-Type", "application/json")
                                .headers(client.as("forestry-head"))
                                .POST(HttpRequest.BodyPublishers.ofString(exportBody("ID_NUMBER", idNumber)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains(".json");
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(answer.body()).contains(idNumber);
    }

    @Test
    void anotherAgencyOrARegionOutsideTheCallersGetsNothingOfThisAgency() {
        Recorded recorded = recordThePerson();
        String body = exportBody("ID_NUMBER", idNumber);

        for (String[] head : List.of(
                as("PUBLIC_SECURITY", "220100", "OFFICER", "AGENCY_HEAD"),
                as("FORESTRY", "220122", "OFFICER", "AGENCY_HEAD"),
                as("FORESTRY", "210000", "OFFICER", "AGENCY_HEAD"),
                as("PROCURATORATE", "220100", "OFFICER", "AGENCY_HEAD"))) {
            PlatformClient.Answer answer = export(body, head);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.body().get("recordCount").asInt())
                    .as(answer.raw())
                    .isZero();
            assertThat(answer.raw()).doesNotContain(recorded.reportedClue(), recorded.caseId(), NAME);
        }
        // Market supervision's head finds market supervision's clue, and nothing of forestry's.
        PlatformClient.Answer market = export(body, as("MARKET_SUPERVISION", "220100", "OFFICER", "AGENCY_HEAD"));
        assertThat(market.status()).as(market.raw()).isEqualTo(200);
        assertThat(records(market.body())).containsExactly("CLUE:" + recorded.marketClue() + ":SUSPECT");
    }

    @Test
    void anOfficerWithoutTheAgencyHeadsRoleAnAdministratorOrAPartnerSystemIsRefused() {
        recordThePerson();
        String body = exportBody("ID_NUMBER", idNumber);

        for (String user : List.of(
                "forestry-officer",
                "forestry-province",
                "procurator",
                "system-admin",
                "audit-admin",
                "security-admin")) {
            PlatformClient.Answer refused = export(body, client.as(user));
            assertThat(refused.status()).as(user + ": " + refused.raw()).isEqualTo(403);
            assertThat(refused.raw()).doesNotContain(idNumber, NAME);
        }
        PlatformClient.Answer administrator = export(body, as("FORESTRY", "220100", "AGENCY_HEAD", "SYSTEM_ADMIN"));
        assertThat(administrator.status()).as(administrator.raw()).isEqualTo(403);
        assertThat(administrator.raw()).contains("administrator-may-not-export");
        PlatformClient.Answer partner = export(body, as("FORESTRY", "220100", "AGENCY_HEAD", "PARTNER_SYSTEM"));
        assertThat(partner.status()).as(partner.raw()).isEqualTo(403);
        assertThat(partner.raw()).contains("partner-system-may-not-export");
        assertThat(exportRequestsAudited("DENIAL", 403))
                .as("refused exports are audited")
                .isNotZero();
    }

    @Test
    void aMissingLawfulBasisIsAProblemNamingEachFieldThatNeverEchoesTheIdentifier() {
        PlatformClient.Answer noBasis = export("""
                {"identifier":{"type":"ID_NUMBER","value":"%s"},"requestReference":"%s"}""".formatted(idNumber, REFERENCE), client.as("forestry-head"));
        assertThat(noBasis.status()).as(noBasis.raw()).isEqualTo(400);
        assertThat(fields(noBasis)).containsExactly("legalBasis");
        assertThat(noBasis.raw()).doesNotContain(idNumber);

        String badIdNumber = idNumber.substring(0, 7) + "-";
        PlatformClient.Answer allBad = export("""
                {"identifier":{"type":"ID_NUMBER","value":"%s"},"requestReference":"%s","legalBasis":" "}""".formatted(badIdNumber, phone), client.as("forestry-head"));
        assertThat(allBad.status()).as(allBad.raw()).isEqualTo(400);
        assertThat(fields(allBad)).containsExactlyInAnyOrder("identifier.value", "requestReference", "legalBasis");
        assertThat(allBad.raw()).doesNotContain(badIdNumber, phone);

        PlatformClient.Answer otherKind = export("""
                {"identifier":{"type":"VEHICLE_PLATE","value":"吉A12345"},"legalBasis":"%s"}""".formatted(BASIS), client.as("forestry-head"));
        assertThat(otherKind.status()).as(otherKind.raw()).isEqualTo(400);
        assertThat(fields(otherKind)).containsExactlyInAnyOrder("identifier.type", "requestReference");
        assertThat(otherKind.raw()).doesNotContain("吉A12345");
        assertThat(exportRequestsAudited("WRITE", 400))
                .as("invalid exports are audited")
                .isNotZero();
    }

    /** The audit filter's entries of export requests answered {@code status}, as {@code action}. */
    private static long exportRequestsAudited(String action, int status) {
        try (MongoClient store = MongoClients.create(SharedPlatform.mongoUri("cases"))) {
            return store.getDatabase("cases")
                    .getCollection("audit_trail")
                    .countDocuments(Filters.and(
                            Filters.eq("path", "/api/personal-data/exports"),
                            Filters.eq("action", action),
                            Filters.eq("status", status)));
        }
    }

    private static List<String> fields(PlatformClient.Answer problem) {
        return problem.body()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void everyExportIsAuditedWithItsRequestAndRecordsButNeverTheIdentifierAndNothingPersonalIsLogged() {
        Recorded recorded = recordThePerson();
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        // Our own code and Spring MVC at DEBUG: MVC then logs every request body it reads, the likeliest leak.
        Logger ours = logs.getLogger("cn.wildlife");
        Logger mvc = logs.getLogger("org.springframework.web");
        Level oursBefore = ours.getLevel();
        Level mvcBefore = mvc.getLevel();
        ours.setLevel(Level.DEBUG);
        mvc.setLevel(Level.DEBUG);
        String exportId;
        try {
            PlatformClient.Answer answer = export(exportBody("ID_NUMBER", idNumber), client.as("forestry-head"));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            exportId = answer.body().get("exportId").asString();
        } finally {
            root.detachAppender(captured);
            ours.setLevel(oursBefore);
            mvc.setLevel(mvcBefore);
        }
        List<String> lines = new ArrayList<>();
        captured.list.forEach(e -> lines.add(e.getFormattedMessage()));
        assertThat(lines).isNotEmpty();
        assertThat(String.join("\n", lines)).doesNotContain(idNumber, phone, NAME);

        JsonNode exports = client.get(
                        gateway + "/api/audit/case-service?action=PERSONAL_EXPORT&recordId=" + exportId,
                        client.as("audit-admin"))
                .body();
        assertThat(exports.size()).isEqualTo(1);
        JsonNode entry = exports.get(0);
        assertThat(entry.get("subject").asString()).isEqualTo("forestry-head");
        assertThat(entry.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(entry.get("recordKind").asString()).isEqualTo("personal-data-export");
        assertThat(entry.get("grant").asString()).isEqualTo("LAWFUL_REQUEST");
        assertThat(entry.get("detail").asString()).contains("request=" + REFERENCE, "records=3");
        for (String recordId : List.of(recorded.reportedClue(), recorded.suspectClue(), recorded.caseId())) {
            JsonNode ofRecord = client.get(
                            gateway + "/api/audit/case-service?action=PERSONAL_EXPORT&recordId=" + recordId,
                            client.as("audit-admin"))
                    .body();
            assertThat(ofRecord.size()).as(recordId).isEqualTo(1);
            assertThat(ofRecord.get(0).get("detail").asString()).contains("export=" + exportId, REFERENCE);
        }
        JsonNode everyExport = client.get(
                        gateway + "/api/audit/case-service?action=PERSONAL_EXPORT&size=500", client.as("audit-admin"))
                .body();
        assertThat(everyExport.toString()).doesNotContain(idNumber, idNumber.toLowerCase(), phone, NAME);
        // Nor anywhere in the stored trail, whatever the API shows of it.
        try (MongoClient store = MongoClients.create(SharedPlatform.mongoUri("cases"))) {
            List<Document> stored = store.getDatabase("cases")
                    .getCollection("audit_trail")
                    .find(Filters.eq("action", "PERSONAL_EXPORT"))
                    .into(new ArrayList<>());
            assertThat(stored).isNotEmpty();
            assertThat(stored.stream().map(Document::toJson).toList())
                    .noneMatch(json -> json.contains(idNumber) || json.contains(phone) || json.contains(NAME));
        }
        // The export's own entries say it all: the request is not recorded once more as a plain write.
        assertThat(exportRequestsAudited("WRITE", 200)).isZero();
    }
}
