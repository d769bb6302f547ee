package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.wildlife.events.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The reporter's identity (举报人保密) is seen by the receiving agency's handlers only: never by another agency, in an
 * event payload or in a log line. A clue is verified, referred, accepted by the competent agency and the reporter
 * told the outcome.
 */
class ClueReportersAndReferralsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NAME = "举报人王五六";
    private static final String PHONE = "13912345678";
    private static final String ID_NUMBER = "22011219900101777X";

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private PlatformClient.Answer step(String user, String clueId, String step, String body) {
        return client.post(gateway + "/api/clues/" + clueId + "/steps/" + step, body, client.as(user));
    }

    private String clueWithReporter() {
        String id = "FORESTRY-220112-RPT-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer created = client.post(
                gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "speciesCodes":["cygnus-cygnus"],"behaviours":["ILLEGAL_HUNTING"],"summary":"热线举报水库边架网捕鸟",
                 "people":["男，约四十岁，驾驶白色面包车"],"evidence":["热线录音 12345-20261120-0931.mp3"],
                 "reporter":{"anonymous":false,"name":"%s","phone":"%s","idNumber":"%s","rewardRequested":true}}""".formatted(id, NAME, PHONE, ID_NUMBER), client.as("forestry-officer"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("reporterOnFile").asBoolean()).isTrue();
        return id;
    }

    @Test
    void aReporterFromSomeoneWhoMayNotRecordOneIsRefusedAndNoClueIsStored() {
        // forestry-head is an officer and agency head of Changchun, not a handler: it may record clues, not reporters.
        String id = "FORESTRY-220112-RPT-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer refused =
                client.post(gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"热线举报水库边架网捕鸟",
                 "reporter":{"anonymous":false,"name":"%s","phone":"%s","rewardRequested":false}}""".formatted(id, NAME, PHONE), client.as("forestry-head"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.raw()).doesNotContain(NAME, PHONE);

        for (String reader : List.of("forestry-head", "forestry-officer")) {
            assertThat(client.get(gateway + "/api/clues/" + id, client.as(reader))
                            .status())
                    .as(reader + ": the refused clue was never stored")
                    .isEqualTo(404);
        }
        assertThat(client.get(gateway + "/api/clues/" + id + "/reporter", client.as("forestry-officer"))
                        .status())
                .isEqualTo(404);
        // The same clue without a reporter is the officer's to record: the id was not taken by the refused one.
        PlatformClient.Answer recorded =
                client.post(gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"热线举报水库边架网捕鸟"}""".formatted(id), client.as("forestry-head"));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(recorded.body().get("reporterOnFile").asBoolean()).isFalse();
    }

    @Test
    void aProblemNeverEchoesPersonalDataButStillShowsOtherRejectedValues() {
        String badPhone = "1391234567X";
        String badIdNumber = "2201-1219900101";
        PlatformClient.Answer refused = client.post(
                gateway + "/api/clues", """
                {"region":"22011","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z","summary":"热线举报",
                 "reporter":{"anonymous":false,"name":"%s","phone":"%s","idNumber":"%s","rewardRequested":false}}""".formatted(NAME, badPhone, badIdNumber), client.as("forestry-officer"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.raw()).doesNotContain(badPhone, badIdNumber, NAME);
        JsonNode errors = refused.body().get("errors");
        JsonNode phone = errors.valueStream()
                .filter(e -> e.get("field").asString().equals("reporter.phone"))
                .findFirst()
                .orElseThrow();
        assertThat(phone.get("withheld").asBoolean()).isTrue();
        assertThat(phone.hasNonNull("rejectedValue")).isFalse();
        assertThat(errors.valueStream().map(e -> e.get("field").asString())).contains("reporter.idNumber");
        // Not personal: the region is shown as sent.
        JsonNode region = errors.valueStream()
                .filter(e -> e.get("field").asString().equals("region"))
                .findFirst()
                .orElseThrow();
        assertThat(region.get("rejectedValue").asString()).isEqualTo("22011");
        assertThat(region.has("withheld")).isFalse();

        // Correcting a reporter (the body is the reporter itself): its name is withheld too.
        String id = clueWithReporter();
        PlatformClient.Answer tooLong = client.send(
                "PUT",
                gateway + "/api/clues/" + id + "/reporter",
                """
                {"anonymous":false,"name":"%s","rewardRequested":false}""".formatted("王".repeat(101)),
                client.as("forestry-officer"));
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(tooLong.raw()).doesNotContain("王".repeat(101));
        assertThat(tooLong.body().get("errors").get(0).get("withheld").asBoolean())
                .isTrue();
    }

    @Test
    void aReporterErasedAtTheEndOfItsRetentionIsGoneNotMissing() {
        String id = clueWithReporter();
        PlatformClient.Answer dismissed = client.send(
                "POST", gateway + "/api/clues/" + id + "/steps/dismiss", """
                {"reasons":["经核实不属实"]}""", client.as("forestry-officer"));
        assertThat(dismissed.status()).as(dismissed.raw()).isEqualTo(200);
        // What the retention job does to one clue (ReporterErasureIT runs the job itself): here for this clue alone,
        // so that the other tests' reporters on the shared platform stay.
        try (MongoClient store = MongoClients.create(SharedPlatform.mongoUri("cases"))) {
            MongoDatabase cases = store.getDatabase("cases");
            cases.getCollection("clue_reporters").deleteOne(new Document("_id", id));
            cases.getCollection("clues")
                    .updateOne(
                            new Document("_id", id),
                            new Document(
                                    "$set",
                                    new Document("reporterOnFile", false)
                                            .append(
                                                    "reporterErasedAt",
                                                    Date.from(Instant.parse("2029-06-01T02:00:00Z")))));
        }

        PlatformClient.Answer gone =
                client.get(gateway + "/api/clues/" + id + "/reporter", client.as("forestry-officer"));

        assertThat(gone.status()).as(gone.raw()).isEqualTo(410);
        assertThat(gone.body().get("type").asString()).endsWith("reporter-erased");
        assertThat(gone.body().get("detail").asString()).contains(id).contains("2029-06-01");
        // Another agency still cannot tell that there was a reporter at all.
        assertThat(client.get(gateway + "/api/clues/" + id + "/reporter", client.as("police-officer"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theReportersIdentityReachesOnlyTheReceivingAgencysHandlers() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        // Our own code and Spring MVC at DEBUG: MVC then logs every request body it reads, the likeliest leak.
        Logger ours = logs.getLogger("cn.wildlife");
        Logger mvc = logs.getLogger("org.springframework.web");
        ch.qos.logback.classic.Level oursBefore = ours.getLevel();
        ch.qos.logback.classic.Level mvcBefore = mvc.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        mvc.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String id = clueWithReporter();

            JsonNode reporter = client.get(gateway + "/api/clues/" + id + "/reporter", client.as("forestry-officer"))
                    .body();
            assertThat(reporter.get("name").asString()).isEqualTo(NAME);
            for (String other :
                    List.of("forestry-head", "procurator", "supervisor", "police-officer", "forestry-nongan")) {
                assertThat(client.get(gateway + "/api/clues/" + id + "/reporter", client.as(other))
                                .status())
                        .as(other)
                        .isEqualTo(404);
            }
            JsonNode oversight = client.get(gateway + "/api/clues/" + id, client.as("procurator"))
                    .body();
            assertThat(oversight.hasNonNull("reporterOnFile")).isFalse();
            assertThat(oversight.hasNonNull("people"))
                    .as("people named are the agency's")
                    .isFalse();
            assertThat(oversight.get("evidence").get(0).asString()).startsWith("热线录音");
            assertThat(oversight.toString()).doesNotContain(NAME, PHONE, ID_NUMBER);

            // Referred to the police: the police see the clue, never who reported it.
            step("forestry-officer", id, "refer", """
                    {"referredTo":"PUBLIC_SECURITY","reasons":["涉嫌非法狩猎罪，属公安机关管辖"]}""");
            step("police-officer", id, "accept-referral", "{}");
            String policeClue = "PUBLIC_SECURITY-" + id;
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(
                                    client.get(gateway + "/api/clues/" + policeClue, client.as("police-officer"))
                                            .status())
                            .isEqualTo(200));
            assertThat(client.get(gateway + "/api/clues/" + id, client.as("police-officer"))
                            .body()
                            .toString())
                    .doesNotContain(NAME, PHONE, ID_NUMBER);
            assertThat(client.get(gateway + "/api/clues/" + policeClue + "/reporter", client.as("police-officer"))
                            .status())
                    .isEqualTo(404);

            List<ConsumerRecord<String, byte[]>> events = client.read(
                    Topics.PLATFORM_CLUES, r -> r.key().equals(id) || r.key().equals(policeClue), 4, PATIENCE);
            assertThat(events).hasSizeGreaterThanOrEqualTo(4);
            for (ConsumerRecord<String, byte[]> event : events) {
                assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain(NAME, PHONE, ID_NUMBER);
            }
            assertThat(captured.list)
                    .anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("NewClue"))
                    .allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(NAME, PHONE, ID_NUMBER));

            JsonNode audit = client.get(gateway + "/api/audit/case-service?recordId=" + id, client.as("audit-admin"))
                    .body();
            assertThat(audit.toString()).contains("clue-reporter", "forestry-officer");
        } finally {
            ours.setLevel(oursBefore);
            mvc.setLevel(mvcBefore);
            root.detachAppender(captured);
        }
    }

    @Test
    void aClueIsVerifiedReferredAcceptedByTheCompetentAgencyAndTheReporterIsTold() {
        String id = clueWithReporter();
        assertThat(step("forestry-officer", id, "verify", "{}")
                        .body()
                        .get("state")
                        .asString())
                .as("verification follows assignment")
                .isEqualTo("RECEIVED");
        step("forestry-officer", id, "assign", """
                {"assignee":"林草执法员张某"}""");
        assertThat(step("forestry-officer", id, "verify", "{}").status())
                .as("findings required")
                .isEqualTo(400);
        assertThat(step("forestry-officer", id, "verify", """
                {"reasons":["现场核实：鸟网三张，大天鹅死体一只"]}""")
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("VERIFIED");
        assertThat(step("forestry-officer", id, "refer", """
                {"referredTo":"PROCURATORATE","reasons":["x"]}""").status())
                .as("not a handling agency")
                .isEqualTo(400);
        JsonNode referred = step("forestry-officer", id, "refer", """
                {"referredTo":"MARKET_SUPERVISION","reasons":["饭店收购野生鸟类，属市场监管职责"]}""").body();
        assertThat(referred.get("status").asString()).isEqualTo("REFERRED");
        assertThat(referred.get("allowedSteps").valueStream().map(JsonNode::asString))
                .containsExactly("give-feedback");

        // The market officer of Nanguan district does not cover Shuangyang: neither sees nor accepts it.
        assertThat(step("market-officer", id, "accept-referral", "{}").status()).isEqualTo(404);
        assertThat(step("police-officer", id, "accept-referral", "{}").status()).isEqualTo(404);
        assertThat(step("forestry-officer", id, "accept-referral", "{}").status())
                .as("the receiver's step")
                .isEqualTo(403);

        JsonNode feedback = step("forestry-officer", id, "give-feedback", """
                {"reasons":["已电话告知举报人：线索已移交市场监管部门处理"]}""").body();
        assertThat(feedback.get("status").asString()).isEqualTo("REFERRED");
        assertThat(feedback.hasNonNull("feedbackAt")).isTrue();
        assertThat(step("forestry-officer", id, "give-feedback", """
                {"reasons":["again"]}""").status())
                .as("told once")
                .isEqualTo(409);
    }

    @Test
    void theAgencyAClueIsReferredToReceivesItAsItsOwnWithItsOwnClock() {
        String id = clueWithReporter();
        step("forestry-officer", id, "refer", """
                {"referredTo":"PUBLIC_SECURITY","reasons":["涉嫌非法狩猎罪"]}""");
        JsonNode awaiting = client.get(
                        gateway + "/api/clues?referredTo=PUBLIC_SECURITY&status=REFERRED&size=200",
                        client.as("police-officer"))
                .body();
        assertThat(awaiting.get("items").valueStream().map(c -> c.get("id").asString()))
                .as("the police list the clues referred to them, whoever holds them")
                .contains(id);
        assertThat(client.get(gateway + "/api/clues?referredTo=PUBLIC_SECURITY", client.as("forestry-officer"))
                        .status())
                .as("another agency's referrals are not the forestry officer's to list")
                .isEqualTo(403);
        JsonNode asSeenByPolice = client.get(gateway + "/api/clues/" + id, client.as("police-officer"))
                .body();
        assertThat(asSeenByPolice.get("allowedSteps").valueStream().map(JsonNode::asString))
                .containsExactly("accept-referral");
        JsonNode accepted = step("police-officer", id, "accept-referral", "{}").body();
        assertThat(accepted.get("status").asString()).isEqualTo("REFERRAL_ACCEPTED");
        assertThat(step("police-officer", id, "accept-referral", "{}").status()).isEqualTo(409);

        String policeClue = "PUBLIC_SECURITY-" + id;
        JsonNode own = client.get(gateway + "/api/clues/" + policeClue, client.as("police-officer"))
                .body();
        assertThat(own.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(own.get("referredFrom").asString()).isEqualTo(id);
        assertThat(own.get("source").asString()).isEqualTo("AGENCY_INTELLIGENCE");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.get(
                                        gateway + "/api/deadlines?subjectId=" + policeClue, client.as("police-officer"))
                                .body()
                                .get("total")
                                .asInt())
                        .isEqualTo(1));
    }
}
