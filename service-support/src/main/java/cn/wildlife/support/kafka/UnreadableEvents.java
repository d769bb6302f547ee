package cn.wildlife.support.kafka;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.kafka.EventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Events that cannot be read (not JSON, against the schema, of an unknown type, too large), turned away before any
 * listener sees them. The consumer is handed an {@link Unreadable} in place of the event, and the interceptor puts it
 * on the dead-letter topic as it was read, with its reason.
 *
 * <p>spring-kafka's ErrorHandlingDeserializer did this with an exception Java-serialized into a record header, which
 * the container and the dead-letter recoverer each deserialized again: two thirds of a consumer's time while poison
 * came in (fault tests' profile). Here nothing is serialized but the dead letter itself.
 */
public final class UnreadableEvents {

    private static final Logger log = LoggerFactory.getLogger(UnreadableEvents.class);

    private UnreadableEvents() {}

    /** What the consumer got instead of an event: the record's bytes as they were, and why they were refused. */
    public record Unreadable(byte @Nullable [] data, RuntimeException reason) {}

    /**
     * The event deserializer, answering {@link Unreadable} where it would throw. Typed {@code Object}: the value is
     * either; only the interceptor below and the dead-letter recoverer look before it is used as an event.
     */
    static Deserializer<Object> reader(EventDeserializer events) {
        return new Deserializer<>() {
            @Override
            public Object deserialize(String topic, byte[] data) {
                throw new IllegalStateException("CloudEvents need record headers");
            }

            @Override
            public Object deserialize(String topic, Headers headers, byte[] data) {
                try {
                    return events.deserialize(topic, headers, data);
                } catch (RuntimeException e) {
                    return new Unreadable(data, e);
                }
            }
        };
    }

    /**
     * The value of a record, whatever the consumer's declared type; an {@link Unreadable} when it was one. A record
     * without a value (a tombstone) is one too: the Kafka client may hand it over without asking the deserializer.
     */
    static @Nullable Unreadable unreadable(ConsumerRecord<?, ?> record) {
        if (record.value() == null) {
            return new Unreadable(null, new InvalidEventException("record has no value"));
        }
        return record.value() instanceof Unreadable u ? u : null;
    }

    /** The record as it was read, its value the bytes the consumer could not read. */
    static ConsumerRecord<String, byte[]> asRead(ConsumerRecord<?, ?> record, Unreadable unreadable) {
        return new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                record.serializedValueSize(),
                record.key() == null ? null : record.key().toString(),
                unreadable.data(),
                record.headers(),
                record.leaderEpoch());
    }

    /**
     * Dead-letters unreadable records and lets no listener see them. It runs before the container's error handling,
     * so it must not throw. {@link DeadLetters} does not throw either (a dead letter it cannot build or write ends as a
     * quarantine entry); should it all the same, the record goes on to the listener, fails there, and the error
     * handler's recovery (the same recoverer, without retries) takes it.
     */
    static RecordInterceptor<String, Envelope<?>> turningAway(DeadLetterPublishingRecoverer deadLetters) {
        return new RecordInterceptor<>() {
            @Override
            public @Nullable ConsumerRecord<String, Envelope<?>> intercept(
                    ConsumerRecord<String, Envelope<?>> record, Consumer<String, Envelope<?>> consumer) {
                Unreadable unreadable = unreadable(record);
                if (unreadable == null) {
                    return record;
                }
                try {
                    deadLetters.accept(record, consumer, unreadable.reason());
                    return null;
                } catch (RuntimeException e) {
                    log.warn(
                            "Dead letter for {}-{}@{} not started ({}); the error handler retries it",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.getMessage());
                    return record;
                }
            }
        };
    }
}
