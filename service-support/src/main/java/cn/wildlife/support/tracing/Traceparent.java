package cn.wildlife.support.tracing;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context ({@code traceparent}, version 00): the trace, the span that is the parent of whatever comes
 * next, and whether the trace is sampled. What an event carries in its CloudEvents {@code traceparent} extension, and
 * what Kafka records carry in their {@code traceparent} header.
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {

    private static final int LENGTH = 55;
    private static final String INVALID_TRACE = "00000000000000000000000000000000";
    private static final String INVALID_SPAN = "0000000000000000";

    public Traceparent {
        if (!hex(traceId, 0, 32) || traceId.equals(INVALID_TRACE)) {
            throw new IllegalArgumentException("trace id must be 32 lower-case hex digits, not all zero");
        }
        if (!hex(spanId, 0, 16) || spanId.equals(INVALID_SPAN)) {
            throw new IllegalArgumentException("span id must be 16 lower-case hex digits, not all zero");
        }
    }

    /**
     * The context a header or an extension names, or null when it names none the platform can continue (absent,
     * malformed, or of a version other than 00, whose fields W3C lets change).
     */
    public static @Nullable Traceparent parse(@Nullable String value) {
        if (value == null || value.length() != LENGTH) {
            return null;
        }
        String header = value.toLowerCase(Locale.ROOT);
        if (!header.startsWith("00-") || header.charAt(35) != '-' || header.charAt(52) != '-' || !hex(header, 53, 2)) {
            return null;
        }
        String traceId = header.substring(3, 35);
        String spanId = header.substring(36, 52);
        if (!hex(traceId, 0, 32)
                || !hex(spanId, 0, 16)
                || traceId.equals(INVALID_TRACE)
                || spanId.equals(INVALID_SPAN)) {
            return null;
        }
        // Bit 0 of the flags is "sampled"; the other bits are reserved.
        boolean sampled = (Character.digit(header.charAt(54), 16) & 1) == 1;
        return new Traceparent(traceId, spanId, sampled);
    }

    /** Whether both name the same trace (the spans may differ). */
    public boolean sameTrace(Traceparent other) {
        return traceId.equals(other.traceId);
    }

    /** The header value: {@code 00-<trace id>-<span id>-<flags>}. */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static boolean hex(String s, int from, int length) {
        if (s.length() < from + length) {
            return false;
        }
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
