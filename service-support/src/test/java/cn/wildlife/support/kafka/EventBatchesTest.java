package cn.wildlife.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.tools.SampleEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

class EventBatchesTest {

    private final List<Envelope<?>> samples = SampleEvents.valid(new EventCodec());
    /** What happened, in order: "together a,b", "one c", "dead letter 3". */
    private final List<String> happened = new ArrayList<>();

    @Test
    void readableEventsAreAppliedTogetherAndUnreadableOnesDeadLetteredInTheirPlace() {
        List<ConsumerRecord<String, Object>> records =
                List.of(good(0), good(1), unreadable(2), good(3), good(4), unreadable(5));

        batches(false).apply(records, null, this::together, this::one);

        assertThat(happened).containsExactly("together 0,1", "dead letter 2", "together 3,4", "dead letter 5");
    }

    @Test
    void aBatchThatFailsTogetherIsAppliedOneAtATimeAndNamesTheEventAtFault() {
        List<ConsumerRecord<String, Object>> records = List.of(good(0), good(1), good(2), good(3));

        assertThatThrownBy(() -> batches(false)
                        .apply(
                                records,
                                null,
                                events -> {
                                    throw new IllegalStateException("one of them is wrong");
                                },
                                event -> {
                                    if (event == samples.get(2)) {
                                        throw new IllegalArgumentException("this one");
                                    }
                                    one(event);
                                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(records.get(2));
                    assertThat(e.getCause()).hasMessage("this one");
                });
        // The ones before it are applied (their offsets get committed); the error handler deals with it and hands
        // the rest over again.
        assertThat(happened).containsExactly("one 0", "one 1");
    }

    @Test
    void anUnreadableRecordWhoseDeadLetterCannotStartIsLeftToTheErrorHandlerAfterTheOnesBefore() {
        List<ConsumerRecord<String, Object>> records = List.of(good(0), good(1), unreadable(2), good(3));

        assertThatThrownBy(() -> batches(true).apply(records, null, this::together, this::one))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(records.get(2));
                    assertThat(UnreadableEvents.unreadable(e.getRecord())).isNotNull();
                });
        assertThat(happened).containsExactly("together 0,1");
    }

    @Test
    void aSingleEventIsAppliedAlone() {
        batches(false).apply(List.of(good(0)), null, this::together, this::one);

        assertThat(happened).containsExactly("one 0");
    }

    private void together(List<Envelope<?>> events) {
        happened.add("together "
                + String.join(
                        ",",
                        events.stream()
                                .map(e -> String.valueOf(samples.indexOf(e)))
                                .toList()));
    }

    private void one(Envelope<?> event) {
        happened.add("one " + samples.indexOf(event));
    }

    private ConsumerRecord<String, Object> good(int offset) {
        return new ConsumerRecord<>("platform.clues", 0, offset, "key", samples.get(offset));
    }

    private static ConsumerRecord<String, Object> unreadable(int offset) {
        return new ConsumerRecord<>(
                "platform.clues",
                0,
                offset,
                "key",
                new UnreadableEvents.Unreadable(new byte[] {'{'}, new IllegalArgumentException("not JSON")));
    }

    /** A recoverer that notes each dead letter, or cannot start any (the broker unreachable). */
    private EventBatches batches(boolean deadLettersFail) {
        KafkaTemplate<Object, Object> unused = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()));
        return new EventBatches(new DeadLetterPublishingRecoverer(unused) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
                if (deadLettersFail) {
                    throw new IllegalStateException("no broker");
                }
                happened.add("dead letter " + record.offset());
            }
        });
    }
}
