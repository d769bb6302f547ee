package cn.wildlife.support.tracing;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventPayload;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox, where the Kafka observations cannot: the writer's trace context goes into the
 * event's {@code traceparent} extension, stored with the outbox entry, and the relay makes it the parent of the
 * producer span it sends the event under (which then travels on as the record's {@code traceparent} header). With
 * tracing off ({@link Tracer#NOOP}) both steps do nothing.
 */
public final class EventTracing {

    /** Tracing off: events keep whatever trace context they were built with, and the relay starts none. */
    public static final EventTracing OFF = new EventTracing(Tracer.NOOP);

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's context, or null outside any span (or with tracing off). */
    public @Nullable Traceparent current() {
        if (tracer == Tracer.NOOP) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        String traceId = context.traceId();
        String spanId = context.spanId();
        // A no-op or foreign context may carry ids of other lengths: then it is nothing to continue.
        if (traceId == null || traceId.length() != 32 || spanId == null || spanId.length() != 16) {
            return null;
        }
        return Traceparent.parse(
                "00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00"));
    }

    /**
     * The event as it should be stored: under the current span when there is one, unless the event already belongs
     * to another trace (an agency's event read without a trace header keeps the agency's trace). The current span is
     * the more precise parent when both name the same trace: a listener's consumer span, a request's server span.
     */
    public <T extends EventPayload> Envelope<T> stamp(Envelope<T> envelope) {
        Traceparent current = current();
        if (current == null) {
            return envelope;
        }
        Traceparent carried = Traceparent.parse(envelope.traceparent());
        if (carried != null && !carried.sameTrace(current)) {
            return envelope;
        }
        return envelope.withCorrelation(envelope.correlationId(), current.toString());
    }

    /**
     * Makes the event's trace context current until the scope closes, so that the producer span of a send inside it
     * continues the trace that wrote the event. A missing or unreadable context opens nothing.
     */
    public CurrentTraceContext.Scope continueFrom(@Nullable Object traceparent) {
        if (tracer == Tracer.NOOP || traceparent == null) {
            return NOTHING;
        }
        Traceparent parent = Traceparent.parse(traceparent.toString());
        if (parent == null) {
            return NOTHING;
        }
        TraceContext context = tracer.traceContextBuilder()
                .traceId(parent.traceId())
                .spanId(parent.spanId())
                .sampled(parent.sampled())
                .build();
        return tracer.currentTraceContext().newScope(context);
    }

    private static final CurrentTraceContext.Scope NOTHING = () -> {};
}
