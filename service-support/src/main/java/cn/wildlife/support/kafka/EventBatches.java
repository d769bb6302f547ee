package cn.wildlife.support.kafka;

import cn.wildlife.events.Envelope;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Applies a polled batch of events with one request to the store per step instead of one per event, keeping what a
 * record listener guarantees for each event. Unreadable records are dead-lettered as they come (as
 * {@link UnreadableEvents} does for record listeners); the readable ones between them are applied together. When
 * that fails, they are applied again one at a time, so that the event at fault is found: the ones before it stay
 * applied (their offsets are committed), and it is handled as a record listener's failure is (retried, waited on
 * while the store is away, dead-lettered with its reason), the ones after it then coming again. Applying together
 * and then one at a time must therefore change nothing twice: every apply path here is idempotent by event and
 * record id.
 */
public final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    /** Applies readable events together; a failure fails them all. */
    @FunctionalInterface
    public interface Together {
        void apply(List<Envelope<?>> events);
    }

    /** Applies one event, as the record listener did. */
    @FunctionalInterface
    public interface One {
        void apply(Envelope<?> event);
    }

    private final DeadLetterPublishingRecoverer deadLetters;

    EventBatches(DeadLetterPublishingRecoverer deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Applies the records in order; throws {@link BatchListenerFailedException} naming the record at fault. */
    public void apply(
            List<? extends ConsumerRecord<String, ?>> records,
            @Nullable Consumer<?, ?> consumer,
            Together together,
            One one) {
        int start = 0;
        for (int i = 0; i <= records.size(); i++) {
            UnreadableEvents.Unreadable unreadable =
                    i < records.size() ? UnreadableEvents.unreadable(records.get(i)) : null;
            if (i < records.size() && unreadable == null) {
                continue;
            }
            applyReadable(records.subList(start, i), together, one);
            if (unreadable != null) {
                turnAway(records.get(i), consumer, unreadable);
            }
            start = i + 1;
        }
    }

    private void applyReadable(List<? extends ConsumerRecord<String, ?>> records, Together together, One one) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() > 1) {
            List<Envelope<?>> events = new ArrayList<>(records.size());
            records.forEach(r -> events.add((Envelope<?>) r.value()));
            try {
                together.apply(events);
                return;
            } catch (RuntimeException e) {
                log.debug("{} events failed together ({}); applying them one at a time", events.size(), e.toString());
            }
        }
        for (ConsumerRecord<String, ?> record : records) {
            try {
                one.apply((Envelope<?>) record.value());
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(
                        record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                                + e.getMessage(),
                        e,
                        record);
            }
        }
    }

    /**
     * As the record interceptor: the dead letter is started here and awaited before the batch's commit (or the record
     * quarantined when it cannot be written); should the recoverer throw all the same, the error handler recovers the
     * record without retries.
     */
    private void turnAway(
            ConsumerRecord<String, ?> record,
            @Nullable Consumer<?, ?> consumer,
            UnreadableEvents.Unreadable unreadable) {
        try {
            deadLetters.accept(record, consumer, unreadable.reason());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(
                    "dead letter for " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " not started: " + e.getMessage(),
                    unreadable.reason(),
                    record);
        }
    }
}
