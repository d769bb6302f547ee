package cn.wildlife.testinfra;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaAccessSetup;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.embedded.MongoWireStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one place an integration test gets its Kafka broker and its MongoDB. Which ones is decided once per test JVM
 * by the system property {@value #PROPERTY}:
 *
 * <ul>
 *   <li>{@code auto} (the default): the images in containers when Testcontainers finds a Docker engine, the embedded
 *       parts otherwise;
 *   <li>{@code containers}: {@value ScramKafkaContainer#IMAGE} and {@value #MONGO_IMAGE} through Testcontainers (no
 *       Docker engine is an error, not a quiet fallback); the Maven profile {@code containers} sets it;
 *   <li>{@code embedded}: embedded-infra's in-process KRaft broker and the stock mongo-java-server store.
 * </ul>
 *
 * Either way Kafka authenticates every client with SASL/SCRAM-SHA-512 and allows each principal exactly what
 * {@code KafkaAccess} grants it (installed by {@link KafkaAccessSetup}, passwords in a {@link KafkaCredentials} file);
 * see {@link ScramKafkaContainer} for the one difference. The choice and its reason are printed as one line when
 * first made.
 */
public final class TestInfrastructure {

    /** The switch: {@code auto}, {@code containers} or {@code embedded}. */
    public static final String PROPERTY = "platform.it.infrastructure";

    /** The image docker-compose.yml runs. */
    public static final String MONGO_IMAGE = "mongo:8.0.4";

    /** What the tests of this JVM run against. */
    public enum Kind {
        EMBEDDED,
        CONTAINERS
    }

    /** A decision and why it was made, as printed. */
    record Decision(Kind kind, String reason) {

        String line() {
            String what = kind == Kind.CONTAINERS
                    ? "Testcontainers (" + ScramKafkaContainer.IMAGE + ", " + MONGO_IMAGE + ")"
                    : "embedded (in-process KRaft broker, mongo-java-server store)";
            return "Integration-test infrastructure: " + what + " - " + reason;
        }
    }

    private static Decision decision;
    private static MongoDBContainer sharedMongo;

    private TestInfrastructure() {}

    /** This JVM's choice, made (and printed) at the first call. */
    public static synchronized Kind kind() {
        if (decision == null) {
            decision = decide(
                    System.getProperty(PROPERTY),
                    () -> DockerClientFactory.instance().isDockerAvailable());
            // Failsafe keeps test output in target/failsafe-reports/*-output.txt; an IDE shows it in the console.
            System.out.println(decision.line());
        }
        return decision.kind();
    }

    /** Whether this JVM's tests run against the images in containers. */
    public static boolean containers() {
        return kind() == Kind.CONTAINERS;
    }

    static Decision decide(String setting, BooleanSupplier dockerAvailable) {
        String value =
                setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "embedded":
                return new Decision(Kind.EMBEDDED, PROPERTY + "=embedded");
            case "containers":
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(PROPERTY + "=containers (Maven profile 'containers'), but "
                            + "Testcontainers finds no Docker engine: start one (or set DOCKER_HOST), or run "
                            + "without the profile to use the embedded broker and store");
                }
                return new Decision(Kind.CONTAINERS, PROPERTY + "=containers");
            case "auto":
                return dockerAvailable.getAsBoolean()
                        ? new Decision(
                                Kind.CONTAINERS,
                                PROPERTY + "=auto and Testcontainers found a Docker engine (-D" + PROPERTY
                                        + "=embedded to use the embedded parts)")
                        : new Decision(
                                Kind.EMBEDDED,
                                PROPERTY + "=auto and Testcontainers found no Docker engine (-Pcontainers to "
                                        + "require one)");
            default:
                throw new IllegalArgumentException(
                        PROPERTY + " must be auto, containers or embedded, was '" + setting + "'");
        }
    }

    /**
     * A broker of the caller's own, every principal of the catalogue with its password from (or new in)
     * {@code dataDir}'s {@link KafkaCredentials#FILE} and exactly its ACLs; no topic yet
     * ({@link TestKafka#installCatalogue()} creates the catalogue's). Embedded: its log in {@code dataDir/kafka}.
     */
    public static TestKafka kafka(Path dataDir) {
        KafkaCredentials credentials = KafkaCredentials.inDataFolder(dataDir);
        if (containers()) {
            ScramKafkaContainer container = new ScramKafkaContainer(credentials.required(KafkaCredentials.BROKER));
            container.start();
            try {
                Map<String, Object> broker = container.brokerClientProperties();
                KafkaAccessSetup.install(broker, credentials);
                return new TestKafka(container.getBootstrapServers(), credentials, broker, container::stop);
            } catch (RuntimeException e) {
                container.stop();
                throw e;
            }
        }
        KraftBroker broker = KraftBroker.start(
                dataDir.resolve("kafka"), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), credentials, Map.of());
        try {
            KafkaAccessSetup.install(broker.brokerClientProperties(), credentials);
            return new TestKafka(
                    broker.bootstrapServers(), credentials, broker.brokerClientProperties(), broker::close);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * A MongoDB: embedded, a store of the caller's own in memory; in containers, the JVM's one {@value #MONGO_IMAGE}
     * (a single-node replica set, as in docker-compose.yml) shared by every caller, so name databases apart.
     */
    public static TestMongo mongo() {
        if (containers()) {
            return sharedMongo();
        }
        MongoWireStore store = MongoWireStore.inMemory(FreePorts.pick());
        return new TestMongo(store::uri, store::close);
    }

    /** As {@link #mongo()}, but the embedded store keeps its data in {@code file} (the H2 backend). */
    public static TestMongo mongoOnDisk(Path file) {
        if (containers()) {
            return sharedMongo();
        }
        MongoWireStore store = MongoWireStore.onDisk(file, FreePorts.pick());
        return new TestMongo(store::uri, store::close);
    }

    private static synchronized TestMongo sharedMongo() {
        if (sharedMongo == null) {
            MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-mongo-stop"));
            sharedMongo = container;
        }
        MongoDBContainer container = sharedMongo;
        // Closed with the JVM: other test classes of this JVM use it too.
        return new TestMongo(container::getReplicaSetUrl, () -> {});
    }
}
