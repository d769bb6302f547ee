package cn.wildlife.support.kafka;

import cn.wildlife.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Adds a {@code dlt-reason} header that says in one line why the event was refused, next to the stack-trace headers
 * spring-kafka writes ({@code kafka_dlt-exception-*}): an operator reading the dead-letter topic wants the reason,
 * not the wrapper exceptions.
 */
public final class DeadLetterReason {

    public static final String HEADER = "dlt-reason";

    /** Longer reasons are cut: a reason names what is wrong, it does not carry the event. */
    public static final int MAX_REASON_CHARS = 1024;
    /** On a dead letter written without the record's payload: what was dropped, and why. */
    public static final String DROPPED = "dlt-dropped";
    /** On a dead letter written without the record's payload: the payload's size in bytes, as it arrived. */
    public static final String ORIGINAL_SIZE = "dlt-original-size";
    /** On a dead letter written without the record's payload: the payload's SHA-256, in hex. */
    public static final String PAYLOAD_SHA256 = "dlt-payload-sha256";

    private DeadLetterReason() {}

    public static Headers headers(ConsumerRecord<?, ?> record, Exception exception) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    public static String reason(Throwable exception) {
        Throwable cursor = exception;
        Throwable deepest = exception;
        while (cursor != null) {
            if (cursor instanceof InvalidEventException) {
                return printable(cursor.getMessage());
            }
            deepest = cursor;
            cursor = cursor.getCause() == cursor ? null : cursor.getCause();
        }
        String message = deepest.getMessage();
        return printable(deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    /**
     * A reason as it may be stored and shown: a refused event's own bytes can reach its reason (a bad specversion,
     * a broken header), so control characters become '?' and the text is cut at {@link #MAX_REASON_CHARS}.
     */
    public static String printable(String reason) {
        if (reason == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(reason.length(), MAX_REASON_CHARS));
        for (int i = 0; i < reason.length() && out.length() < MAX_REASON_CHARS; i++) {
            char c = reason.charAt(i);
            out.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
        }
        return reason.length() > MAX_REASON_CHARS ? out.append('…').toString() : out.toString();
    }
}
