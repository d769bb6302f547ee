package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.local.OtlpCollector.CollectedSpan;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One trace from a REST call at the gateway, through the service that handles it and its outbox, over Kafka, into the
 * next service: every application exports to the test's OTLP collector ({@link SharedPlatform}), and the call carries
 * a sampled W3C {@code traceparent}, as a traced client's would.
 */
class TracingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    @Test
    void oneTraceIdSpansTheGatewayTheServiceItsKafkaEventAndTheConsumingService() {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String callerSpan = HexFormat.of().formatHex(random.generateSeed(8));
        String run = UUID.randomUUID().toString().substring(0, 6);

        PlatformClient.Answer created = client.post(
                gateway + "/api/facilities",
                """
                {"name":"追踪繁育场","region":"220112","address":"某镇","licenceNumber":"吉林繁育-trace-%s",
                 "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":["cervus-nippon"],
                 "purposes":["BREEDING"],"holdings":[]}""".formatted(run),
                client.as("forestry-officer", "traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        // The facility's registration leaves inspection-service through its outbox on platform.inspections, which
        // case-service reads (for the findings among its events).
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<CollectedSpan> trace = SharedPlatform.traces().trace(traceId);
            CollectedSpan atGateway = find(
                    trace,
                    "the gateway continuing the caller's trace",
                    s -> is(s, "gateway", "SERVER") && s.parentSpanId().equals(callerSpan));
            Set<String> forwarded = trace.stream()
                    .filter(s -> is(s, "gateway", "CLIENT"))
                    .map(CollectedSpan::spanId)
                    .collect(Collectors.toSet());
            CollectedSpan handled = find(
                    trace,
                    "inspection-service handling the gateway's forwarded call",
                    s -> is(s, "inspection-service", "SERVER") && forwarded.contains(s.parentSpanId()));
            Set<String> inspectionSpans = trace.stream()
                    .filter(s -> s.service().equals("inspection-service"))
                    .map(CollectedSpan::spanId)
                    .collect(Collectors.toSet());
            CollectedSpan produced = find(
                    trace,
                    "the outbox relay sending under the writer's span",
                    s -> is(s, "inspection-service", "PRODUCER")
                            && s.name().contains("platform.inspections")
                            && inspectionSpans.contains(s.parentSpanId()));
            find(
                    trace,
                    "case-service consuming the relayed event",
                    s -> is(s, "case-service", "CONSUMER") && s.parentSpanId().equals(produced.spanId()));
            assertThat(List.of(atGateway, handled, produced))
                    .extracting(CollectedSpan::traceId)
                    .containsOnly(traceId);
        });
    }

    private static boolean is(CollectedSpan span, String service, String kind) {
        return span.service().equals(service) && span.kind().equals(kind);
    }

    private static CollectedSpan find(List<CollectedSpan> trace, String what, Predicate<CollectedSpan> matching) {
        return trace.stream()
                .filter(matching)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span of " + what + " in " + trace));
    }
}
