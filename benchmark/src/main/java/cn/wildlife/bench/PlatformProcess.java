package cn.wildlife.bench;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The real local runtime, started the way a user starts it ({@code java -jar wildlife-platform.jar run}) in a child
 * process, so that its start time and memory are its own and not the benchmark's.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("is ready \\(([0-9.]+) s\\)");

    final int gatewayPort;
    final int casePort;
    final int notificationPort;
    final int kafkaPort;
    final int mongoPort;
    private final int controllerPort;
    private long launchedAt;
    private final int internalPort;
    final int inspectionPort;
    final Path dataDir;
    private Process process;
    private double readySeconds;
    private double wallSeconds;

    PlatformProcess(Path dataDir) {
        this.dataDir = dataDir;
        gatewayPort = FreePorts.pick();
        casePort = FreePorts.pick();
        notificationPort = FreePorts.pick();
        inspectionPort = FreePorts.pick();
        kafkaPort = FreePorts.pick();
        controllerPort = FreePorts.pick();
        internalPort = FreePorts.pick();
        mongoPort = FreePorts.pick();
    }

    /** The platform's own command, which the README tells users to run. */
    static final Path SCRIPT = Path.of("platform");

    /** The default JVM options in the platform's command: {@code ${JAVA_OPTS:-...}}. */
    private static final Pattern DEFAULT_OPTIONS = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}");

    /**
     * The JVM options the platform runs with: {@code BENCH_PLATFORM_JAVA_OPTS} when set, else the platform command's
     * defaults (none when the benchmark runs a given jar with {@code java -jar}).
     */
    static List<String> javaOptions(@Nullable Path jar) throws IOException {
        String options = System.getenv("BENCH_PLATFORM_JAVA_OPTS");
        if (options == null || options.isBlank()) {
            if (jar != null) {
                return List.of();
            }
            Matcher m = DEFAULT_OPTIONS.matcher(java.nio.file.Files.readString(SCRIPT));
            if (!m.find()) {
                throw new IllegalStateException(SCRIPT + " names no default JVM options (${JAVA_OPTS:-...})");
            }
            options = m.group(1);
        }
        return List.of(options.trim().split("\\s+"));
    }

    /**
     * Starts it and waits until every application is ready; returns this. Without a jar it runs {@code ./platform
     * run}, as a user does (its JVM options; {@code BENCH_PLATFORM_JAVA_OPTS} replaces them, e.g. to add a flight
     * recording); with one, {@code java -jar} that jar.
     */
    PlatformProcess start(@Nullable Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String options = System.getenv("BENCH_PLATFORM_JAVA_OPTS");
        if (jar == null) {
            command.addAll(List.of("./" + SCRIPT, "run"));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (options != null && !options.isBlank()) {
                command.addAll(List.of(options.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "run"));
        }
        command.addAll(List.of(
                "--data-dir=" + dataDir,
                "--gateway-port=" + gatewayPort,
                "--case-port=" + casePort,
                "--notification-port=" + notificationPort,
                "--inspection-port=" + inspectionPort,
                "--kafka-port=" + kafkaPort,
                "--kafka-controller-port=" + controllerPort,
                "--kafka-internal-port=" + internalPort,
                "--mongo-port=" + mongoPort));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (jar == null && options != null && !options.isBlank()) {
            builder.environment().put("JAVA_OPTS", options);
        }
        long start = System.nanoTime();
        launchedAt = start;
        process = builder.start();
        ChildOutput output = ChildOutput.read(process, "bench-platform-output", line -> {
            Matcher m = READY.matcher(line);
            if (!m.find()) {
                return false;
            }
            readySeconds = Double.parseDouble(m.group(1));
            wallSeconds = RawCeiling.seconds(start);
            return true;
        });
        // A restart builds what a service derives from its records when it is missing (the 成果表 tallies after
        // the benchmark stored a million records): minutes at that size.
        output.awaitReady(Duration.ofSeconds(900), "the platform");
        return this;
    }

    /**
     * Waits until a service answers its readiness probe with 200 (inspection-service stays out of service while it
     * builds its 成果表 tallies, after the platform's banner) and returns the seconds since the launch.
     */
    double secondsUntilReady(int port, Duration atMost) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long until = System.nanoTime() + atMost.toNanos();
        while (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the service on port " + port + " was not ready within " + atMost);
            }
            Thread.sleep(200);
        }
        return RawCeiling.seconds(launchedAt);
    }

    /** Seconds from the JVM's start to all-ready, as the platform's banner prints it. */
    double readySeconds() {
        return readySeconds;
    }

    /** Seconds from launching the process to all-ready, as the user waits for it. */
    double wallSeconds() {
        return wallSeconds;
    }

    /**
     * CPU the platform's process has used so far, in seconds, every thread counted: what a figure costs, steadier
     * than a rate on a machine whose other load moves.
     */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElseThrow(() -> new IllegalStateException("this system does not tell a process's CPU time"));
    }

    /** Resident memory now and at its peak, in MiB, from /proc (Linux). */
    double[] residentMiB() throws IOException {
        double rss = 0;
        double peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024.0;
            }
        }
        return new double[] {rss, peak};
    }

    private static double kib(String line) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
    }

    String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    /** The operators' client settings: the benchmark reads and resets any group, as an operator would. */
    Map<String, Object> kafka() {
        return KafkaCredentials.read(dataDir.resolve(KafkaCredentials.FILE))
                .clientProperties("localhost:" + kafkaPort, KafkaAccess.ADMIN);
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    /** The store, the broker and the services the size figures ask. */
    Stand stand() {
        return new Stand(mongoUri(), kafka(), casePort, inspectionPort);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
