package cn.wildlife.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.EventCodec;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestKafka;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The relay against a real broker and store (embedded, or the images: TestInfrastructure): what it publishes, in
 * which order, and what it leaves in the aggregates, also when a writer appends to an aggregate while its events are
 * being sent.
 */
class OutboxRelayIT {

    private static final String TOPIC = "test.relayed";

    @TempDir
    static Path dir;

    static TestKafka broker;
    static TestMongo store;
    static MongoClient client;

    @BeforeAll
    static void start() {
        broker = TestInfrastructure.kafka(dir);
        TopicInstaller.install(
                broker.clientProperties(KafkaAccess.ADMIN), List.of(TOPIC), 1, (short) 1, Duration.ofSeconds(30));
        store = TestInfrastructure.mongoOnDisk(dir.resolve("store/data.mv"));
        client = MongoClients.create(store.uri("relay"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
        broker.close();
    }

    @Test
    void publishesEveryPendingEventInOrderAndEmptiesTheOutboxes() {
        MongoCollection<Document> things = client.getDatabase("relay").getCollection("things");
        things.insertOne(aggregate("A", "A-1", "A-2"));
        things.insertOne(aggregate("B", "B-1"));
        // Pending with nothing in its outbox (an earlier round emptied it and stopped before clearing the flag).
        things.insertOne(aggregate("C").append(Outbox.PENDING, true));
        OutboxRelay relay = relay(things, template(null));

        assertThat(relay.relayOnce()).isEqualTo(3);

        assertThat(readAll("first").stream()
                        .filter(id -> id.startsWith("A") || id.startsWith("B"))
                        .toList())
                .containsExactly("A-1", "A-2", "B-1");
        for (String id : List.of("A", "B", "C")) {
            Document after = things.find(Filters.eq("_id", id)).first();
            assertThat(after.getList(Outbox.ENTRIES, Document.class)).as(id).isEmpty();
            assertThat(after.getBoolean(Outbox.PENDING)).as(id).isFalse();
        }
        assertThat(relay.relayOnce()).isZero();
    }

    @Test
    void anEventAppendedWhileTheOthersAreSentStaysAndLeavesInTheNextRound() {
        MongoCollection<Document> others = client.getDatabase("relay").getCollection("others");
        others.insertOne(aggregate("D", "D-1"));
        // A writer's change lands while the relay is sending D-1: the relay must not take D-2 out with it.
        OutboxRelay relay = relay(
                others,
                template(() -> others.updateOne(
                        Filters.eq("_id", "D"),
                        Updates.combine(
                                Updates.push(Outbox.ENTRIES, entry("D", "D-2")), Updates.set(Outbox.PENDING, true)))));

        assertThat(relay.relayOnce()).isEqualTo(1);
        Document between = others.find(Filters.eq("_id", "D")).first();
        assertThat(between.getList(Outbox.ENTRIES, Document.class))
                .extracting(e -> e.getString("eventId"))
                .containsExactly("D-2");
        assertThat(between.getBoolean(Outbox.PENDING)).isTrue();

        assertThat(relay.relayOnce()).isEqualTo(1);
        Document after = others.find(Filters.eq("_id", "D")).first();
        assertThat(after.getList(Outbox.ENTRIES, Document.class)).isEmpty();
        assertThat(after.getBoolean(Outbox.PENDING)).isFalse();
        assertThat(readAll("second").stream().filter(id -> id.startsWith("D")).toList())
                .containsExactly("D-1", "D-2");
    }

    @Test
    void aRelayMeetingAnotherOnTheSameAggregatesLeavesNothingBehind() {
        MongoCollection<Document> shared = client.getDatabase("relay").getCollection("shared");
        shared.insertOne(aggregate("F", "F-1", "F-2"));
        shared.insertOne(aggregate("G", "G-1"));
        // Another replica's scan takes the same aggregates while this relay is sending them: both publish, and
        // whichever removes the events first, neither leaves an event or a pending flag behind.
        OutboxRelay other = relay(shared, template(null));
        OutboxRelay relay = relay(shared, template(other::relayOnce));

        relay.relayOnce();

        for (String id : List.of("F", "G")) {
            Document after = shared.find(Filters.eq("_id", id)).first();
            assertThat(after.getList(Outbox.ENTRIES, Document.class)).as(id).isEmpty();
            assertThat(after.getBoolean(Outbox.PENDING)).as(id).isFalse();
        }
        assertThat(readAll("third").stream()
                        .filter(id -> id.startsWith("F") || id.startsWith("G"))
                        .distinct())
                .containsExactlyInAnyOrder("F-1", "F-2", "G-1");
        assertThat(relay.relayOnce()).isZero();
    }

    private static Document aggregate(String id, String... eventIds) {
        List<Document> entries = new ArrayList<>();
        for (String eventId : eventIds) {
            entries.add(entry(id, eventId));
        }
        return new Document("_id", id)
                .append("state", "whatever")
                .append(Outbox.ENTRIES, entries)
                .append(Outbox.PENDING, !entries.isEmpty());
    }

    private static Document entry(String aggregateId, String eventId) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("urn:test"))
                .withType("cn.wildlife.test.v1")
                .withSubject(aggregateId)
                .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .build();
        return new Document("eventId", eventId)
                .append("topic", TOPIC)
                .append("key", aggregateId)
                .append("type", "cn.wildlife.test.v1")
                .append("cloudEvent", new String(new JsonFormat().serialize(event), StandardCharsets.UTF_8));
    }

    private static OutboxRelay relay(MongoCollection<Document> collection, KafkaTemplate<String, CloudEvent> template) {
        return new OutboxRelay(
                List.of(collection),
                template,
                Duration.ofMillis(200),
                200,
                new SimpleMeterRegistry(),
                new Outbox(new EventCodec()));
    }

    /** A real template; {@code duringFirstSend} runs once, while the first event is being sent. */
    private static KafkaTemplate<String, CloudEvent> template(Runnable duringFirstSend) {
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        Map<String, Object> props = new HashMap<>(broker.clientProperties(KafkaAccess.ADMIN));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<String, CloudEvent> producers =
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), serializer);
        return new KafkaTemplate<>(producers) {
            private Runnable pending = duringFirstSend;

            @Override
            public CompletableFuture<SendResult<String, CloudEvent>> send(String topic, String key, CloudEvent data) {
                CompletableFuture<SendResult<String, CloudEvent>> sent = super.send(topic, key, data);
                if (pending != null) {
                    pending.run();
                    pending = null;
                }
                return sent;
            }
        };
    }

    /** The ids of every event on the topic, in order. */
    private static List<String> readAll(String group) {
        Properties props = new Properties();
        props.putAll(broker.clientProperties(KafkaAccess.ADMIN));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int quiet = 0;
            while (System.nanoTime() < until && quiet < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() && !ids.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    ids.add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
            }
        }
        return ids;
    }
}
