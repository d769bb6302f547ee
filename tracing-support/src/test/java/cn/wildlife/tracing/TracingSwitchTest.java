package cn.wildlife.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    };

    @Test
    void withoutACollectorOpenTelemetryIsLeftOutAndTheNoopTracerStays() {
        assertThat(match(new MockEnvironment())).containsExactly(false, false, false, true, true);
        assertThat(match(new MockEnvironment().withProperty(TracingSwitch.ENDPOINT, " ")))
                .containsExactly(false, false, false, true, true);
    }

    @Test
    void aNamedCollectorLeavesEveryAutoConfigurationToBoot() {
        assertThat(match(new MockEnvironment().withProperty(TracingSwitch.ENDPOINT, "http://collector:4318/v1/traces")))
                .containsExactly(true, true, true, true, true);
    }

    private static boolean[] match(MockEnvironment environment) {
        TracingSwitch tracingSwitch = new TracingSwitch();
        tracingSwitch.setEnvironment(environment);
        return tracingSwitch.match(CANDIDATES, null);
    }
}
