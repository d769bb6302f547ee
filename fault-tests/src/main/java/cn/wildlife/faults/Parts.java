package cn.wildlife.faults;

import cn.wildlife.embedded.KafkaCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform as separate processes: the Kafka broker, the Mongo-wire store on disk and each service instance, all
 * from the runnable jar of local-runtime, on free ports, with their data and logs in one folder. Every child is
 * killed when this JVM ends, whatever the reason (a shutdown hook), and when {@link #close()} is called.
 */
final class Parts implements AutoCloseable {

    static final String CASE_SERVICE = "case-service";
    static final String NOTIFICATION_SERVICE = "notification-service";
    static final String INSPECTION_SERVICE = "inspection-service";
    /** Every service, each a consumer of the platform's events with a database of its own. */
    static final List<String> SERVICES = List.of(CASE_SERVICE, NOTIFICATION_SERVICE, INSPECTION_SERVICE);

    /** The services' {@code platform.consumer.dead-letter-timeout} in the suite (30 s by default). */
    static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(4);

    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> CHILDREN.forEach(Process::destroyForcibly), "fault-tests-children-stop"));
    }

    private final Path jar;
    private final Path dir;
    final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int internalPort = freePort();
    final int mongoPort = freePort();
    /** Where the services look for the token issuer's keys (the gateway's port when deployed): see TokenIssuer. */
    final int issuerPort = freePort();

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Parts(Path jar, Path dir) {
        this.jar = jar;
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void register(Process process) {
        CHILDREN.add(process);
        process.onExit().thenRun(() -> CHILDREN.remove(process));
    }

    /** Broker and store first, then the services side by side (each is a JVM starting Spring: the slow part). */
    Parts startAll() {
        kafka().start(Duration.ofSeconds(120));
        store().start(Duration.ofSeconds(60));
        CompletableFuture.allOf(SERVICES.stream()
                        .map(s -> CompletableFuture.runAsync(() -> service(s, 1).start(Duration.ofSeconds(180))))
                        .toArray(CompletableFuture[]::new))
                .join();
        return this;
    }

    synchronized Part kafka() {
        return parts.computeIfAbsent(
                "kafka",
                n -> part(
                        n,
                        List.of("-Xmx256m"),
                        "kafka",
                        "--data-dir=" + dir,
                        "--kafka-port=" + kafkaPort,
                        "--kafka-controller-port=" + controllerPort,
                        "--kafka-internal-port=" + internalPort));
    }

    synchronized Part store() {
        return parts.computeIfAbsent(
                "store", n -> part(n, List.of("-Xmx384m"), "store", "--data-dir=" + dir, "--mongo-port=" + mongoPort));
    }

    /** Instance 1, 2, ... of a service: the same consumer group and database, a port of its own. */
    synchronized Part service(String service, int instance) {
        String name = service + "#" + instance;
        return parts.computeIfAbsent(name, n -> {
            int port = freePort();
            servicePorts.put(name, port);
            return part(
                    n,
                    List.of("-Xmx384m"),
                    "service",
                    service,
                    "--port=" + port,
                    "--kafka=" + bootstrap(),
                    "--kafka-credentials=" + dir.resolve(KafkaCredentials.FILE),
                    "--mongo=" + mongoUri(),
                    "--gateway-port=" + issuerPort,
                    // The store is the development one: offsets wait for its flush (as in the local runtime).
                    "--platform.consumer.sync-store=true",
                    // The suite's scenarios must see an alert within seconds, not at the next 10 s scan.
                    "--platform.alerts.scan-interval=PT2S",
                    // A killed instance holds its partitions until its session times out (45 s by default) before a
                    // restarted one gets them: 10 s keeps the suite short and changes nothing it counts.
                    "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                    // A dead letter that cannot be written is tried this long before its record is quarantined (30 s
                    // by default): the dlt-unwritable scenario keeps a dead-letter topic unwritable past it.
                    "--platform.consumer.dead-letter-timeout=" + DEAD_LETTER_TIMEOUT);
        });
    }

    synchronized String serviceUrl(String service, int instance) {
        return "http://localhost:" + servicePorts.get(service + "#" + instance);
    }

    /** HTTP status of the service's readiness probe, or -1 when it does not answer within 5 s. */
    int readiness(String service, int instance) {
        try {
            return http.send(
                            HttpRequest.newBuilder(
                                            URI.create(serviceUrl(service, instance) + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    /**
     * A principal's client settings, with the password the broker wrote into the suite's data folder: an agency's
     * load as that agency's system, the suite's own watching as the operators.
     */
    Map<String, Object> kafkaClient(String principal) {
        return KafkaCredentials.read(dir.resolve(KafkaCredentials.FILE)).clientProperties(bootstrap(), principal);
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    Path dir() {
        return dir;
    }

    private Part part(String name, List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvm);
        // Two cores shared by six JVMs or more: a small, single-threaded collector each.
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new Part(name, command, dir.resolve("logs").resolve(name.replace('#', '-') + ".log"));
    }

    /** The java that runs this suite, so that a fresh clone needs nothing but a JDK. */
    static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Services first (they still write), then the store and the broker. */
    @Override
    public synchronized void close() {
        List<Part> all = new ArrayList<>(parts.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Part part = all.get(i);
            if (!part.name().equals("kafka") && !part.name().equals("store")) {
                part.stop();
            }
        }
        store().stop();
        kafka().stop();
        CHILDREN.forEach(Process::destroyForcibly);
    }
}
