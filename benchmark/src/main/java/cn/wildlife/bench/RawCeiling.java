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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What the machine can do at most with the same parts and none of the platform: the same events produced by a plain
 * idempotent producer (acks=all), consumed and written to the same Mongo-wire store with one bulk insert per poll
 * (one hop); and the shape any implementation of the platform's flow has (two hops): consumed, bulk-written, produced
 * on, consumed again and bulk-written again, into the same store.
 *
 * <p>Measured in a JVM of its own with the platform's JVM options, after running the same measurement once unmeasured
 * (the platform's phases are measured after a warm-up too): a cold benchmark JVM with other options measured a
 * ceiling two to three times lower, which flattered the platform's ratio.
 */
final class RawCeiling {

    /** The child's option that runs the measurement instead of the benchmark. */
    static final String CHILD_OPTION = "--raw-ceiling-child";

    private static final String RESULT_LINE = "RAW-CEILING ";

    /** Producing alone, producing while consuming into the store (one hop), and the two-hop pipeline. */
    record Result(double producePerSecond, double pipelinePerSecond, double twoHopPerSecond) {

        /** The higher of two measurements of the same ceiling. */
        Result max(Result other) {
            return new Result(
                    Math.max(producePerSecond, other.producePerSecond),
                    Math.max(pipelinePerSecond, other.pipelinePerSecond),
                    Math.max(twoHopPerSecond, other.twoHopPerSecond));
        }
    }

    private RawCeiling() {}

    /**
     * Measures in a child JVM started like the platform ({@code javaOptions}), warm: the whole measurement runs once
     * unmeasured first.
     */
    static Result inChild(boolean onDisk, int events, List<String> javaOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar",
                System.getProperty("java.class.path"),
                CHILD_OPTION,
                "--events=" + events,
                onDisk ? "--disk" : "--memory"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String[] result = new String[1];
        ChildOutput output = ChildOutput.read(child, "bench-raw-ceiling-output", line -> {
            if (line.startsWith(RESULT_LINE)) {
                result[0] = line.substring(RESULT_LINE.length());
                return true;
            }
            return false;
        });
        output.awaitReady(Duration.ofMinutes(15), "the raw ceiling's JVM");
        child.waitFor();
        String[] parts = result[0].trim().split(" ");
        return new Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }

    /** The child's entry: a warm-up run of the measurement, then the measured one, printed on one line. */
    static void child(List<String> args) throws Exception {
        int events = args.stream()
                .filter(a -> a.startsWith("--events="))
                .map(a -> Integer.parseInt(a.substring("--events=".length())))
                .findFirst()
                .orElse(4_000);
        boolean onDisk = !args.contains("--memory");
        measure(onDisk, Math.max(1_000, events / 2));
        Result r = measure(onDisk, events);
        System.out.println(
                RESULT_LINE + r.producePerSecond() + " " + r.pipelinePerSecond() + " " + r.twoHopPerSecond());
        System.out.flush();
    }

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
                                new NewTopic("raw.produce", 6, (short) 1),
                                new NewTopic("raw.pipeline", 6, (short) 1),
                                new NewTopic("raw.first-hop", 6, (short) 1),
                                new NewTopic("raw.second-hop", 6, (short) 1)))
                        .all()
                        .get();
                // An idempotent producer that writes before every partition has a leader can loop on
                // OUT_OF_ORDER_SEQUENCE_NUMBER (architecture.md): wait for the leaders first.
                long until = System.nanoTime() + 30_000_000_000L;
                while (leadersMissing(
                        admin, List.of("raw.produce", "raw.pipeline", "raw.first-hop", "raw.second-hop"))) {
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
                    producer.send(
                            new ProducerRecord<>("raw.produce", r.envelope().subject(), r.envelope()));
                }
                producer.flush();
                produce = events / seconds(start);
            }
            MongoCollection<Document> target = mongo.getDatabase("raw").getCollection("events");
            target.insertOne(new Document("_id", "warm-up"));
            long start = System.nanoTime();
            Thread sender = send(bootstrap, reports, "raw.pipeline");
            hop(bootstrap, "raw.pipeline", target, null, events);
            double pipeline = events / seconds(start);
            sender.join();

            MongoCollection<Document> first = mongo.getDatabase("raw").getCollection("first");
            MongoCollection<Document> second = mongo.getDatabase("raw").getCollection("second");
            start = System.nanoTime();
            sender = send(bootstrap, reports, "raw.first-hop");
            Thread firstHop = new Thread(
                    () -> {
                        try (Producer<String, byte[]> onward = bytesProducer(bootstrap)) {
                            hop(bootstrap, "raw.first-hop", first, onward, events);
                        }
                    },
                    "bench-raw-first-hop");
            firstHop.start();
            hop(bootstrap, "raw.second-hop", second, null, events);
            double twoHop = events / seconds(start);
            sender.join();
            firstHop.join();
            return new Result(produce, pipeline, twoHop);
        } finally {
            Benchmark.deleteQuietly(dir);
        }
    }

    private static Thread send(Map<String, Object> bootstrap, List<Load.Report> reports, String topic) {
        Thread sender = new Thread(
                () -> {
                    try (Producer<String, Envelope<?>> producer = Load.producer(bootstrap)) {
                        for (Load.Report r : reports) {
                            producer.send(
                                    new ProducerRecord<>(topic, r.envelope().subject(), r.envelope()));
                        }
                        producer.flush();
                    }
                },
                "bench-raw-producer");
        sender.start();
        return sender;
    }

    /**
     * Consumes {@code events} records of {@code topic}, one bulk insert per poll; with {@code onward}, also produces
     * each record's bytes on to the second hop's topic, flushed before the offsets are committed.
     */
    private static void hop(
            Map<String, Object> bootstrap,
            String topic,
            MongoCollection<Document> target,
            @Nullable Producer<String, byte[]> onward,
            int events) {
        int stored = 0;
        try (KafkaConsumer<String, byte[]> consumer = Load.consumer(bootstrap, "raw-ceiling-" + topic)) {
            consumer.subscribe(List.of(topic));
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
                if (onward != null) {
                    for (ConsumerRecord<String, byte[]> r : batch) {
                        onward.send(new ProducerRecord<>("raw.second-hop", null, r.key(), r.value(), r.headers()));
                    }
                    onward.flush();
                }
                consumer.commitSync();
                stored += docs.size();
            }
        }
    }

    /** An idempotent producer with acks=all, as the platform's, sending the bytes it is given. */
    private static Producer<String, byte[]> bytesProducer(Map<String, Object> bootstrap) {
        Map<String, Object> config = new java.util.HashMap<>(bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
