package cn.wildlife.bench;

import ch.qos.logback.classic.Level;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaAccessSetup;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import cn.wildlife.testinfra.TokenIssuer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The figures at a million records, which belong to MongoDB rather than to the embedded store: the case and clue
 * searches, the due-deadline scan and the 成果表, with the platform's services (each a process of the local runtime's
 * jar, {@code service NAME}) against Testcontainers' MongoDB and Kafka images. Kafka is set up as the platform's own
 * broker is: every client authenticates (SASL/SCRAM-SHA-512), each principal gets exactly the ACLs the catalogue
 * grants it and the catalogue's topics are created, by the same code ({@link KafkaAccessSetup}, {@link
 * TopicInstaller}). Without a Docker engine it prints one line saying it is skipped and why, and ends with 0.
 */
final class ContainersRun {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0.4";

    /** Agency events sent through the platform first: the stored clues, cases and deadlines the copies are made of. */
    private static final int SEED_EVENTS = 200;

    private static final Path JAR = Path.of("local-runtime/target/wildlife-platform.jar");

    private final int scale;
    private final Figures figures = new Figures();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Read by the shutdown hook too. */
    private final List<Process> children = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ContainersRun(int scale) {
        this.scale = scale;
    }

    /** Runs the variant, or says why it cannot; returns the process's exit status. */
    static int run(int scale, Path out) throws Exception {
        String missing = dockerMissing();
        if (missing != null) {
            Benchmark.log(
                    "--containers skipped: %s; the million-record figures need Testcontainers' MongoDB and Kafka"
                            + " images, nothing was measured",
                    missing);
            return 0;
        }
        if (!Files.exists(JAR)) {
            System.err.println(JAR + " is missing: run from the repository after ./mvnw -q package -DskipTests"
                    + " (./bench does both)");
            return 2;
        }
        String started = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0) + " (Asia/Shanghai)";
        ContainersRun run = new ContainersRun(scale);
        run.measure();
        String machine = Benchmark.machine() + "; MongoDB " + MONGO_IMAGE + " and Kafka " + KAFKA_IMAGE
                + " in Docker (Testcontainers)";
        System.out.println(run.figures.table(machine));
        run.figures.writeJson(out, machine, started);
        Benchmark.log("written to %s", out.toAbsolutePath());
        return 0;
    }

    /** Null when Testcontainers finds a Docker engine; otherwise why not. */
    private static @Nullable String dockerMissing() {
        // Testcontainers logs every strategy it tried at ERROR when none works: the one line below says it instead.
        ch.qos.logback.classic.Logger testcontainers =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.testcontainers");
        Level before = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? null
                    : "no Docker engine that Testcontainers can reach";
        } catch (RuntimeException | LinkageError e) {
            return "Testcontainers could not look for a Docker engine: " + e;
        } finally {
            testcontainers.setLevel(before);
        }
    }

    private void measure() throws Exception {
        Path work = Files.createTempDirectory("bench-containers-");
        // The principals' passwords, written as the local runtime writes them; the services read them from the file.
        KafkaCredentials credentials = KafkaCredentials.inDataFolder(work);
        Path credentialsFile = work.resolve(KafkaCredentials.FILE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroyForcibly)));
        // Where the services fetch the token issuer's keys: the gateway's port when deployed.
        int issuerPort = FreePorts.pick();
        try (MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
                KafkaContainer kafka = authenticatingKafka(credentials.required(KafkaCredentials.BROKER));
                TokenIssuer issuer = new TokenIssuer(issuerPort)) {
            Benchmark.log("starting %s and %s ...", MONGO_IMAGE, KAFKA_IMAGE);
            mongo.start();
            kafka.start();
            String bootstrap = kafka.getBootstrapServers();
            Map<String, Object> brokerClient = brokerClient(bootstrap, credentials.required(KafkaCredentials.BROKER));
            KafkaAccessSetup.install(brokerClient, credentials);
            TopicInstaller.installCatalogue(brokerClient, (short) 1, Duration.ofSeconds(60));

            Map<String, Integer> ports = new LinkedHashMap<>();
            List.of("case-service", "notification-service", "inspection-service")
                    .forEach(s -> ports.put(s, FreePorts.pick()));
            String mongoUri = mongo.getConnectionString();
            Map<String, Process> services = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> s : ports.entrySet()) {
                services.put(
                        s.getKey(),
                        service(
                                s.getKey(),
                                s.getKey(),
                                s.getValue(),
                                bootstrap,
                                credentialsFile,
                                mongoUri,
                                issuerPort,
                                work));
            }
            for (Map.Entry<String, Process> s : services.entrySet()) {
                awaitReady(s.getValue(), s.getKey(), s.getKey(), work);
            }
            Stand stand = new Stand(
                    mongoUri,
                    credentials.clientProperties(bootstrap, KafkaAccess.ADMIN),
                    ports.get("case-service"),
                    ports.get("inspection-service"));
            seed(stand);

            Benchmark.log("the registry at size: %,d stored clues, cases and running deadlines ...", scale);
            new Scale(stand, figures, http, scale, Scale.MILLION).measure(forestryOfficer(issuer));

            Benchmark.log("the 成果表 at size: %,d stored cases and clues of one operation ...", scale);
            ResultsAtScale results = new ResultsAtScale(figures, http, scale);
            results.store(stand, forestryProvince(issuer));
            // inspection-service builds the tallies from the stored records when it starts and finds none.
            stop(services.get("inspection-service"));
            long restarted = System.nanoTime();
            Process inspection = service(
                    "inspection-service",
                    "inspection-service-restarted",
                    stand.inspectionPort(),
                    bootstrap,
                    credentialsFile,
                    mongoUri,
                    issuerPort,
                    work);
            awaitReady(inspection, "inspection-service", "inspection-service-restarted", work);
            awaitReadiness(stand.inspectionPort(), Duration.ofMinutes(60));
            figures.add(
                    "inspection-service restarted on the records until ready (tallies built)",
                    RawCeiling.seconds(restarted),
                    "s",
                    "from its launch; its readiness stays out of service while it builds",
                    "",
                    null);
            results.time(stand, forestryProvince(issuer));
        } finally {
            children.forEach(ContainersRun::stop);
            Benchmark.deleteQuietly(work);
        }
    }

    /**
     * Kafka as the platform's own broker is set up, in Testcontainers' image: the port the host reaches (the
     * container's PLAINTEXT listener, by name only) authenticates clients with SASL/SCRAM-SHA-512, and with
     * SASL/PLAIN for the broker's own principal alone, which installs the others' credentials and ACLs from here (on
     * a new broker no SCRAM credential exists yet); its internal and controller listeners take that principal only.
     * What no ACL allows is denied. The passwords are the run's own, in a folder deleted at its end.
     */
    private static KafkaContainer authenticatingKafka(String brokerPassword) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + KafkaCredentials.BROKER + "\" password=\"" + brokerPassword + "\" user_" + KafkaCredentials.BROKER
                + "=\"" + brokerPassword + "\";";
        // The image turns KAFKA_A_B into a.b, a double underscore into one and a triple one into '-'.
        return new KafkaContainer(KAFKA_IMAGE)
                .withEnv(
                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                        "PLAINTEXT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512,PLAIN")
                .withEnv(
                        "KAFKA_LISTENER_NAME_PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG", plain)
                .withEnv("KAFKA_LISTENER_NAME_BROKER_SASL_ENABLED_MECHANISMS", "PLAIN")
                .withEnv("KAFKA_LISTENER_NAME_BROKER_PLAIN_SASL_JAAS_CONFIG", plain)
                .withEnv("KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS", "PLAIN")
                .withEnv("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG", plain)
                .withEnv("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "PLAIN")
                .withEnv("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN")
                .withEnv("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .withEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .withEnv("KAFKA_SUPER_USERS", "User:" + KafkaCredentials.BROKER + ";User:" + KafkaAccess.ADMIN)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                // The dead letters' topics take 2 MiB records.
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", "2097152")
                .withEnv("KAFKA_REPLICA_FETCH_MAX_BYTES", "2097152");
    }

    /** The broker principal's settings on the host's port (SASL/PLAIN), as kafka-setup connects. */
    private static Map<String, Object> brokerClient(String bootstrap, String password) {
        return Map.of(
                "bootstrap.servers",
                bootstrap,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaCredentials.BROKER
                        + "\" password=\"" + password + "\";");
    }

    /** One service of the local runtime's jar in a process of its own, its output in {@code work/LOG.log}. */
    private Process service(
            String name,
            String log,
            int port,
            String bootstrap,
            Path credentials,
            String mongo,
            int issuerPort,
            Path work)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The local platform's JVM options (./platform), its 1 GiB heap shared out.
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "service",
                name,
                "--port=" + port,
                "--kafka=" + bootstrap,
                "--kafka-credentials=" + credentials,
                "--mongo=" + mongo,
                // Where the services fetch the token issuer's keys: the gateway's port when deployed.
                "--gateway-port=" + issuerPort));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve(log + ".log").toFile()))
                .start();
        children.add(process);
        return process;
    }

    /** Waits for the service's {@code READY} line in its log; throws with the log's end if it died or took long. */
    private static void awaitReady(Process process, String name, String logName, Path work) throws Exception {
        Path log = work.resolve(logName + ".log");
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.lines().anyMatch(l -> l.startsWith("READY " + name))) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > until) {
                List<String> lines = text.lines().toList();
                throw new IllegalStateException(name + " did not start:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            Thread.sleep(500);
        }
    }

    private void awaitReadiness(int port, Duration atMost) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10))
                .build();
        Benchmark.waitFor(
                () -> {
                    try {
                        return http.send(probe, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                },
                atMost,
                "inspection-service's readiness (the 成果表 tallies built)");
    }

    /** Agency events through the platform, until a clue, a case and a running deadline of them are stored. */
    private static void seed(Stand stand) throws Exception {
        try (Producer<String, Envelope<?>> producer = Load.producer(stand.kafka())) {
            for (Load.Report r : Load.reports(SEED_EVENTS, Load.newRun())) {
                Load.send(producer, r);
            }
        }
        try (MongoClient mongo = MongoClients.create(stand.mongoUri())) {
            Benchmark.waitFor(
                    () -> mongo.getDatabase("cases")
                                            .getCollection("clues")
                                            .countDocuments(Filters.eq("agency", "FORESTRY"))
                                    > 0
                            && mongo.getDatabase("cases")
                                            .getCollection("cases")
                                            .countDocuments(Filters.eq("agency", "FORESTRY"))
                                    > 0
                            && mongo.getDatabase("notifications")
                                            .getCollection("deadlines")
                                            .countDocuments(Filters.in("state", "OPEN", "APPROACHING"))
                                    > 0,
                    Duration.ofMinutes(5),
                    "a clue, a case and a running deadline of the seed events");
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The dev issuer's forestry-officer: a county officer and clue handler in 双阳区 (a run at a million takes hours). */
    private static String forestryOfficer(TokenIssuer issuer) {
        return issuer.token(
                "forestry-officer",
                "林草执法员（双阳区）",
                "FORESTRY",
                "220112",
                List.of("OFFICER", "HANDLER"),
                Duration.ofDays(1));
    }

    /** The dev issuer's forestry-province: provincial forestry, sees the whole province. */
    private static String forestryProvince(TokenIssuer issuer) {
        return issuer.token(
                "forestry-province",
                "省林草局执法处",
                "FORESTRY",
                "220000",
                List.of("OFFICER", "HANDLER"),
                Duration.ofDays(1));
    }
}
