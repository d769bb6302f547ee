package cn.wildlife.embedded;

import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Kafka and the Mongo-wire store together, with the catalogue's topics installed: what the local runtime starts
 * first and what integration tests share ({@link #shared()} starts one set per test JVM, in a temporary folder).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static EmbeddedInfrastructure shared;

    private final KraftBroker kafka;
    private final MongoWireStore mongo;

    private EmbeddedInfrastructure(KraftBroker kafka, MongoWireStore mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /**
     * @param dataDir       holds {@code kafka/}, {@code mongo/platform.mv} and the Kafka principals' passwords
     *                      ({@link KafkaCredentials#FILE})
     * @param onDiskStore   false keeps the store in memory (tests)
     */
    public static EmbeddedInfrastructure start(
            Path dataDir, int kafkaPort, int controllerPort, int internalPort, int mongoPort, boolean onDiskStore) {
        KraftBroker kafka = startKafka(dataDir, kafkaPort, controllerPort, internalPort);
        MongoWireStore mongo;
        try {
            mongo = onDiskStore
                    ? MongoWireStore.onDisk(storeFile(dataDir), mongoPort)
                    : MongoWireStore.inMemory(mongoPort);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return new EmbeddedInfrastructure(kafka, mongo);
    }

    /** The on-disk store's file in a data folder. */
    public static Path storeFile(Path dataDir) {
        return dataDir.resolve("mongo").resolve("platform.mv");
    }

    /**
     * The broker with its principals' credentials and ACLs in place and the catalogue's topics installed: what the
     * platform needs of Kafka before any service starts.
     */
    public static KraftBroker startKafka(Path dataDir, int kafkaPort, int controllerPort, int internalPort) {
        KafkaCredentials credentials = KafkaCredentials.inDataFolder(dataDir);
        KraftBroker kafka = KraftBroker.start(
                dataDir.resolve("kafka"), kafkaPort, controllerPort, internalPort, credentials, Map.of());
        try {
            KafkaAccessSetup.install(kafka.brokerClientProperties(), credentials);
            TopicInstaller.installCatalogue(
                    kafka.clientProperties(KafkaAccess.ADMIN), (short) 1, Duration.ofSeconds(60));
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** One broker and one in-memory store for the whole test JVM, on free ports, stopped when the JVM exits. */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("wildlife-it-");
                shared = start(dir, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), false);
                EmbeddedInfrastructure started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A client's settings to connect as one of the catalogue's principals. */
    public Map<String, Object> kafkaClientProperties(String principal) {
        return kafka.clientProperties(principal);
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public MongoWireStore mongo() {
        return mongo;
    }

    public KraftBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        try {
            mongo.close();
        } finally {
            kafka.close();
        }
    }
}
