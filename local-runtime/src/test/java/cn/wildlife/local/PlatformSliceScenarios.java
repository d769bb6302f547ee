package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.Place;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.tools.SampleEvents;
import cn.wildlife.support.kafka.DeadLetterReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The foundation's vertical slice, driven from the outside: an agency publishes, officers read through the gateway.
 * Runs in {@link PlatformSliceIT} on the shared platform: the embedded broker and store, or the Kafka and MongoDB
 * images where Docker exists ({@link cn.wildlife.testinfra.TestInfrastructure}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformSliceScenarios {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    abstract LocalPlatform platform();

    abstract PlatformClient client();

    String[] officer() {
        return client().as("forestry-officer");
    }

    String gateway(String path) {
        return platform().gatewayUrl() + path;
    }

    /** The same clue as a structured-mode CloudEvent file, as an agency's engineer would hand it to the CLI. */
    static String forestryClueJson(String clueId) {
        return new String(
                new io.cloudevents.jackson.JsonFormat().serialize(new EventCodec().toCloudEvent(forestryClue(clueId))),
                StandardCharsets.UTF_8);
    }

    static Envelope<ClueReported> forestryClue(String clueId) {
        ClueReported report = ClueReported.builder(
                        clueId, "220112", ClueSource.PATROL, Instant.parse("2026-09-28T02:00:00Z"))
                .place(new Place("双阳区水库东岸", 43.52, 125.66))
                .speciesCodes(List.of("cygnus-cygnus"))
                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                .summary("巡护发现鸟网三张")
                .build();
        return Envelope.of(URI.create("urn:agency:forestry:220112"), Agency.FORESTRY, "220112", report);
    }

    static String newClueId() {
        return "FORESTRY-220112-IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void forestryClueEventIsRecordedAndOpensItsDeadline() {
        String clueId = newClueId();
        client().publish(Topics.agencyClues(Agency.FORESTRY), forestryClue(clueId));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client().get(gateway("/api/clues/" + clueId), officer())
                                .status())
                        .isEqualTo(200));
        JsonNode clue = client().get(gateway("/api/clues/" + clueId), officer()).body();
        assertThat(clue.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(clue.get("channel").asString()).isEqualTo("EVENT");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client().get(gateway("/api/deadlines?subjectId=" + clueId), officer())
                                .body()
                                .get("total")
                                .asInt())
                        .isEqualTo(1));
        JsonNode deadline = client().get(gateway("/api/deadlines?subjectId=" + clueId), officer())
                .body()
                .get("items")
                .get(0);
        assertThat(deadline.get("ruleId").asString()).isEqualTo("CLUE_CASE_DECISION_DEFAULT");
        // Received 2026-09-28 (Asia/Shanghai): 15 working days, skipping National Day and its bridge days.
        assertThat(deadline.get("dueDate").asString()).isEqualTo("2026-10-23");
        assertThat(deadline.get("provisional").asBoolean()).isFalse();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String clueId = newClueId();
        Envelope<ClueReported> event = forestryClue(clueId);
        client().publish(Topics.agencyClues(Agency.FORESTRY), event);
        client().publish(Topics.agencyClues(Agency.FORESTRY), event);

        List<ConsumerRecord<String, byte[]>> announced =
                client().read(Topics.PLATFORM_CLUES, r -> clueId.equals(r.key()), 1, PATIENCE);
        assertThat(announced).hasSize(1);
        List<ConsumerRecord<String, byte[]>> deadlines = client().read(
                        Topics.PLATFORM_DEADLINES,
                        r -> new String(r.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8)
                                .endsWith(clueId),
                        1,
                        PATIENCE);
        assertThat(deadlines).hasSize(1);
        assertThat(client().get(gateway("/api/clues?agency=FORESTRY&region=220112&size=200"), officer())
                        .body()
                        .get("items")
                        .valueStream()
                        .filter(c -> c.get("id").asString().equals(clueId))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void announcementCarriesTheAgencysCorrelationAndNeverTheReporter() {
        String clueId = newClueId();
        Envelope<ClueReported> event = forestryClue(clueId);
        client().publish(Topics.agencyClues(Agency.FORESTRY), event);

        ConsumerRecord<String, byte[]> announced = client().read(
                        Topics.PLATFORM_CLUES, r -> clueId.equals(r.key()), 1, PATIENCE)
                .get(0);
        Envelope<?> read = new EventDeserializer(new EventCodec())
                .deserialize(announced.topic(), announced.headers(), announced.value());
        assertThat(read.correlationId()).isEqualTo(event.id());
        assertThat(read.agency()).isEqualTo(Agency.FORESTRY);
        assertThat(new String(announced.value(), StandardCharsets.UTF_8)).doesNotContain("reporter");
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndTheNextEventIsApplied() {
        String key = newClueId();
        String topic = Topics.agencyClues(Agency.FORESTRY);
        client().publishRaw(topic, key, "{ not json".getBytes(StandardCharsets.UTF_8));
        client().publishRaw(topic, key, SampleEvents.bytes("invalid", "missing-summary.json"));
        client().publish(topic, forestryClue(key));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client().get(gateway("/api/clues/" + key), officer())
                                .status())
                        .isEqualTo(200));
        List<ConsumerRecord<String, byte[]>> dead =
                client().read(Topics.deadLetter(topic), r -> key.equals(r.key()), 2, PATIENCE);
        assertThat(dead).hasSize(2);
        assertThat(dead)
                .extracting(r -> reason(r.headers().lastHeader(DeadLetterReason.HEADER)))
                .anySatisfy(reason -> assertThat(reason).contains("not a readable CloudEvent"))
                .anySatisfy(reason -> assertThat(reason).contains("required property 'summary' not found"));
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
        assertThat(dead)
                .extracting(r -> reason(r.headers().lastHeader("kafka_dlt-original-consumer-group")))
                .containsOnly("agency-clues");
    }

    @Test
    void poisonAmongPlatformEventsIsDeadLetteredByTheBatchListenerAndTheClocksAroundItOpen() {
        String before = newClueId();
        String after = newClueId();
        client().publish(Topics.agencyClues(Agency.FORESTRY), forestryClue(before));
        // Under the same key as the first clue's announcement: the same partition, so the same polled batches.
        client().publishRaw(Topics.PLATFORM_CLUES, before, "{ not json".getBytes(StandardCharsets.UTF_8));
        client().publish(Topics.agencyClues(Agency.FORESTRY), forestryClue(after));

        for (String clueId : List.of(before, after)) {
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(
                                    client().get(gateway("/api/deadlines?subjectId=" + clueId), officer())
                                            .body()
                                            .get("total")
                                            .asInt())
                            .isEqualTo(1));
        }
        // Once by each group reading the topic: notification-service's (a batch listener) and inspection-service's.
        List<ConsumerRecord<String, byte[]>> dead =
                client().read(Topics.deadLetter(Topics.PLATFORM_CLUES), r -> before.equals(r.key()), 2, PATIENCE);
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(reason(r.headers().lastHeader(DeadLetterReason.HEADER))).contains("not a readable CloudEvent");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{ not json");
        });
        // Each dead letter says which group refused the event.
        assertThat(dead)
                .extracting(r -> reason(r.headers().lastHeader("kafka_dlt-original-consumer-group")))
                .containsExactlyInAnyOrder("deadline-events", "inspection-clues");
    }

    @Test
    void aClueEnteredThroughRestIsRecordedAndAnnouncedLikeAnEventClue() {
        String body = """
                {"agency":"MARKET_SUPERVISION","region":"220102","source":"TIP_OFF",
                 "receivedAt":"2026-11-20T01:00:00Z","speciesCodes":["phasianus-colchicus"],
                 "behaviours":["ILLEGAL_PROCESSING_AND_USE"],"summary":"群众举报饭店出售野鸡"}""";

        PlatformClient.Answer created = client().post(gateway("/api/clues"), body, client().as("market-officer"));

        assertThat(created.status()).isEqualTo(201);
        String clueId = created.body().get("id").asString();
        assertThat(created.body().get("channel").asString()).isEqualTo("REST");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode deadlines = client().get(
                            gateway("/api/deadlines?subjectId=" + clueId), client().as("market-officer"))
                    .body();
            assertThat(deadlines.get("total").asInt()).isEqualTo(1);
            assertThat(deadlines.get("items").get(0).get("ruleId").asString()).isEqualTo("CLUE_CASE_DECISION_MARKET");
        });
    }

    @Test
    void badRestInputIsAProblemNamingEachFieldInTheCallersLanguage() {
        String body = """
                {"agency":"ZOO","region":"2201","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z","summary":"x"}""";

        PlatformClient.Answer enumProblem =
                client().post(gateway("/api/clues"), body, client().as("forestry-officer", "Accept-Language", "zh-CN"));
        assertThat(enumProblem.status()).isEqualTo(400);
        assertThat(enumProblem.body().get("title").asString()).isEqualTo("请求正文无法解析");
        assertThat(enumProblem.body().get("errors").get(0).get("field").asString())
                .isEqualTo("agency");

        String fields = """
                {"agency":"FORESTRY","region":"2201","source":"PATROL","receivedAt":"2999-01-01T00:00:00Z","summary":""}""";
        PlatformClient.Answer invalid =
                client().post(gateway("/api/clues"), fields, client().as("forestry-officer", "Accept-Language", "en"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("type").asString()).isEqualTo("urn:cn.wildlife:problem:invalid-request");
        assertThat(invalid.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("receivedAt", "region", "summary");
        assertThat(client().get(gateway("/api/clues/NO-SUCH-CLUE"), officer())
                        .body()
                        .get("status")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void theGatewayRoutesToEveryServiceAndServesTheirApiDocuments() {
        JsonNode routes = client().get(gateway("/actuator/gateway/routes"), client().as("system-admin"))
                .body();
        assertThat(routes.valueStream().map(r -> r.get("route_id").asString()))
                .contains("case-service", "notification-service", "inspection-service");
        for (String service : List.of("case-service", "notification-service", "inspection-service")) {
            PlatformClient.Answer docs = client().get(gateway("/v3/api-docs/" + service));
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body().get("info").get("title").asString()).isEqualTo(service);
            assertThat(docs.body().get("servers").get(0).get("url").asString())
                    .isEqualTo(platform().gatewayUrl());
        }
        assertThat(client().get(gateway("/v3/api-docs/gateway/swagger-config")).raw())
                .contains("/v3/api-docs/case-service", "/v3/api-docs/notification-service");
        assertThat(client().get(gateway("/swagger-ui/index.html")).status()).isEqualTo(200);
    }

    @Test
    void everyServiceIsReadyOnlyWithKafkaAndMongoAndExportsTaggedMetrics() {
        for (String service : List.of("case-service", "notification-service", "inspection-service")) {
            JsonNode readiness = client().get(
                            platform().serviceUrl(service) + "/actuator/health/readiness", client().as("system-admin"))
                    .body();
            assertThat(readiness.get("status").asString()).isEqualTo("UP");
            assertThat(readiness.get("components").propertyNames()).contains("kafka", "mongo");
            assertThat(client().get(
                                    platform().serviceUrl(service) + "/actuator/prometheus",
                                    client().as("system-admin"))
                            .raw())
                    .contains("application=\"" + service + "\"", "platform=\"wildlife\"");
        }
    }

    @Test
    void facilitiesAreRegisteredThroughTheGateway() {
        String body = """
                {"name":"长春某野生动物繁育场","region":"220122","address":"农安县某镇","licenceNumber":"吉林繁育-%s",
                 "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":["cervus-nippon"],"purposes":["BREEDING"]}""".formatted(UUID.randomUUID());

        PlatformClient.Answer created =
                client().post(gateway("/api/facilities"), body, client().as("forestry-province"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(client().get(gateway("/api/facilities/" + id), client().as("forestry-province"))
                        .body()
                        .get("region")
                        .asString())
                .isEqualTo("220122");
        assertThat(client().get(gateway("/api/facilities?region=220100"), client().as("forestry-province"))
                        .body()
                        .get("total")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(client().read(Topics.PLATFORM_INSPECTIONS, r -> id.equals(r.key()), 1, PATIENCE))
                .hasSize(1);
    }

    private static String reason(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
