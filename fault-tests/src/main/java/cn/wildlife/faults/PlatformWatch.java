package cn.wildlife.faults;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.events.kafka.EventDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads everything the services announce (platform clues, cases, deadlines, alerts) and every dead letter of the
 * agency topics, from the beginning, and remembers, per fact, the distinct event ids that announced it. A fact
 * announced under two event ids was applied twice; the same event id read twice is only a redelivery, which every
 * consumer ignores by id.
 */
final class PlatformWatch implements AutoCloseable {

    /**
     * One fact: what kind of event, and about what: {@code <agency event id>|<subject>} for what a report caused,
     * {@code <deadline id>|<alert id>} for an alert.
     */
    record Fact(String type, String key) {}

    /**
     * A dead letter: the event id it carried, the reason header, and its form: {@code whole}, {@code without payload}
     * or {@code essentials} (from the {@code dlt-dropped} header a dead letter too large for its topic carries).
     */
    record DeadLetter(String eventId, String reason, String form) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventDeserializer events = new EventDeserializer();
    private final Map<Fact, Set<String>> announcements = new ConcurrentHashMap<>();
    /** Agency event id → deadline ids opened for it. */
    private final Map<String, Set<String>> deadlinesByReport = new ConcurrentHashMap<>();
    /** Deadline id → kinds of alert raised (OVERDUE, ...). */
    private final Map<String, Set<String>> alertKinds = new ConcurrentHashMap<>();

    private final Map<String, DeadLetter> deadLetters = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean holdDeadLetters;

    /** {@code kafka}: the operators' client settings (it reads platform topics and dead letters alike). */
    PlatformWatch(Map<String, Object> kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-tests-watch-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(List.of(
                Topics.PLATFORM_CLUES, Topics.PLATFORM_CASES, Topics.PLATFORM_DEADLINES, Topics.PLATFORM_ALERTS));
        Topics.allAgencyClueTopics().forEach(t -> topics.add(Topics.deadLetter(t)));
        Topics.allAgencyCaseTopics().forEach(t -> topics.add(Topics.deadLetter(t)));
        consumer.subscribe(topics);
        thread = new Thread(this::run, "fault-tests-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            boolean held = false;
            while (running) {
                if (holdDeadLetters != held) {
                    held = holdDeadLetters;
                    List<TopicPartition> deadLetterPartitions = consumer.assignment().stream()
                            .filter(tp -> tp.topic().endsWith(Topics.DEAD_LETTER_SUFFIX))
                            .toList();
                    if (held) {
                        consumer.pause(deadLetterPartitions);
                    } else {
                        consumer.resume(deadLetterPartitions);
                    }
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    take(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        if (r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            String id = header(r, "ce_id");
            String reason = header(r, "dlt-reason");
            String dropped = header(r, "dlt-dropped");
            String form = dropped == null
                    ? "whole"
                    : dropped.startsWith("payload, headers") ? "essentials" : "without payload";
            deadLetters.put(
                    id != null ? id : r.topic() + "@" + r.partition() + ":" + r.offset(),
                    new DeadLetter(id, reason, form));
            return;
        }
        String type = header(r, "ce_type");
        String id = header(r, "ce_id");
        if (type != null && id != null) {
            takeFromHeaders(r, type, id);
            return;
        }
        // A structured-mode event (no CloudEvents headers): read whole.
        Envelope<?> e;
        try {
            e = events.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException unreadable) {
            unreadable(r);
            return;
        }
        if (e.data() instanceof AlertRaised alert) {
            alert(e.type().ceType(), e.id(), alert.deadlineId(), alert.alertId(), alert.kind());
        } else {
            fact(e.type().ceType(), e.id(), e.correlationId(), e.subject());
        }
    }

    /**
     * A platform event in binary mode, read from its CloudEvents headers (and an alert's three fields from its body):
     * the services validated it against its schema when they published it, and validating it again here cost this
     * suite's process a third of a core under load, taken from the services it measures on two cores.
     */
    private void takeFromHeaders(ConsumerRecord<String, byte[]> r, String type, String id) {
        if (!type.equals(EventType.ALERT_RAISED.ceType())) {
            fact(type, id, header(r, "ce_" + EventCodec.EXT_CORRELATION_ID), header(r, "ce_subject"));
            return;
        }
        JsonNode alert;
        try {
            alert = JSON.readTree(r.value());
        } catch (java.io.IOException | RuntimeException unreadable) {
            unreadable(r);
            return;
        }
        alert(
                type,
                id,
                alert.path("deadlineId").asText(),
                alert.path("alertId").asText(),
                alert.path("kind").asText());
    }

    private void unreadable(ConsumerRecord<?, ?> r) {
        announcements
                .computeIfAbsent(new Fact("UNREADABLE", r.topic()), f -> ConcurrentHashMap.newKeySet())
                .add(r.topic() + "@" + r.partition() + ":" + r.offset());
    }

    private void alert(String type, String eventId, String deadlineId, String alertId, String kind) {
        announcements
                .computeIfAbsent(new Fact(type, deadlineId + "|" + alertId), f -> ConcurrentHashMap.newKeySet())
                .add(eventId);
        alertKinds
                .computeIfAbsent(deadlineId, d -> ConcurrentHashMap.newKeySet())
                .add(kind);
    }

    /** What a report caused: {@code <agency event id>|<subject>}, under the event id that announced it. */
    private void fact(String type, String eventId, String correlation, String subject) {
        // A link between records is announced once per pair, not per report: not a fact of one report.
        if (correlation == null || type.equals(EventType.RECORDS_LINKED.ceType())) {
            return;
        }
        announcements
                .computeIfAbsent(new Fact(type, correlation + "|" + subject), f -> ConcurrentHashMap.newKeySet())
                .add(eventId);
        if (type.equals(EventType.DEADLINE_OPENED.ceType())) {
            deadlinesByReport
                    .computeIfAbsent(correlation, c -> ConcurrentHashMap.newKeySet())
                    .add(subject);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Facts about the given reports (by agency event id) or their deadlines' alerts announced more than once. */
    int doubled(Set<String> reportEventIds, Set<String> deadlineIds) {
        return tally(reportEventIds, deadlineIds)[1];
    }

    /** How many facts about the given reports or their deadlines' alerts were seen ("twice: 0" of how many). */
    int facts(Set<String> reportEventIds, Set<String> deadlineIds) {
        return tally(reportEventIds, deadlineIds)[0];
    }

    private int[] tally(Set<String> reportEventIds, Set<String> deadlineIds) {
        int facts = 0;
        int doubled = 0;
        for (Map.Entry<Fact, Set<String>> a : announcements.entrySet()) {
            String key = a.getKey().key();
            int bar = key.indexOf('|');
            String about = bar > 0 ? key.substring(0, bar) : key;
            boolean ours = reportEventIds.contains(about) || deadlineIds.contains(about);
            if (ours) {
                facts++;
                doubled += a.getValue().size() - 1;
            }
        }
        return new int[] {facts, doubled};
    }

    Set<String> deadlinesOpenedFor(String reportEventId) {
        return deadlinesByReport.getOrDefault(reportEventId, Set.of());
    }

    Set<String> alertKinds(String deadlineId) {
        return alertKinds.getOrDefault(deadlineId, Set.of());
    }

    /**
     * Stops or resumes reading the dead-letter topics. A measured load with poison in it holds them: reading ten
     * thousand dead letters' headers as they come took this process a tenth of the two cores the services share;
     * they are all read afterwards, from where the reading stopped.
     */
    void holdDeadLetters(boolean hold) {
        holdDeadLetters = hold;
    }

    Map<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
