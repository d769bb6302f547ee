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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Missed clocks raise their alerts exactly once, escalate up the chain and land in the right inboxes. */
class DeadlineAlertsIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aClueReportedLongAfterItsDeadlineIsOverdueAndEscalatedOnceEach() {
        String clueId = "FORESTRY-220112-LATE-" + UUID.randomUUID().toString().substring(0, 8);
        ClueReported late = ClueReported.builder(
                        clueId, "220112", ClueSource.TIP_OFF, Instant.parse("2026-01-05T02:00:00Z"))
                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                .summary("年初收到的举报，迟迟未录入")
                .build();
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(URI.create("urn:test"), Agency.FORESTRY, "220112", late));
        String deadlineId = "CLUE_CASE_DECISION_DEFAULT:" + clueId;

        // The deadline may not exist yet at the first look (a 404 problem has no state).
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                client.get(gateway + "/api/deadlines/" + deadlineId, client.as("forestry-officer"))
                                        .body()
                                        .get("state")
                                        .asString())
                        .isEqualTo("ESCALATED"));

        List<ConsumerRecord<String, byte[]>> alerts =
                client.read(Topics.PLATFORM_ALERTS, r -> deadlineId.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(alerts).as("one overdue, one escalated, nothing twice").hasSize(2);
        assertThat(alerts).extracting(r -> header(r, "ce_type")).containsOnly("cn.wildlife.alert.raised.v1");
        assertThat(alerts)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .anySatisfy(v -> assertThat(v).contains("\"kind\":\"OVERDUE\""))
                .anySatisfy(v -> assertThat(v)
                        .contains("\"kind\":\"ESCALATED\"", "SUPERVISION_OFFICE@220000", "FORESTRY@220100"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kinds("forestry-officer", clueId)).containsExactlyInAnyOrder("OVERDUE", "ESCALATED");
            assertThat(kinds("forestry-head", clueId)).containsExactly("ESCALATED");
            assertThat(kinds("supervisor", clueId)).containsExactly("ESCALATED");
            assertThat(kinds("police-officer", clueId)).isEmpty();
        });

        String itemId = client.get(gateway + "/api/inbox?unread=true&size=200", client.as("forestry-officer"))
                .body()
                .valueStream()
                .filter(item -> item.get("subjectId").asString().equals(clueId))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String path = gateway + "/api/inbox/" + java.net.URLEncoder.encode(itemId, StandardCharsets.UTF_8) + "/read";
        assertThat(client.post(path, "", client.as("market-officer")).status()).isEqualTo(404);
        assertThat(client.post(path, "", client.as("forestry-officer")).status())
                .isEqualTo(204);
        assertThat(client.get(gateway + "/api/inbox?unread=true&size=200", client.as("forestry-officer"))
                        .raw())
                .doesNotContain(itemId);
    }

    @Test
    void supervisorsSeeRunningDeadlinesByStateRuleAndAgencyInPrometheus() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(client.get(
                                                SharedPlatform.platform().serviceUrl("notification-service")
                                                        + "/actuator/prometheus",
                                                client.as("system-admin"))
                                        .raw())
                                .containsPattern(
                                        "platform_deadlines\\{[^}]*agency=\"FORESTRY\"[^}]*rule=\"CLUE_CASE_DECISION_DEFAULT\""));
    }

    @Test
    void aDeadlineMetBeforeItIsDueRaisesNoAlert() {
        String id = client.post(gateway + "/api/transfers", """
                {"caseNumber":"双林罚〔2026〕21号","summary":"非法收购野生鸟类"}""", client.as("forestry-officer"))
                .body()
                .get("id")
                .asString();
        client.post(gateway + "/api/transfers/" + id + "/steps/approve", "{}", client.as("forestry-head"));
        String deadlineId = "TRANSFER_APPROVAL_DECISION:" + id;

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                client.get(gateway + "/api/deadlines/" + deadlineId, client.as("forestry-officer"))
                                        .body()
                                        .get("state")
                                        .asString())
                        .isEqualTo("MET"));
        assertThat(client.read(Topics.PLATFORM_ALERTS, r -> deadlineId.equals(r.key()), 0, Duration.ofSeconds(3)))
                .isEmpty();
    }

    private List<String> kinds(String user, String clueId) {
        return client.get(gateway + "/api/inbox?size=200", client.as(user))
                .body()
                .valueStream()
                .filter(item -> item.get("subjectId").asString().equals(clueId))
                .map(item -> item.get("kind").asString())
                .toList();
    }
}
