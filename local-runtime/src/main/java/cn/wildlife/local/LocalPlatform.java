package cn.wildlife.local;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.embedded.EarlierStoreFormat;
import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.tools.PublishEvents;
import cn.wildlife.gateway.GatewayApplication;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.local.devtoken.DevIssuerConfiguration;
import cn.wildlife.notification.NotificationServiceApplication;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one process: a real Kafka broker (KRaft), the Mongo-wire store on disk, the three services
 * and the gateway. One JVM instead of five keeps a laptop's memory and start time low; each service still has its
 * own configuration, database, consumer group and port, exactly as when deployed apart.
 */
public final class LocalPlatform implements AutoCloseable {

    /**
     * notification-service on a developer's machine may deliver webhooks to receivers on loopback (the tests' and a
     * developer's own); every other internal address stays refused, as in production where nothing is allowed.
     */
    static final List<String> LOCAL_NOTIFICATION_SETTINGS =
            List.of("--platform.delivery.webhook.allow-internal=127.0.0.0/8,::1");

    private final LocalSettings settings;
    private final KafkaDoor kafka;
    private final AutoCloseable infrastructure;
    private final List<ConfigurableApplicationContext> applications;

    private LocalPlatform(
            LocalSettings settings,
            KafkaDoor kafka,
            AutoCloseable infrastructure,
            List<ConfigurableApplicationContext> applications) {
        this.settings = settings;
        this.kafka = kafka;
        this.infrastructure = infrastructure;
        this.applications = applications;
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "run" : rest.remove(0);
        switch (command) {
            case "run" -> run(rest);
            case "publish" -> System.exit(publish(rest));
            case "kafka-users" -> System.exit(new KafkaUsersCommand(System.out, System::getenv).run(rest));
            case "kafka-setup" -> System.exit(new KafkaSetupCommand(System.out).run(rest));
            case "rebuild-store" -> System.exit(new RebuildStoreCommand(System.out, System::getenv).run(rest));
            case "rotate-keys" -> System.exit(new RotateKeysCommand(System.out, System::getenv).run(rest));
            case "verify-audit" -> System.exit(new VerifyAuditCommand(System.out, System::getenv).run(rest));
            case "kafka", "store", "service" -> runOneRole(command, rest);
            default -> {
                System.err.println(
                        "usage: wildlife-platform [run] [--data-dir=DIR] [--sample-data] [--<service>-port=N] [--bind=ADDRESS]"
                                + "\n       wildlife-platform publish [--data-dir=DIR] [--bootstrap-server HOST:PORT] FILE|FOLDER..."
                                + "\n       wildlife-platform kafka-users [list|settings|add|revoke] [AGENCY] [--data-dir=DIR]"
                                + "\n       wildlife-platform rebuild-store [--data-dir=DIR]"
                                + "\n       wildlife-platform rotate-keys [--mode=ROTATE|RESEAL] [--no-wait] [--<service>-port=N]"
                                + "\n       wildlife-platform verify-audit [--data-dir=DIR]"
                                + "\n       wildlife-platform kafka-setup --bootstrap=HOST:PORT --broker-config=FILE --passwords=FILE"
                                + " [--replication-factor=N]"
                                + "\n       wildlife-platform kafka --data-dir=DIR --kafka-port=N --kafka-controller-port=N"
                                + " --kafka-internal-port=N"
                                + "\n       wildlife-platform store --data-dir=DIR --mongo-port=N [--in-memory]"
                                + "\n       wildlife-platform service NAME --port=N --kafka=HOST:PORT --kafka-credentials=FILE"
                                + " --mongo=mongodb://HOST:PORT"
                                + " [--gateway-port=N] [--setting=value...]");
                System.exit(2);
            }
        }
    }

    /**
     * Publishes like the agencies' systems: each event as the principal allowed to write its topic, with the
     * passwords of the data folder's credentials ({@code --data-dir}, as for {@code run}) unless a
     * {@code --client-config} file is given.
     */
    private static int publish(List<String> args) {
        List<String> rest = new ArrayList<>();
        String dataDir = null;
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else {
                rest.add(arg);
            }
        }
        if (rest.contains("--client-config")) {
            return new PublishEvents(System.out).run(rest.toArray(String[]::new));
        }
        Path folder = Path.of(
                dataDir != null
                        ? dataDir
                        : Optional.ofNullable(System.getenv("WILDLIFE_DATA_DIR"))
                                .orElse("data"));
        KafkaCredentials credentials;
        try {
            credentials = KafkaCredentials.read(folder.resolve(KafkaCredentials.FILE));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        PublishEvents publish = new PublishEvents(
                System.out,
                (bootstrap, topic) ->
                        KafkaDoor.withCredentials(bootstrap, credentials).publisherFor(topic));
        LocalKeys.intakeKey(folder).ifPresent(publish::sealingWith);
        return publish.run(rest.toArray(String[]::new));
    }

    /** One part of the platform alone in this process (see {@link OneRolePerProcess}); it runs until stopped. */
    private static void runOneRole(String role, List<String> args) {
        try {
            switch (role) {
                case "kafka" -> OneRolePerProcess.kafka(args);
                case "store" -> OneRolePerProcess.store(args);
                default -> OneRolePerProcess.service(args);
            }
        } catch (IllegalArgumentException | EarlierStoreFormat e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // A part that cannot start must not linger half-started: whoever launched it sees the exit.
            e.printStackTrace();
            System.exit(1);
        }
        // Stopped by a signal: the shutdown hooks close what was started.
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Optional<String> busy = busyPort(settings);
        if (busy.isPresent()) {
            System.err.println(busy.get());
            System.exit(2);
        }
        LocalPlatform platform;
        try {
            platform = start(settings);
        } catch (EarlierStoreFormat e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        if (settings.sampleData()) {
            platform.publishSamples(System.out);
        }
        // Since the JVM started: what a user waits for, class loading included.
        platform.printBanner(
                System.out,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    /** One clear line naming the first port already in use and the setting that changes it. */
    static Optional<String> busyPort(LocalSettings settings) {
        return settings.ports().stream()
                .filter(p -> !FreePorts.isFree(p.port()))
                .findFirst()
                .map(p -> "Port " + p.port() + " (" + p.usedBy() + ") is already in use: choose another with --"
                        + p.option() + "=PORT or the environment variable WILDLIFE_"
                        + p.option().toUpperCase().replace('-', '_') + ".");
    }

    /**
     * What each service is told of the embedded store: it keeps acknowledged writes in memory up to 100 ms, so a
     * consumer has it flush before committing offsets (on MongoDB an acknowledged write is already journaled).
     */
    static final List<String> EMBEDDED_STORE_SETTINGS = List.of("--platform.consumer.sync-store=true");

    /** Starts everything and returns when every application is ready. */
    public static LocalPlatform start(LocalSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * Starts everything with extra settings for some services ({@code --name=value} arguments by service name, e.g.
     * an SMTP server for notification-service's e-mail delivery), and returns when every application is ready.
     */
    public static LocalPlatform start(LocalSettings settings, Map<String, List<String>> serviceArguments) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(
                settings.dataDir(),
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                settings.kafkaInternalPort(),
                settings.mongoPort(),
                settings.onDiskStore());
        Map<String, List<String>> arguments = new java.util.HashMap<>();
        for (String service : List.of(
                CaseServiceApplication.NAME, NotificationServiceApplication.NAME, InspectionServiceApplication.NAME)) {
            arguments.put(service, concat(EMBEDDED_STORE_SETTINGS, serviceArguments.getOrDefault(service, List.of())));
        }
        try {
            return startApplications(
                    settings,
                    KafkaDoor.withCredentials(
                            infrastructure.kafkaBootstrapServers(),
                            infrastructure.kafka().credentials()),
                    infrastructure::mongoUri,
                    infrastructure,
                    arguments);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /**
     * Starts the services and the gateway against a Kafka and a MongoDB that already run (the embedded ones, or
     * real servers in containers); {@code infrastructure} is closed after the applications.
     */
    public static LocalPlatform startApplications(
            LocalSettings settings, KafkaDoor kafka, Function<String, String> mongoUri, AutoCloseable infrastructure) {
        return startApplications(settings, kafka, mongoUri, infrastructure, Map.of());
    }

    /** As {@link #startApplications(LocalSettings, KafkaDoor, Function, AutoCloseable)}, with extra service settings. */
    public static LocalPlatform startApplications(
            LocalSettings settings,
            KafkaDoor kafka,
            Function<String, String> mongoUri,
            AutoCloseable infrastructure,
            Map<String, List<String>> serviceArguments) {
        // One logback configuration for the whole process (logback.xml): applications starting side by side must
        // not each reconfigure it, or every line is printed once per application.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<ConfigurableApplicationContext> applications = new ArrayList<>();
        // Tokens come from the gateway's development issuer; every service verifies them against its keys.
        String host = settings.localHost();
        String issuer = "http://" + host + ":" + settings.gatewayPort() + "/auth/dev";
        String gatewayIssuer = "http://" + host + ":" + settings.gatewayPort() + "/auth/gateway";
        List<String> identity = identity(host, settings.gatewayPort());
        // Loopback unless --bind opened the platform to the network.
        String address = "--server.address=" + settings.bindAddress();
        List<String> gateway = new ArrayList<>(identity);
        gateway.addAll(List.of(
                "--server.port=" + settings.gatewayPort(),
                address,
                "--spring.main.banner-mode=off",
                "--spring.profiles.active=" + DevIssuerConfiguration.LOCAL_PROFILE,
                "--platform.dev-issuer.enabled=true",
                "--platform.dev-issuer.issuer=" + issuer,
                // The console signs in through the development issuer's sample users, not an OIDC provider.
                "--platform.gateway.console.sign-in.enabled=false",
                "--platform.gateway.api-keys.issuer=" + gatewayIssuer,
                "--platform.gateway.api-keys.mongodb-uri=" + mongoUri.apply("gateway"),
                "--CASE_SERVICE_URI=http://" + host + ":" + settings.casePort(),
                "--NOTIFICATION_SERVICE_URI=http://" + host + ":" + settings.notificationPort(),
                "--INSPECTION_SERVICE_URI=http://" + host + ":" + settings.inspectionPort()));
        if (settings.onDiskStore()) {
            gateway.add("--platform.dev-issuer.key-file="
                    + settings.dataDir().resolve("dev-issuer").resolve("signing-key.json"));
            gateway.add("--platform.gateway.api-keys.key-file="
                    + settings.dataDir().resolve("gateway").resolve("signing-key.json"));
        }
        // The keys sealing personal data at rest: made in the data folder at the first start, kept for the next.
        List<String> sealing = LocalKeys.serviceSettings(settings.dataDir());
        try {
            // The gateway starts beside the services, not after them: it needs none of them to start (routes and the
            // services' token checks resolve at the first request), and the start is then the slowest one's, not
            // the sum. The list keeps the gateway last, so that it is closed first.
            List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(
                    startAsync(() -> service(
                            CaseServiceApplication.builder(),
                            settings.casePort(),
                            kafka.springArguments(CaseServiceApplication.NAME),
                            mongoUri.apply("cases"),
                            identity,
                            concat(
                                    concat(List.of(address), sealing),
                                    serviceArguments.getOrDefault(CaseServiceApplication.NAME, List.of())))),
                    startAsync(() -> service(
                            NotificationServiceApplication.builder(),
                            settings.notificationPort(),
                            kafka.springArguments(NotificationServiceApplication.NAME),
                            mongoUri.apply("notifications"),
                            identity,
                            concat(
                                    concat(concat(List.of(address), sealing), LOCAL_NOTIFICATION_SETTINGS),
                                    serviceArguments.getOrDefault(NotificationServiceApplication.NAME, List.of())))),
                    startAsync(() -> service(
                            InspectionServiceApplication.builder(),
                            settings.inspectionPort(),
                            kafka.springArguments(InspectionServiceApplication.NAME),
                            mongoUri.apply("inspections"),
                            identity,
                            concat(
                                    concat(List.of(address), sealing),
                                    serviceArguments.getOrDefault(InspectionServiceApplication.NAME, List.of())))),
                    startAsync(() -> GatewayApplication.builder()
                            // The development issuer is this module's, not the gateway's: its image has none.
                            .sources(DevIssuerConfiguration.class)
                            .initializers(new SharedLoggerContext())
                            .registerShutdownHook(false)
                            .run(gateway.toArray(String[]::new))));
            RuntimeException failure = null;
            for (CompletableFuture<ConfigurableApplicationContext> application : starting) {
                try {
                    applications.add(application.join());
                } catch (CompletionException e) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return new LocalPlatform(settings, kafka, infrastructure, applications);
        } catch (RuntimeException e) {
            applications.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
    }

    /**
     * Each service starts on a thread of its own that carries the launcher's class loader: the common pool's workers
     * (used on machines with more cores) see only the system class path, not the runnable jar's nested libraries.
     */
    private static CompletableFuture<ConfigurableApplicationContext> startAsync(
            Supplier<ConfigurableApplicationContext> start) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        started.complete(start.get());
                    } catch (Throwable e) {
                        started.completeExceptionally(e);
                    }
                },
                "platform-start");
        thread.setContextClassLoader(loader);
        thread.start();
        return started;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** Tokens come from the gateway's issuers; every service verifies them against their keys. */
    static List<String> identity(int gatewayPort) {
        return identity("localhost", gatewayPort);
    }

    static List<String> identity(String host, int gatewayPort) {
        String issuer = "http://" + host + ":" + gatewayPort + "/auth/dev";
        String gatewayIssuer = "http://" + host + ":" + gatewayPort + "/auth/gateway";
        return List.of(
                "--PLATFORM_TOKEN_ISSUER=" + issuer,
                "--PLATFORM_JWK_SET_URI=" + issuer + "/jwks.json",
                "--PLATFORM_GATEWAY_ISSUER=" + gatewayIssuer,
                "--PLATFORM_GATEWAY_JWK_SET_URI=" + gatewayIssuer + "/jwks.json");
    }

    static ConfigurableApplicationContext service(
            SpringApplicationBuilder builder,
            int port,
            List<String> kafka,
            String mongoUri,
            List<String> identity,
            List<String> extra) {
        List<String> args = new ArrayList<>(identity);
        // Arguments, not default properties: they must win over each service's own configuration file. The
        // platform closes the applications itself, before the broker and the store they use.
        args.addAll(List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + mongoUri,
                // The runtime installed every topic before the services started.
                "--platform.topics.create=false",
                // One instance of each service, under the same name at every start: its consumers take their
                // partitions back at once after a crash instead of waiting out the dead ones' sessions.
                "--platform.consumer.instance-id=local",
                "--spring.main.banner-mode=off"));
        args.addAll(kafka);
        args.addAll(extra);
        return builder.initializers(new SharedLoggerContext())
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    /** Publishes the shipped sample events through Kafka, as agencies' systems would; safe to repeat. */
    public void publishSamples(PrintStream out) {
        PublishEvents publish = new PublishEvents(out, (bootstrap, topic) -> kafka.publisherFor(topic));
        LocalKeys.intakeKey(settings.dataDir()).ifPresent(publish::sealingWith);
        publish.run("--bootstrap-server", kafka.bootstrapServers(), "--classpath-samples");
    }

    void printBanner(PrintStream out, Duration startup) {
        String gateway = "http://" + settings.localHost() + ":" + settings.gatewayPort();
        out.print(bindWarning(settings));
        out.printf(
                """

                Wildlife enforcement platform is ready (%.1f s)
                  Gateway       %s
                  Console       %s/ (sign in as a sample user, e.g. forestry-officer)
                  Swagger UI    %s/swagger-ui.html
                  Kafka         %s (SASL/SCRAM-SHA-512; each agency system's password in %s)
                                ./platform kafka-users settings forestry   prints one agency's client settings
                  Webhooks      may reach loopback (127.0.0.0/8, ::1) for local receivers; other internal addresses
                                are refused
                  Data folder   %s
                  Keys          %s (sealing personal data at rest: back them up apart from the data)
                Ctrl-C stops everything; the data stays for the next start.
                %n""",
                startup.toMillis() / 1000.0,
                gateway,
                gateway,
                gateway,
                kafka.bootstrapServers(),
                settings.dataDir().resolve(KafkaCredentials.FILE),
                settings.dataDir(),
                LocalKeys.folder(settings.dataDir()));
        LocalKeys.previousMaster(settings.dataDir())
                .ifPresent(previous -> out.printf(
                        "The previous master key %s was handed to the services too, which wrapped their data keys "
                                + "again under the new one: delete it once GET /api/data-keys shows every key "
                                + "wrappedUnder the new one (docs/data-protection.md).%n%n",
                        previous));
    }

    /**
     * Nothing when the platform listens on loopback only; else a warning that anyone who reaches this machine can
     * ask the development issuer for any sample user's token, an administrator's included.
     */
    static String bindWarning(LocalSettings settings) {
        if (!settings.bindsBeyondLoopback()) {
            return "";
        }
        return "\nWARNING: the gateway and the services listen on " + settings.bindAddress() + " (--bind), not only on "
                + "loopback.\n         Anyone who can reach this machine can ask the development issuer for any "
                + "sample user's token,\n         the administrators' included. Use it on a trusted network only; the "
                + "Kafka broker and the store stay on loopback.\n";
    }

    public String gatewayUrl() {
        return "http://" + settings.localHost() + ":" + settings.gatewayPort();
    }

    public String serviceUrl(String service) {
        int port = switch (service) {
            case "case-service" -> settings.casePort();
            case "notification-service" -> settings.notificationPort();
            case "inspection-service" -> settings.inspectionPort();
            default -> throw new IllegalArgumentException(service);
        };
        return "http://" + settings.localHost() + ":" + port;
    }

    public java.nio.file.Path dataDir() {
        return settings.dataDir();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How this platform's Kafka is reached, and with which settings each principal connects. */
    public KafkaDoor kafka() {
        return kafka;
    }

    @Override
    public synchronized void close() {
        for (int i = applications.size() - 1; i >= 0; i--) {
            applications.get(i).close();
        }
        applications.clear();
        try {
            infrastructure.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop Kafka or the store cleanly", e);
        }
    }
}
