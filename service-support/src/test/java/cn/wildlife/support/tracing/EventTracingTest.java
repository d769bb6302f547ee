package cn.wildlife.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.facility.FacilityRegistered;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTracingTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final Tracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {});
    private final EventTracing tracing = new EventTracing(tracer);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void anEventWrittenInsideASpanCarriesThatSpanAsItsParent() {
        Span request = tracer.nextSpan().name("POST /api/facilities").start();
        Envelope<FacilityRegistered> stamped;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            stamped = tracing.stamp(event());
        } finally {
            request.end();
        }

        assertThat(stamped.traceparent())
                .isEqualTo("00-" + request.context().traceId() + "-"
                        + request.context().spanId() + "-01");
    }

    @Test
    void anEventOfAnotherTraceKeepsItsOwn() {
        String agencys = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Span listener = tracer.nextSpan().name("agency.forestry.clues receive").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(listener)) {
            assertThat(tracing.stamp(event().withCorrelation(null, agencys)).traceparent())
                    .isEqualTo(agencys);
        } finally {
            listener.end();
        }
    }

    @Test
    void outsideAnySpanAnEventIsLeftAsItWasBuilt() {
        Envelope<FacilityRegistered> event = event();

        assertThat(tracing.stamp(event)).isSameAs(event);
        assertThat(EventTracing.OFF.stamp(event)).isSameAs(event);
    }

    @Test
    void whatIsSentLaterContinuesTheTraceThatWroteTheEvent() {
        String written = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        Span producer;
        try (CurrentTraceContext.Scope scope = tracing.continueFrom(written)) {
            producer = tracer.nextSpan().name("platform.inspections send").start();
            producer.end();
        }

        assertThat(producer.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(producer.context().parentId()).isEqualTo("00f067aa0ba902b7");
        // The scope is closed: the relay's next event starts from nothing.
        assertThat(tracer.currentTraceContext().context()).isNull();
    }

    @Test
    void anUnreadableOrMissingContextOpensNothing() {
        try (CurrentTraceContext.Scope scope = tracing.continueFrom("not a traceparent")) {
            assertThat(tracer.currentTraceContext().context()).isNull();
        }
        try (CurrentTraceContext.Scope scope = tracing.continueFrom(null)) {
            assertThat(tracer.currentTraceContext().context()).isNull();
        }
        try (CurrentTraceContext.Scope scope =
                EventTracing.OFF.continueFrom("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")) {
            assertThat(EventTracing.OFF.current()).isNull();
        }
    }

    private static Envelope<FacilityRegistered> event() {
        return Envelope.of(
                URI.create("urn:service:inspection-service"),
                Agency.FORESTRY,
                "220100",
                new FacilityRegistered(
                        "f-1", "某繁育场", "220100", "吉林繁育-1", LocalDate.of(2028, 12, 31), List.of("cervus-nippon")));
    }
}
