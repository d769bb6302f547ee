package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.notification.NotificationServiceApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second notification-service instance joins the shared platform's broker and store, as a replica would: both
 * scan for due alerts every second, yet each missed deadline raises exactly one overdue alert and, later, exactly one
 * escalation on {@code platform.alerts}.
 */
class TwoNotificationInstancesIT {

    /** A clock of Yushu city (no other test uses the region) due at once and escalated seconds later. */
    private static final String RULE = """
            {"id":"YUSHU_CLUE_SAME_DAY_CHECK","title":"榆树市线索当日核查（演练用）",
             "legalBasis":"榆树市林业局线索核查演练方案（示例）","kind":"DUTY","subjectType":"CLUE",
             "opensOn":"cn.wildlife.clue.recorded.v1","agencies":["FORESTRY"],
             "closesOn":["cn.wildlife.clue.case-opened.v1"],"amount":0,"unit":"HOURS","warnBefore":[],
             "escalateAfter":"PT8S","responsible":"HANDLING_AGENCY","escalation":["AGENCY_HEAD"],
             "regions":["220182"]}""";

    private static final int CLUES = 6;

    private static ConfigurableApplicationContext second;
    private static int secondPort;

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    @BeforeAll
    static void startASecondInstance() {
        LocalSettings settings = SharedPlatform.settings();
        LocalPlatform platform = SharedPlatform.platform();
        secondPort = FreePorts.pick();
        String issuer = "http://localhost:" + settings.gatewayPort() + "/auth/dev";
        String gatewayIssuer = "http://localhost:" + settings.gatewayPort() + "/auth/gateway";
        java.util.List<String> args =
                new java.util.ArrayList<>(platform.kafka().springArguments(NotificationServiceApplication.NAME));
        args.addAll(
                java.util.List.of(
                        "--server.port=" + secondPort,
                        "--spring.mongodb.uri=" + SharedPlatform.mongoUri("notifications"),
                        "--platform.topics.create=false",
                        "--spring.main.banner-mode=off",
                        "--PLATFORM_TOKEN_ISSUER=" + issuer,
                        "--PLATFORM_JWK_SET_URI=" + issuer + "/jwks.json",
                        "--PLATFORM_GATEWAY_ISSUER=" + gatewayIssuer,
                        "--PLATFORM_GATEWAY_JWK_SET_URI=" + gatewayIssuer + "/jwks.json",
                        "--platform.alerts.scan-interval=PT1S",
                        // Deployed apart, each instance has its own JVM. Here Boot's reactive HTTP client configuration
                        // would
                        // adopt reactor-netty's JVM-wide event loops, which the gateway serves on, and shut them at
                        // close.
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration"));
        // The shared instance's keys: each instance opens what the other sealed.
        args.addAll(LocalKeys.serviceSettings(settings.dataDir()));
        second = NotificationServiceApplication.builder()
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second == null) {
            return;
        }
        second.close();
        // The shared instance takes the partitions back; the next test class finds the platform as it was.
        PlatformClient client = SharedPlatform.client();
        String clueId = "FORESTRY-220112-AFTER-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(
                        URI.create("urn:test"),
                        Agency.FORESTRY,
                        "220112",
                        ClueReported.builder(clueId, "220112", ClueSource.PATROL, Instant.now())
                                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                .summary("第二实例停止后的探测线索")
                                .build()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.get(
                                        SharedPlatform.platform().gatewayUrl()
                                                + "/api/deadlines/CLUE_CASE_DECISION_DEFAULT:" + clueId,
                                        client.as("forestry-officer"))
                                .status()
                        == 200);
    }

    @Test
    void eachMissedDeadlineRaisesOneOverdueAlertAndLaterOneEscalationWithTwoInstancesScanning() {
        PlatformClient.Answer added = client.post(gateway + "/api/deadline-rules", RULE, client.as("system-admin"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        // Both instances read the rules collection; the second may hold a copy up to ten seconds old.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.get(
                                "http://localhost:" + secondPort + "/api/deadline-rules", client.as("system-admin"))
                        .raw()
                        .contains("YUSHU_CLUE_SAME_DAY_CHECK"));

        List<String> deadlineIds = new ArrayList<>();
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < CLUES; i++) {
            String clueId =
                    "FORESTRY-220182-TWO-" + UUID.randomUUID().toString().substring(0, 8);
            client.publish(
                    Topics.agencyClues(Agency.FORESTRY),
                    Envelope.of(
                            URI.create("urn:test"),
                            Agency.FORESTRY,
                            "220182",
                            ClueReported.builder(clueId, "220182", ClueSource.PATROL, received)
                                    .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                    .summary("两实例演练线索 " + i)
                                    .build()));
            deadlineIds.add("YUSHU_CLUE_SAME_DAY_CHECK:" + clueId);
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (String id : deadlineIds) {
                assertThat(client.get(gateway + "/api/deadlines/" + id, client.as("forestry-province"))
                                .body()
                                .get("state")
                                .asString())
                        .isEqualTo("ESCALATED");
            }
        });

        List<ConsumerRecord<String, byte[]>> alerts = client.read(
                Topics.PLATFORM_ALERTS, r -> deadlineIds.contains(r.key()), 2 * CLUES, Duration.ofSeconds(30));
        Map<String, List<String>> kindsByDeadline = alerts.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(r -> field(r, "kind"), Collectors.toList())));
        assertThat(alerts)
                .as("one overdue and one escalated record per deadline, none twice")
                .hasSize(2 * CLUES);
        for (String id : deadlineIds) {
            assertThat(kindsByDeadline.get(id)).containsExactlyInAnyOrder("OVERDUE", "ESCALATED");
        }
        for (ConsumerRecord<String, byte[]> escalated : alerts.stream()
                .filter(r -> field(r, "kind").equals("ESCALATED"))
                .toList()) {
            Instant overdueAt = alerts.stream()
                    .filter(r ->
                            r.key().equals(escalated.key()) && field(r, "kind").equals("OVERDUE"))
                    .map(r -> Instant.parse(field(r, "raisedAt")))
                    .findFirst()
                    .orElseThrow();
            Instant escalatedAt = Instant.parse(field(escalated, "raisedAt"));
            assertThat(escalatedAt)
                    .as("escalated once it stayed overdue, after the overdue alert")
                    .isAfterOrEqualTo(Instant.parse(field(escalated, "dueAt")).plusSeconds(8))
                    .isAfter(overdueAt);
        }

        // Between them, the two instances raised each alert once.
        double raised = alertsRaised(SharedPlatform.platform().serviceUrl("notification-service"))
                + alertsRaised("http://localhost:" + secondPort);
        assertThat(raised).isEqualTo(2.0 * CLUES);
    }

    private double alertsRaised(String service) {
        String metrics = client.get(service + "/actuator/prometheus", client.as("system-admin"))
                .raw();
        Matcher m = Pattern.compile(
                        "platform_alerts_raised_total\\{[^}]*rule=\"YUSHU_CLUE_SAME_DAY_CHECK\"[^}]*} " + "([0-9.E]+)")
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static String field(ConsumerRecord<String, byte[]> record, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"")
                .matcher(new String(record.value(), StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }
}
