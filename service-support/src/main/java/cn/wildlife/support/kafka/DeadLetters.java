package cn.wildlife.support.kafka;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import cn.wildlife.events.kafka.EventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Dead letters written without waiting for each one, yet never an offset committed before its dead letter (or, when
 * it cannot be written, the record's quarantine entry) is durable. The stock recoverer waited for every dead-letter
 * send (acks=all) before the next record: 10,000 poison events mixed into good load cut the good events' rate by
 * 70 %. Here a send is only started; the consumer waits for all of its batch's dead letters when it commits (its
 * consumer is wrapped for that), so a crash before the commit replays the records (and their dead letters) rather
 * than losing them.
 *
 * <p>The wait is bounded, because a record must never hold its partition for ever for a fault of its own:
 * <ul>
 * <li>a dead letter too large for the dead-letter topic ({@link Topics#MAX_DEAD_LETTER_BYTES}: the broker limits a
 * compressed batch, so a consumer can be handed a larger record) or whose payload cannot be written is sent again
 * without its payload, with headers giving its size and SHA-256 ({@link DeadLetterReason#DROPPED}); if that is still
 * too large (thousands of headers, a huge key), with only the dead-letter headers and the event's identity;</li>
 * <li>any other failure (the topic unwritable, the broker away) is retried with back-off until
 * {@code platform.consumer.dead-letter-timeout} after the dead letter was started; then the record is recorded in the
 * {@link Quarantine} (its coordinates, size, reason and hash; never the payload) and the consumer moves on. A dead
 * letter still under way then may land as well: a record is at least once on the topic or in the quarantine.</li>
 * </ul>
 * Writing a quarantine entry waits for the store without limit, as every consumer write does: the store being away is
 * never the record's fault, and its offset must not be committed before the entry exists.
 */
final class DeadLetters extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The dead letters under way, per consumer thread: the recoverer runs on the thread that commits. */
    private static final ThreadLocal<List<Pending>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    /**
     * Dead-letter topics whose send failed at once in this batch (the producer gave up waiting for the topic's
     * metadata): the batch's later dead letters to them are not started, so that each does not wait as long again.
     */
    private static final ThreadLocal<Set<String>> UNWRITABLE = ThreadLocal.withInitial(HashSet::new);
    /** The consumer group of the record being dead-lettered on this thread, for its quarantine entry. */
    private static final ThreadLocal<@Nullable String> GROUP = new ThreadLocal<>();

    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    /** Longer header values are cut when a dead letter is cut to its essentials. */
    private static final int MAX_CARRIED_HEADER_BYTES = 4096;
    /** The headers a dead letter cut to its essentials keeps: where it came from, why it was refused, what it was. */
    private static final List<String> CARRIED = List.of(
            KafkaHeaders.DLT_ORIGINAL_TOPIC,
            KafkaHeaders.DLT_ORIGINAL_PARTITION,
            KafkaHeaders.DLT_ORIGINAL_OFFSET,
            KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
            KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE,
            KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
            KafkaHeaders.DLT_EXCEPTION_FQCN,
            KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
            KafkaHeaders.DLT_EXCEPTION_MESSAGE,
            KafkaHeaders.DLT_KEY_EXCEPTION_FQCN,
            KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE,
            DeadLetterReason.HEADER,
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_subject",
            "ce_specversion",
            "ce_time");

    /** How much of the record a dead letter carries; each form is tried when the one before could not be written. */
    enum Form {
        WHOLE,
        WITHOUT_PAYLOAD,
        ESSENTIALS
    }

    /** One record's dead letter under way, in the form last sent. Used by its consumer thread only. */
    private static final class Pending {
        final DeadLetters owner;
        final ConsumerRecord<?, ?> failed;
        final @Nullable String group;
        final long deadline;
        final @Nullable KafkaOperations<Object, Object> template;

        @Nullable
        ProducerRecord<Object, Object> record;

        CompletableFuture<?> sent;
        Form form = Form.WHOLE;
        boolean warned;

        @Nullable
        Payload payload;

        Pending(
                DeadLetters owner,
                ConsumerRecord<?, ?> failed,
                @Nullable String group,
                @Nullable KafkaOperations<Object, Object> template,
                @Nullable ProducerRecord<Object, Object> record,
                CompletableFuture<?> sent,
                long deadline) {
            this.owner = owner;
            this.failed = failed;
            this.group = group;
            this.template = template;
            this.record = record;
            this.sent = sent;
            this.deadline = deadline;
        }

        String coordinates() {
            return failed.topic() + "-" + failed.partition() + "@" + failed.offset();
        }
    }

    /** What a dead letter without its payload says about it. */
    private record Payload(int size, @Nullable String sha256) {}

    private final Quarantine quarantine;
    private final Duration timeout;
    private final EventSerializer events;
    private final MeterRegistry meters;

    DeadLetters(
            KafkaOperations<String, Object> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
            Quarantine quarantine,
            Duration timeout,
            EventSerializer events,
            MeterRegistry meters) {
        super(template, destination);
        this.quarantine = quarantine;
        this.timeout = timeout;
        this.events = events;
        this.meters = meters;
        setExceptionHeadersCreator(DeadLetters::exceptionHeaders);
    }

    /**
     * spring-kafka's exception headers without a stack trace, and without an internal failure's own message: agency
     * systems read their dead letters, and what went wrong inside a service (class names, what the store said) is
     * for its log, where the error handler writes it whole. An event refused as unreadable or invalid keeps its
     * reason, which is what the sender must correct.
     */
    private static void exceptionHeaders(
            Headers headers, Exception exception, boolean isKey, DeadLetterPublishingRecoverer.HeaderNames names) {
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        put(
                headers,
                isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
                exception.getClass().getName());
        if (!isKey && root != exception) {
            put(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
        }
        String message = refused(exception)
                ? (root.getMessage() != null ? root.getMessage() : exception.getMessage())
                : "the service could not apply it (an internal failure, in the service's log)";
        if (message != null) {
            put(
                    headers,
                    isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                    DeadLetterReason.printable(message));
        }
    }

    private static boolean refused(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof DeserializationException) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the header: an event dead-lettered again (replayed from the DLT) keeps only the latest reason. */
    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An unreadable record's dead letter carries the bytes as they were read, the reason they were refused and the
     * consumer group that refused them: spring-kafka names the group only for a listener's failure, and a platform
     * topic is read by several services' groups, each dead-lettering the same poison record once.
     *
     * <p>Never throws: a dead letter that cannot even be built is a quarantine entry at the batch's commit. A recoverer
     * that threw made the error handler take the record again at once, for ever, and log each time.
     */
    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        String group = groupOf(consumer);
        GROUP.set(group);
        try {
            UnreadableEvents.Unreadable unreadable = UnreadableEvents.unreadable(record);
            if (unreadable != null) {
                super.accept(
                        UnreadableEvents.asRead(record, unreadable),
                        consumer,
                        group == null
                                ? unreadable.reason()
                                : new ListenerExecutionFailedException("refused unread", group, unreadable.reason()));
            } else {
                super.accept(record, consumer, exception);
            }
        } catch (RuntimeException cannotBuild) {
            log.warn(
                    "Dead letter of {}-{}@{} could not be built ({}); the record is quarantined at the commit",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    cannotBuild.toString());
            PENDING.get()
                    .add(new Pending(
                            this,
                            record,
                            group,
                            null,
                            null,
                            CompletableFuture.failedFuture(cannotBuild),
                            System.nanoTime()));
        } finally {
            GROUP.remove();
        }
    }

    private static @Nullable String groupOf(@Nullable Consumer<?, ?> consumer) {
        try {
            return consumer == null ? null : consumer.groupMetadata().groupId();
        } catch (RuntimeException noGroup) {
            return null;
        }
    }

    /** Starts the send and notes it; the batch's commit waits for it ({@link #awaitSent()}). */
    @Override
    protected void publish(
            ProducerRecord<Object, Object> outRecord,
            KafkaOperations<Object, Object> template,
            ConsumerRecord<?, ?> inRecord) {
        CompletableFuture<?> sent = UNWRITABLE.get().contains(outRecord.topic())
                ? CompletableFuture.failedFuture(new KafkaException("not tried: " + outRecord.topic()
                        + " could not be written for an earlier record of this batch"))
                : start(template, outRecord);
        PENDING.get()
                .add(new Pending(
                        this, inRecord, GROUP.get(), template, outRecord, sent, System.nanoTime() + timeout.toNanos()));
    }

    /** The send, or its failure to start (no metadata for the topic in time, a record too large) as its result. */
    private static CompletableFuture<?> start(
            KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> record) {
        try {
            return template.send(record);
        } catch (RuntimeException e) {
            if (!cannotCarry(e)) {
                UNWRITABLE.get().add(record.topic());
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits until every dead letter this thread started has landed or its record is quarantined: sends again, in a
     * smaller form, a dead letter too large to carry, and again with back-off one that failed otherwise, until
     * {@code platform.consumer.dead-letter-timeout} after it was started. The dead letters of one batch are waited on
     * together, so the batch waits that long at most, however many of its records are poison; writing a quarantine
     * entry waits for the store as long as it takes. Gives up only when the thread is interrupted (the service
     * stopping): then the commit fails and the records come again after the restart.
     */
    static void awaitSent() {
        List<Pending> pending = PENDING.get();
        if (pending.isEmpty()) {
            return;
        }
        try {
            for (Pending p : pending) {
                p.owner.settle(p);
            }
            pending.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(
                    "Stopped before the batch's dead letters were written; its offsets stay " + "uncommitted", e);
        } finally {
            UNWRITABLE.get().clear();
        }
    }

    private void settle(Pending p) throws InterruptedException {
        long backOff = 100;
        Throwable earlier = null;
        while (true) {
            Throwable failure;
            try {
                p.sent.get(Math.max(0, p.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                landed(p);
                return;
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (TimeoutException e) {
                // The last try still under way: the earlier answer says more than the wait running out.
                failure = earlier != null
                        ? earlier
                        : new TimeoutException("no answer within " + timeout.toSeconds() + " s");
            }
            earlier = failure;
            if (p.record != null && p.template != null && p.form != Form.ESSENTIALS && cannotCarry(failure)) {
                p.record = smaller(p, failure);
                p.sent = start(p.template, p.record);
                continue;
            }
            long remaining = p.deadline - System.nanoTime();
            if (remaining <= 0 || p.record == null || p.template == null) {
                quarantine(p, failure);
                return;
            }
            if (!p.warned) {
                p.warned = true;
                log.warn(
                        "Dead letter of {} not written ({}); trying again for up to {} s, then quarantining the record",
                        p.coordinates(),
                        DeadLetterReason.reason(failure),
                        TimeUnit.NANOSECONDS.toSeconds(remaining));
            }
            Thread.sleep(Math.min(backOff, TimeUnit.NANOSECONDS.toMillis(remaining) + 1));
            backOff = Math.min(backOff * 2, MAX_BACK_OFF.toMillis());
            p.sent = start(p.template, p.record);
        }
    }

    /** Too large, or a payload that cannot be serialized: a smaller form of the dead letter may still go. */
    private static boolean cannotCarry(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dead letter in its next smaller form: without the payload, with headers saying so; then with only the
     * headers that say where the record came from, why it was refused and which event it was (each cut to 4 KiB), and
     * without a key longer than a legitimate aggregate id.
     */
    private ProducerRecord<Object, Object> smaller(Pending p, Throwable failure) {
        ProducerRecord<Object, Object> last = p.record;
        Payload payload = payload(p);
        Headers headers = new RecordHeaders();
        Object key = last.key();
        String dropped;
        if (p.form == Form.WHOLE) {
            p.form = Form.WITHOUT_PAYLOAD;
            last.headers().forEach(headers::add);
            dropped = "payload";
        } else {
            p.form = Form.ESSENTIALS;
            int carried = 0;
            for (String name : CARRIED) {
                Header h = last.headers().lastHeader(name);
                if (h != null && h.value() != null) {
                    byte[] value = h.value();
                    headers.add(
                            name,
                            value.length <= MAX_CARRIED_HEADER_BYTES
                                    ? value
                                    : Arrays.copyOf(value, MAX_CARRIED_HEADER_BYTES));
                    carried++;
                }
            }
            int originalHeaders = p.failed.headers().toArray().length;
            dropped = "payload, headers (" + Math.max(0, originalHeaders - carried) + " of the record's "
                    + originalHeaders + " dropped)";
            if (key instanceof String k && k.length() > Quarantine.MAX_KEY_CHARS) {
                key = null;
                dropped += ", key";
            }
        }
        put(headers, DeadLetterReason.DROPPED, dropped + ": " + DeadLetterReason.reason(failure));
        put(headers, DeadLetterReason.ORIGINAL_SIZE, String.valueOf(payload.size()));
        if (payload.sha256() != null) {
            put(headers, DeadLetterReason.PAYLOAD_SHA256, payload.sha256());
        }
        return new ProducerRecord<>(last.topic(), last.partition(), key, null, headers);
    }

    private void landed(Pending p) {
        if (p.form == Form.WHOLE) {
            return;
        }
        Counter.builder("wildlife.kafka.dead.letters.cut")
                .description("Dead letters written without the record's "
                        + "payload (or headers) because the whole record did not fit")
                .tag("form", p.form.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
        Payload payload = payload(p);
        log.info(
                "Dead letter of {} written without its payload ({} bytes, SHA-256 {}; form {})",
                p.coordinates(),
                payload.size(),
                payload.sha256(),
                p.form);
    }

    /**
     * Records the record in the quarantine, waiting for the store as long as it takes: it being away is not the
     * record's fault, and the offset must not be committed before the entry exists.
     */
    private void quarantine(Pending p, Throwable failure) throws InterruptedException {
        Payload payload = payload(p);
        ConsumerRecord<?, ?> r = p.failed;
        String key = r.key() == null ? null : r.key().toString();
        Quarantine.Entry entry = new Quarantine.Entry(
                (p.group == null ? "" : p.group) + "|" + p.coordinates(),
                p.group,
                r.topic(),
                r.partition(),
                r.offset(),
                key == null || key.length() <= Quarantine.MAX_KEY_CHARS
                        ? key
                        : key.substring(0, Quarantine.MAX_KEY_CHARS),
                r.serializedKeySize(),
                r.serializedValueSize(),
                r.headers().toArray().length,
                payload.sha256(),
                reasonOf(p),
                DeadLetterReason.reason(failure),
                quarantine.now());
        log.error(
                "Record {} quarantined: its dead letter could not be written ({}); {} bytes, SHA-256 {}; the "
                        + "consumer moves on",
                p.coordinates(),
                entry.deadLetterFailure(),
                payload.size(),
                payload.sha256());
        long backOff = 200;
        boolean warned = false;
        while (true) {
            try {
                quarantine.put(entry);
                return;
            } catch (RuntimeException storeFailed) {
                if (!EventKafkaConfiguration.storeAway(storeFailed)) {
                    // Not the store being away but something an operator must fix (a denied write, say): nothing is
                    // committed past the record, and the log says so every few seconds rather than once.
                    log.error(
                            "Quarantine entry of {} cannot be written ({}); the partition waits, its offset "
                                    + "uncommitted",
                            p.coordinates(),
                            storeFailed.toString());
                } else if (!warned) {
                    warned = true;
                    log.warn(
                            "Quarantine entry of {} not written ({}); waiting for the store, the offset uncommitted",
                            p.coordinates(),
                            storeFailed.toString());
                }
                Thread.sleep(backOff);
                backOff = Math.min(backOff * 2, MAX_BACK_OFF.toMillis());
            }
        }
    }

    private static String reasonOf(Pending p) {
        if (p.record != null) {
            Header reason = p.record.headers().lastHeader(DeadLetterReason.HEADER);
            if (reason != null) {
                return new String(reason.value(), StandardCharsets.UTF_8);
            }
        }
        return "not readable";
    }

    /**
     * The payload's size as it arrived and the SHA-256 of the bytes the dead letter would have carried (for an event
     * that was read, as serialized again).
     */
    private Payload payload(Pending p) {
        if (p.payload != null) {
            return p.payload;
        }
        Object value = p.failed.value();
        if (value instanceof UnreadableEvents.Unreadable unreadable) {
            value = unreadable.data();
        }
        byte[] bytes = null;
        try {
            if (value instanceof byte[] b) {
                bytes = b;
            } else if (value instanceof Envelope<?> event) {
                bytes = events.serialize(p.failed.topic(), new RecordHeaders(), event);
            }
        } catch (RuntimeException unserializable) {
            bytes = null;
        }
        int size = p.failed.serializedValueSize() >= 0
                ? p.failed.serializedValueSize()
                : bytes == null ? -1 : bytes.length;
        p.payload = new Payload(size, bytes == null ? null : sha256(bytes));
        return p.payload;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The consumer, with every commit waiting first for the thread's dead letters. */
    static <K, V> Consumer<K, V> committingAfterDeadLetters(Consumer<K, V> consumer) {
        return BeforeCommit.wrap(consumer, DeadLetters::awaitSent);
    }
}
