package cn.wildlife.support.kafka;

import cn.wildlife.events.InvalidEventException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Dead letters written without waiting for each one, yet never an offset committed before its dead letter landed.
 * The stock recoverer waited for every dead-letter send (acks=all) before the next record: 10,000 poison events
 * mixed into good load cut the good events' rate by 70 %. Here a send is only started; the consumer waits for all
 * of its batch's dead letters when it commits (its consumer is wrapped for that), and sends again any that failed,
 * so a crash before the commit replays the records (and their dead letters) rather than losing them.
 */
final class DeadLetters extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The dead letters under way, per consumer thread: the recoverer runs on the thread that commits. */
    private static final ThreadLocal<List<Pending>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    private record Pending(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> record,
                           CompletableFuture<SendResult<Object, Object>> sent) {
    }

    DeadLetters(Map<Class<?>, KafkaOperations<?, ?>> templates,
                BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(templates, destination);
        setExceptionHeadersCreator(DeadLetters::exceptionHeaders);
    }

    /**
     * spring-kafka's exception headers, with the stack trace only where it helps: for an event refused as
     * unreadable or invalid the reason says all, and a stack trace of the listener container (some 6 KB per
     * record) made every poison event cost the broker more than a good one.
     */
    private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey,
                                         DeadLetterPublishingRecoverer.HeaderNames names) {
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        put(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), exception.getClass().getName());
        if (!isKey && root != exception) {
            put(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
        }
        String message = root.getMessage() != null ? root.getMessage() : exception.getMessage();
        if (message != null) {
            put(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), message);
        }
        if (!refused(exception)) {
            java.io.StringWriter trace = new java.io.StringWriter();
            exception.printStackTrace(new java.io.PrintWriter(trace));
            put(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(), trace.toString());
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
     */
    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        UnreadableEvents.Unreadable unreadable = UnreadableEvents.unreadable(record);
        if (unreadable != null) {
            String group = groupOf(consumer);
            super.accept(UnreadableEvents.asRead(record, unreadable), consumer, group == null ? unreadable.reason()
                    : new ListenerExecutionFailedException("refused unread", group, unreadable.reason()));
            return;
        }
        super.accept(record, consumer, exception);
    }

    private static @Nullable String groupOf(@Nullable Consumer<?, ?> consumer) {
        try {
            return consumer == null ? null : consumer.groupMetadata().groupId();
        } catch (RuntimeException noGroup) {
            return null;
        }
    }

    @Override
    protected void verifySendResult(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> record,
                                    CompletableFuture<SendResult<Object, Object>> sent, ConsumerRecord<?, ?> failed) {
        if (sent == null) {
            // Not even started: the stock check reports it, and the record is retried.
            super.verifySendResult(template, record, sent, failed);
            return;
        }
        PENDING.get().add(new Pending(template, record, sent));
    }

    /**
     * Waits until every dead letter this thread started has landed, sending again those that failed, with back-off
     * and without limit: an offset past a poison record must not be committed while its dead letter is missing.
     * Gives up only when the thread is interrupted (the service stopping): then the commit fails and the records
     * come again after the restart.
     */
    static void awaitSent() {
        List<Pending> pending = PENDING.get();
        if (pending.isEmpty()) {
            return;
        }
        try {
            for (Pending p : pending) {
                CompletableFuture<SendResult<Object, Object>> sent = p.sent();
                long backOff = 100;
                while (true) {
                    try {
                        sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                        break;
                    } catch (ExecutionException | TimeoutException e) {
                        log.warn("Dead letter to {} not written yet, sending it again: {}", p.record().topic(),
                                e.getMessage());
                        Thread.sleep(backOff);
                        backOff = Math.min(backOff * 2, MAX_BACK_OFF.toMillis());
                        sent = p.template().send(p.record());
                    }
                }
            }
            pending.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Stopped before the batch's dead letters were written; its offsets stay "
                    + "uncommitted", e);
        }
    }

    /** The consumer, with every commit waiting first for the thread's dead letters. */
    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> committingAfterDeadLetters(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(DeadLetters.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync") || method.getName().equals("commitAsync")) {
                        awaitSent();
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
