package cn.wildlife.local;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestKafka;
import cn.wildlife.testinfra.TestMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One platform for every integration test class of this JVM: the local runtime as users run it (embedded broker,
 * on-disk store), or, when {@link TestInfrastructure} chose containers, the same services and gateway in this process
 * against the apache/kafka and mongo images (authenticated the same way, the catalogue's topics installed first).
 */
final class SharedPlatform {

    /** Where notification-service sends e-mail: a test that checks mail starts GreenMail on this port. */
    static final int SMTP_PORT = FreePorts.pick();
    /** Where notification-service's HTTP SMS gateway posts: a test that checks SMS listens on this port. */
    static final int SMS_PORT = FreePorts.pick();

    static final String SMS_TOKEN = "sms-test-token";

    private static LocalSettings settings;
    private static LocalPlatform platform;
    private static PlatformClient client;
    private static Function<String, String> mongoUri;
    private static OtlpCollector traces;

    private SharedPlatform() {}

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                settings = onFreePorts(Files.createTempDirectory("platform-it-"));
                traceTo(traces = new OtlpCollector());
                Map<String, List<String>> arguments = Map.of(
                        "notification-service",
                        List.of(
                                // Every delivery channel on, retries and checks in fractions of a second.
                                "--platform.delivery.email.host=127.0.0.1",
                                "--platform.delivery.email.port=" + SMTP_PORT,
                                "--platform.delivery.sms.url=http://127.0.0.1:" + SMS_PORT + "/sms",
                                "--platform.delivery.sms.token=" + SMS_TOKEN,
                                "--platform.delivery.retry.initial-back-off=300ms",
                                "--platform.delivery.retry.max-back-off=1s",
                                "--platform.delivery.retry.attempts=4",
                                "--platform.delivery.worker.poll-interval=100ms",
                                "--platform.delivery.digest.time=00:00",
                                "--platform.delivery.digest.check-interval=1s",
                                "--platform.alerts.scan-interval=PT2S",
                                // Dashboards' counts cached a second, not ten: the tests read their own changes.
                                "--platform.oversight.cache-for=1s"),
                        "case-service",
                        List.of("--platform.oversight.cache-for=1s"));
                platform = TestInfrastructure.containers() ? onContainers(arguments) : embedded(arguments);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            client = new PlatformClient(platform.kafka(), platform.gatewayUrl());
            LocalPlatform started = platform;
            PlatformClient opened = client;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                opened.close();
                                started.close();
                                traces.close();
                            },
                            "shared-platform-stop"));
        }
        return platform;
    }

    /**
     * Every application exports its spans to the test's collector, as one would to a real one. They sample none of the
     * traces they start themselves: a call that arrives with a sampled {@code traceparent} is traced end to end (Boot's
     * sampler follows the parent's decision), and nothing else costs the other tests anything but no-op spans. System
     * properties, because the gateway takes no per-test arguments and every application of this JVM reads them.
     */
    private static void traceTo(OtlpCollector collector) {
        System.setProperty("management.opentelemetry.tracing.export.otlp.endpoint", collector.endpoint());
        System.setProperty("management.tracing.sampling.probability", "0.0");
        System.setProperty("management.opentelemetry.tracing.export.schedule-delay", "200ms");
    }

    private static LocalPlatform embedded(Map<String, List<String>> arguments) {
        LocalPlatform started = LocalPlatform.start(settings, arguments);
        mongoUri = database -> "mongodb://localhost:" + settings.mongoPort() + "/" + database;
        return started;
    }

    /** Kafka's principals and passwords in the data folder, as the embedded broker keeps them. */
    private static LocalPlatform onContainers(Map<String, List<String>> arguments) {
        TestKafka kafka = TestInfrastructure.kafka(settings.dataDir());
        TestMongo mongo = TestInfrastructure.mongo();
        AutoCloseable infrastructure = () -> {
            try {
                kafka.close();
            } finally {
                mongo.close();
            }
        };
        try {
            kafka.installCatalogue();
            LocalPlatform started = LocalPlatform.startApplications(
                    settings,
                    KafkaDoor.withCredentials(kafka.bootstrapServers(), kafka.credentials()),
                    mongo::uri,
                    infrastructure,
                    arguments);
            mongoUri = mongo::uri;
            return started;
        } catch (RuntimeException e) {
            kafka.close();
            mongo.close();
            throw e;
        }
    }

    /** A connection string for one of the shared platform's databases: a test that starts another instance joins it. */
    /** On-disk settings for a platform of a test's own: every port a free one, with the sample data. */
    static LocalSettings onFreePorts(Path dataDir) {
        return new LocalSettings(
                dataDir,
                false,
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                true);
    }

    static synchronized String mongoUri(String database) {
        platform();
        return mongoUri.apply(database);
    }

    /** The ports and folder the shared platform runs on: a test that starts another instance joins them. */
    static synchronized LocalSettings settings() {
        platform();
        return settings;
    }

    /** Where the shared platform's applications export their spans. */
    static synchronized OtlpCollector traces() {
        platform();
        return traces;
    }

    static synchronized PlatformClient client() {
        platform();
        return client;
    }
}
