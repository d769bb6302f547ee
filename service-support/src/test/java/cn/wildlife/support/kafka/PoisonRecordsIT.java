package cn.wildlife.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventSerializer;
import cn.wildlife.events.tools.TopicInstaller;
import cn.wildlife.support.PlatformProperties;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestKafka;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Poison records against a real broker and store (embedded, or the images: TestInfrastructure), through the consumers every service builds
 * ({@link EventKafkaConfiguration}): each is dead-lettered (whole, without its payload, or cut to its essentials) or
 * quarantined, and the good event sent after it on the same key is applied all the same, in order.
 */
class PoisonRecordsIT {

    private static final String TOPIC = Topics.agencyClues(Agency.FORESTRY);
    private static final String DLT = Topics.deadLetter(TOPIC);
    /** Shorter than the 30 s default, so that the unwritable dead-letter topic's case takes seconds. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(6);

    @TempDir
    static Path dir;

    static TestKafka broker;
    static TestMongo store;
    static MongoClient mongo;
    static Quarantine quarantine;
    /** The services' kind of registry: it refuses a meter whose tags differ from its namesakes'. */
    static PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Meters the registry refused (it logs them and goes on). */
    static final List<String> refused = new CopyOnWriteArrayList<>();

    static KafkaTemplate<String, Object> deadLetterTemplate;

    static ConcurrentMessageListenerContainer<String, Envelope<?>> container;
    static KafkaProducer<String, byte[]> producer;
    static KafkaConsumer<String, byte[]> deadLetters;
    /** Event id → when the listener applied it. */
    static final Map<String, Long> applied = new ConcurrentHashMap<>();
    /** Event id (ce_id) → its dead letter. */
    static final Map<String, ConsumerRecord<String, byte[]>> dead = new ConcurrentHashMap<>();

    private final EventSerializer serializer = new EventSerializer(new EventCodec());

    @BeforeAll
    static void start() {
        // Embedded or in containers (TestInfrastructure): authenticated, with the catalogue's ACLs, no topic yet.
        broker = TestInfrastructure.kafka(dir);
        TopicInstaller.install(clientProperties(), List.of(TOPIC, DLT), 2, (short) 1, Duration.ofSeconds(30));
        store = TestInfrastructure.mongo();
        mongo = MongoClients.create(store.uri("poison"));

        EventCodec codec = new EventCodec();
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProperties().putAll(stringValues(clientProperties()));
        PlatformProperties platform = new PlatformProperties(
                new PlatformProperties.Topics(false, (short) 1, Duration.ofSeconds(30)),
                new PlatformProperties.Outbox(false, Duration.ofMillis(200), 200),
                new PlatformProperties.Consumer(
                        2, Duration.ofMillis(50), Duration.ofMillis(200), DEAD_LETTER_TIMEOUT, 100, true, ""),
                new PlatformProperties.Security(List.of(), 1 << 20, List.of(), "wildlife-platform"));
        meters.config().onMeterRegistrationFailed((id, reason) -> refused.add(reason));
        EventKafkaConfiguration configuration = new EventKafkaConfiguration(meters);
        quarantine = new Quarantine(mongo.getDatabase("poison"), 100, meters, Clock.systemUTC());
        deadLetterTemplate = configuration.deadLetterTemplate(kafka, codec);
        container = configuration
                .eventListenerFactory(kafka, codec, platform, deadLetterTemplate, quarantine, mongo)
                .createContainer(TOPIC);
        container.getContainerProperties().setGroupId("poison-test");
        container.setupMessageListener((MessageListener<String, Envelope<?>>)
                r -> applied.put(r.value().id(), System.nanoTime()));
        container.start();

        Map<String, Object> producerProps = new HashMap<>(clientProperties());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        // The client lets large records go: the broker's limit applies to the compressed batch.
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
        producerProps.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());

        Map<String, Object> consumerProps = new HashMap<>(clientProperties());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "poison-test-dlt-reader");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        deadLetters = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of(DLT));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {
            container == null ? null : container::stop, producer, deadLetters, mongo, store, broker
        }) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // The others are closed all the same.
            }
        }
    }

    /** The one place this test's raw clients get their connection settings (the operators' principal). */
    private static Map<String, Object> clientProperties() {
        return broker.clientProperties(KafkaAccess.ADMIN);
    }

    @Test
    void aCompressedClueTooLargeForItsDeadLetterGoesThereWithoutItsPayloadAndTheNextEventOnItsKeyIsAppliedAtOnce()
            throws Exception {
        String key = "FORESTRY-220112-BIG-" + UUID.randomUUID();
        Envelope<?> bigClue = clue(key);
        Headers headers = new RecordHeaders();
        byte[] body = padded(serializer.serialize(TOPIC, headers, bigClue), 2_500_000);
        producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers)).get();
        Envelope<?> next = clue(key);
        long sent = System.nanoTime();
        send(key, next);

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(next.id()));
        assertThat(Duration.ofNanos(applied.get(next.id()) - sent)).isLessThan(Duration.ofSeconds(2));
        ConsumerRecord<String, byte[]> letter = deadLetterOf(bigClue.id());
        assertThat(letter.value()).isNull();
        assertThat(letter.partition()).isEqualTo(partitionOf(key));
        assertThat(header(letter, DeadLetterReason.HEADER)).contains("exceeds the limit");
        assertThat(header(letter, DeadLetterReason.DROPPED)).startsWith("payload");
        assertThat(header(letter, DeadLetterReason.ORIGINAL_SIZE)).isEqualTo(String.valueOf(body.length));
        assertThat(header(letter, DeadLetterReason.PAYLOAD_SHA256)).isEqualTo(DeadLetters.sha256(body));
        assertThat(applied).doesNotContainKey(bigClue.id());
    }

    @Test
    void anEventOfUnknownTypeJustUnderTheSizeLimitIsDeadLetteredWhole() throws Exception {
        String key = "FORESTRY-220112-UNKNOWN-" + UUID.randomUUID();
        Envelope<?> unknown = clue(key);
        Headers headers = new RecordHeaders();
        byte[] body = padded(serializer.serialize(TOPIC, headers, unknown), Topics.MAX_EVENT_BYTES - 512);
        headers.remove("ce_type");
        headers.add("ce_type", "cn.wildlife.clue.rumoured.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers)).get();
        Envelope<?> next = clue(key);
        send(key, next);

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(next.id()));
        ConsumerRecord<String, byte[]> letter = deadLetterOf(unknown.id());
        assertThat(letter.value()).isEqualTo(body);
        assertThat(letter.partition()).isEqualTo(partitionOf(key));
        assertThat(header(letter, DeadLetterReason.HEADER)).contains("rumoured");
        assertThat(letter.headers().lastHeader(DeadLetterReason.DROPPED)).isNull();
    }

    @Test
    void aRecordWithThousandsOfHeadersIsDeadLetteredWithItsEssentialHeadersOnly() throws Exception {
        String key = "FORESTRY-220112-HEADERS-" + UUID.randomUUID();
        Envelope<?> crowded = clue(key);
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(TOPIC, headers, crowded);
        headers.remove("ce_type");
        headers.add("ce_type", "cn.wildlife.clue.rumoured.v1".getBytes(StandardCharsets.UTF_8));
        byte[] filler = new byte[600];
        Arrays.fill(filler, (byte) 'h');
        for (int i = 0; i < 4000; i++) {
            headers.add("x-filler-" + i, filler);
        }
        producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers)).get();
        Envelope<?> next = clue(key);
        send(key, next);

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(next.id()));
        ConsumerRecord<String, byte[]> letter = deadLetterOf(crowded.id());
        assertThat(letter.value()).isNull();
        assertThat(letter.headers().toArray().length).isLessThan(30);
        assertThat(header(letter, DeadLetterReason.DROPPED)).contains("headers");
        assertThat(header(letter, DeadLetterReason.PAYLOAD_SHA256)).isEqualTo(DeadLetters.sha256(body));
        assertThat(header(letter, "kafka_dlt-original-offset")).isNotNull();
    }

    @Test
    void invalidHeaderBytesANullKeyAndANullValueAreDeadLetteredAndTheEventsAfterThemApplied() throws Exception {
        String key = "FORESTRY-220112-ODD-" + UUID.randomUUID();
        Envelope<?> badHeader = clue(key);
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(TOPIC, headers, badHeader);
        headers.remove("ce_specversion");
        headers.add("ce_specversion", new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3});
        producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers)).get();
        Envelope<?> noKey = clue(key);
        Headers noKeyHeaders = new RecordHeaders();
        byte[] noKeyBody = serializer.serialize(TOPIC, noKeyHeaders, noKey);
        noKeyHeaders.remove("ce_type");
        noKeyHeaders.add("ce_type", "cn.wildlife.clue.rumoured.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<String, byte[]>(
                        TOPIC, partitionOf(key), (String) null, noKeyBody, noKeyHeaders))
                .get();
        Envelope<?> noValue = clue(key);
        Headers noValueHeaders = new RecordHeaders();
        serializer.serialize(TOPIC, noValueHeaders, noValue);
        producer.send(new ProducerRecord<String, byte[]>(TOPIC, null, key, (byte[]) null, noValueHeaders))
                .get();
        Envelope<?> next = clue(key);
        send(key, next);

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(next.id()));
        assertThat(header(deadLetterOf(badHeader.id()), DeadLetterReason.HEADER))
                .isNotBlank();
        assertThat(deadLetterOf(noKey.id()).key()).isNull();
        ConsumerRecord<String, byte[]> tombstone = deadLetterOf(noValue.id());
        assertThat(tombstone.value()).isNull();
        assertThat(header(tombstone, DeadLetterReason.HEADER)).contains("no value");
    }

    @Test
    void aRecordWhoseDeadLetterTopicCannotBeWrittenIsQuarantinedAfterTheTimeoutAndTheConsumerMovesOn()
            throws Exception {
        String key = "FORESTRY-220112-STUCK-" + UUID.randomUUID();
        Envelope<?> stuck = clue(key);
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(TOPIC, headers, stuck);
        headers.remove("ce_type");
        headers.add("ce_type", "cn.wildlife.clue.rumoured.v1".getBytes(StandardCharsets.UTF_8));
        Envelope<?> next = clue(key);
        double before = quarantinedCount();
        // The dead-letter topic refuses every record for as long as the test runs.
        deadLetterLimit(64);
        Instant sent = Instant.now();
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers))
                    .get()
                    .offset();
            send(key, next);

            await().atMost(DEAD_LETTER_TIMEOUT.plusSeconds(15)).until(() -> committed(partitionOf(key)) > offset);
        } finally {
            deadLetterLimit(Topics.MAX_DEAD_LETTER_BYTES);
        }
        assertThat(applied).containsKey(next.id());
        Quarantine.Entry entry = quarantine.newest(0, 100).stream()
                .filter(e -> key.equals(e.key()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.topic()).isEqualTo(TOPIC);
        assertThat(entry.partition()).isEqualTo(partitionOf(key));
        assertThat(entry.valueBytes()).isEqualTo(body.length);
        assertThat(entry.sha256()).isEqualTo(DeadLetters.sha256(body));
        assertThat(entry.reason()).contains("rumoured");
        assertThat(entry.deadLetterFailure()).isNotBlank();
        assertThat(entry.group()).isEqualTo("poison-test");
        assertThat(entry.offset()).isEqualTo(offset);
        // Tried for the whole timeout first, and not much longer.
        assertThat(Duration.between(sent, entry.at()))
                .isBetween(DEAD_LETTER_TIMEOUT.minusSeconds(1), DEAD_LETTER_TIMEOUT.plusSeconds(10));
        assertThat(mongo.getDatabase("poison")
                        .getCollection(Quarantine.COLLECTION)
                        .find()
                        .first()
                        .keySet())
                .doesNotContain("value", "payload");
        assertThat(quarantinedCount()).isEqualTo(before + 1);
    }

    /**
     * What the consumer-lag alert and panel read: the consumer's client metrics under the group that reads, and the
     * producers' and consumers' client metrics all taken by the services' kind of registry. (Each partition's lag
     * joins them at Micrometer's next look for new client metrics, a minute later: too long to wait for here.)
     */
    @Test
    void theConsumersClientMetricsAreExportedUnderItsGroup() throws Exception {
        // The template's shared producer, started here if no test wrote a dead letter yet.
        deadLetterTemplate.getProducerFactory().createProducer();
        String key = "FORESTRY-220112-LAG-" + UUID.randomUUID();
        Envelope<?> event = clue(key);
        send(key, event);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(event.id()));

        assertThat(meters.scrape().lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_fetch_total{")))
                .anySatisfy(series ->
                        assertThat(series).contains("messaging_kafka_consumer_group=\"poison-test\"", "client_id=\""));
        assertThat(meters.scrape()).contains("kafka_producer_record_send_total{", "spring_id=\"deadLetterTemplate.");
        assertThat(refused).isEmpty();
    }

    /** The next offset the test's consumer group will read on the partition (-1: none committed). */
    private static long committed(int partition) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            var offsets = admin.listConsumerGroupOffsets("poison-test")
                    .partitionsToOffsetAndMetadata()
                    .get();
            var offset = offsets.get(new org.apache.kafka.common.TopicPartition(TOPIC, partition));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static double quarantinedCount() {
        var counter = meters.find(Quarantine.METER).tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void deadLetterLimit(int bytes) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, DLT),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
        // The broker applies a topic's new configuration shortly after answering.
        Thread.sleep(1000);
    }

    private static Envelope<?> clue(String clueId) {
        return Envelope.of(
                URI.create("urn:agency:forestry:220112"),
                Agency.FORESTRY,
                "220112",
                ClueReported.builder(clueId, "220112", ClueSource.PATROL, Instant.now())
                        .speciesCodes(List.of("cygnus-cygnus"))
                        .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                        .summary("毒丸测试")
                        .build());
    }

    private void send(String key, Envelope<?> event) throws Exception {
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(TOPIC, headers, event);
        producer.send(new ProducerRecord<>(TOPIC, null, key, body, headers)).get();
    }

    /** The event's JSON followed by spaces up to {@code size} bytes: still the same valid JSON, and compressible. */
    private static byte[] padded(byte[] json, int size) {
        byte[] big = new byte[size];
        Arrays.fill(big, (byte) ' ');
        System.arraycopy(json, 0, big, 0, json.length);
        return big;
    }

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                        org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % 2;
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(String eventId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : deadLetters.poll(Duration.ofMillis(200))) {
                String id = header(r, "ce_id");
                if (id != null) {
                    dead.put(id, r);
                }
            }
            return dead.containsKey(eventId);
        });
        return dead.get(eventId);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> stringValues(Map<String, Object> props) {
        Map<String, String> values = new HashMap<>();
        props.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }
}
