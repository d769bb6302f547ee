package cn.wildlife.bench;

import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.embedded.MongoWireStore;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.access.KafkaAccess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;

/**
 * What the machine can do at most with the same parts and none of the platform: the same events produced by a plain
 * idempotent producer (acks=all), consumed and written to the same Mongo-wire store with one bulk insert per poll.
 */
final class RawCeiling {

    /** Producing alone, and producing while consuming into the store. */
    record Result(double producePerSecond, double pipelinePerSecond) {}

    private RawCeiling() {}

    /**
     * Whether a partition of the topics has no leader yet; a topic just created may also be unknown to the broker
     * answering for a moment, which is the same.
     */
    private static boolean leadersMissing(Admin admin, List<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream())
                    .anyMatch(p -> p.leader() == null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return true;
            }
            throw new IllegalStateException("cannot describe the ceiling's topics", e.getCause());
        }
    }

    static Result measure(boolean onDisk, int events) throws Exception {
        Path dir = Files.createTempDirectory("bench-raw-");
        int mongoPort = FreePorts.pick();
        // The same authenticated broker the platform runs on (SASL/SCRAM, ACLs): like for like.
        try (KraftBroker broker =
                        EmbeddedInfrastructure.startKafka(dir, FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
                MongoWireStore store = onDisk
                        ? MongoWireStore.onDisk(dir.resolve("mongo/raw.mv"), mongoPort)
                        : MongoWireStore.inMemory(mongoPort);
                MongoClient mongo = MongoClients.create(store.uri("raw"))) {
            Map<String, Object> bootstrap = broker.clientProperties(KafkaAccess.ADMIN);
            try (Admin admin = Admin.create(bootstrap)) {
                admin.createTopics(List.of(
                                new NewTopic("raw.produce", 6, (short) 1), new NewTopic("raw.pipeline", 6, (short) 1)))
                        .all()
                        .get();
                // An idempotent producer that writes before every partition has a leader can loop on
                // OUT_OF_ORDER_SEQUENCE_NUMBER (architecture.md): wait for the leaders first.
                long until = System.nanoTime() + 30_000_000_000L;
                while (leadersMissing(admin, List.of("raw.produce", "raw.pipeline"))) {
                    if (System.nanoTime() > until) {
                        throw new IllegalStateException("the ceiling's topics got no leaders within 30 s");
                    }
                    Thread.sleep(100);
                }
            }
            List<Load.Report> reports = Load.reports(events, Load.newRun());
            double produce;
            try (Producer<String, Envelope<?>> producer = Load.producer(bootstrap)) {
                long start = System.nanoTime();
                for (Load.Report r : reports) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            "raw.produce", r.envelope().subject(), r.envelope()));
                }
                producer.flush();
                produce = events / seconds(start);
            }
            MongoCollection<Document> target = mongo.getDatabase("raw").getCollection("events");
            target.insertOne(new Document("_id", "warm-up"));
            long start = System.nanoTime();
            Thread sender = new Thread(
                    () -> {
                        try (Producer<String, Envelope<?>> producer = Load.producer(bootstrap)) {
                            for (Load.Report r : reports) {
                                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                        "raw.pipeline", r.envelope().subject(), r.envelope()));
                            }
                            producer.flush();
                        }
                    },
                    "bench-raw-producer");
            sender.start();
            int stored = 0;
            try (KafkaConsumer<String, byte[]> consumer = Load.consumer(bootstrap, "raw-ceiling")) {
                consumer.subscribe(List.of("raw.pipeline"));
                while (stored < events) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    List<Document> docs = new ArrayList<>(batch.count());
                    for (ConsumerRecord<String, byte[]> r : batch) {
                        docs.add(new Document("_id", Load.header(r, "ce_id"))
                                .append("key", r.key())
                                .append("type", Load.header(r, "ce_type"))
                                .append("data", new String(r.value(), StandardCharsets.UTF_8)));
                    }
                    target.insertMany(docs, new InsertManyOptions().ordered(false));
                    consumer.commitSync();
                    stored += docs.size();
                }
            }
            double pipeline = events / seconds(start);
            sender.join();
            return new Result(produce, pipeline);
        } finally {
            Benchmark.deleteQuietly(dir);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
