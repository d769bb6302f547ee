package cn.wildlife.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event with its CloudEvents attributes. {@code agency} and {@code region} are the CloudEvents extensions that
 * say whose fact this is; {@code traceparent} (W3C trace context) lets a trace follow a clue through every service.
 */
public record Envelope<T extends EventPayload>(
        String id,
        URI source,
        EventType type,
        OffsetDateTime time,
        @Nullable Agency agency,
        @Nullable String region,
        @Nullable String correlationId,
        @Nullable String traceparent,
        T data) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!type.payloadType().isInstance(data)) {
            throw new IllegalArgumentException(
                    type + " does not carry " + data.getClass().getSimpleName());
        }
    }

    /** A new event with a fresh id, stamped now. */
    public static <T extends EventPayload> Envelope<T> of(
            URI source, @Nullable Agency agency, @Nullable String region, T data) {
        return new Envelope<>(
                UUID.randomUUID().toString(),
                source,
                EventType.of(data.getClass()),
                OffsetDateTime.now(ZoneOffset.UTC),
                agency,
                region,
                null,
                null,
                data);
    }

    /** The aggregate id: the Kafka record key and the CloudEvents subject. */
    public String subject() {
        return data.subject();
    }

    public Envelope<T> withCorrelation(@Nullable String correlationId, @Nullable String traceparent) {
        return new Envelope<>(id, source, type, time, agency, region, correlationId, traceparent, data);
    }

    /** A new event of a named type (for payloads that several types share). */
    public static <T extends EventPayload> Envelope<T> of(
            URI source, @Nullable Agency agency, @Nullable String region, EventType type, T data) {
        return new Envelope<>(
                UUID.randomUUID().toString(),
                source,
                type,
                OffsetDateTime.now(ZoneOffset.UTC),
                agency,
                region,
                null,
                null,
                data);
    }

    @SuppressWarnings("unchecked")
    public <P extends EventPayload> Envelope<P> as(Class<P> payloadType) {
        if (!payloadType.isInstance(data)) {
            throw new IllegalStateException(
                    "event " + id + " carries " + type.ceType() + ", not " + payloadType.getSimpleName());
        }
        return (Envelope<P>) this;
    }
}
