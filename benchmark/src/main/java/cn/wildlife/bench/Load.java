package cn.wildlife.bench;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.Place;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.CaseReported;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventSerializer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The load an agency system puts on the platform: clue and case reports of forestry, each of which opens one
 * deadline, published by an idempotent producer with acks=all exactly as the agencies are told to.
 */
final class Load {

    private static final URI SOURCE = URI.create("urn:agency:forestry:220112");

    private Load() {}

    /** One report and the topic it goes to. */
    record Report(String topic, Envelope<?> envelope) {}

    /** Half clues, half cases, each with a new id (prefix keeps runs apart). */
    static List<Report> reports(int count, String run) {
        List<Report> reports = new ArrayList<>(count);
        Instant received = Instant.parse("2026-11-20T01:00:00Z");
        for (int i = 0; i < count; i++) {
            String id = "FORESTRY-220112-B" + run + "-" + i;
            if (i % 2 == 0) {
                reports.add(new Report(
                        Topics.agencyClues(Agency.FORESTRY),
                        Envelope.of(
                                SOURCE,
                                Agency.FORESTRY,
                                "220112",
                                ClueReported.builder(id, "220112", ClueSource.PATROL, received)
                                        .place(new Place("双阳区水库东岸", 43.52, 125.66))
                                        .speciesCodes(List.of("cygnus-cygnus"))
                                        .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                        .summary("巡护发现鸟网一张（压测）")
                                        .build())));
            } else {
                reports.add(caseReport(id, received, null));
            }
        }
        return reports;
    }

    /** A forestry bureau's administrative case, of a joint operation when {@code operationId} is given. */
    static Report caseReport(String id, Instant openedAt, @Nullable String operationId) {
        return new Report(
                Topics.agencyCases(Agency.FORESTRY),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220112",
                        new CaseReported(
                                id,
                                CaseKind.ADMINISTRATIVE,
                                "220112",
                                openedAt,
                                "架网猎捕野生鸟类案（压测）",
                                List.of(Behaviour.ILLEGAL_HUNTING),
                                List.of(new SpeciesCount("anser-fabalis", 2, QuantityUnit.ANIMAL, null)),
                                new BigDecimal("600"),
                                CaseGrade.GENERAL,
                                null,
                                operationId)));
    }

    static String newRun() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static Producer<String, Envelope<?>> producer(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wildlife-benchmark");
        return new KafkaProducer<>(props, new StringSerializer(), new EventSerializer(new EventCodec()));
    }

    static void send(Producer<String, Envelope<?>> producer, Report r) {
        producer.send(new ProducerRecord<>(r.topic(), r.envelope().subject(), r.envelope()));
    }

    static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, String group) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Watches {@code platform.deadlines} for the deadlines our reports opened (matched by correlation id, which
     * carries the agency event's id through every hop) and remembers when each was announced.
     */
    static final class DeadlineWatch implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> openedAt = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        DeadlineWatch(Map<String, Object> client) {
            consumer = consumer(client, "bench-watch-" + UUID.randomUUID());
            consumer.subscribe(List.of(Topics.PLATFORM_DEADLINES));
            thread = new Thread(this::run, "bench-deadline-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    String correlation = header(r, "ce_correlationid");
                    if (correlation != null) {
                        openedAt.putIfAbsent(correlation, r.timestamp());
                    }
                }
            }
            consumer.close();
        }

        int count(java.util.Set<String> eventIds) {
            int n = 0;
            for (String id : eventIds) {
                if (openedAt.containsKey(id)) {
                    n++;
                }
            }
            return n;
        }

        Long openedAt(String eventId) {
            return openedAt.get(eventId);
        }

        int total() {
            return openedAt.size();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
