package cn.wildlife.local;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.embedded.MongoWireStore;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.notification.NotificationServiceApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform's parts one per process, so that one of them can be killed (kill -9) while the others go on, as when
 * deployed apart: the Kafka broker alone, the Mongo-wire store alone, or one service against given addresses. The
 * fault-test suite starts them; {@code run} (everything in one JVM) is unchanged.
 *
 * <pre>
 *   wildlife-platform kafka   --data-dir=DIR --kafka-port=N --kafka-controller-port=N --kafka-internal-port=N
 *   wildlife-platform store   --data-dir=DIR --mongo-port=N [--in-memory]
 *   wildlife-platform service NAME --port=N --kafka=HOST:PORT --kafka-credentials=FILE --mongo=mongodb://HOST:PORT
 *                             [--gateway-port=N] [--any.spring.setting=value ...]
 * </pre>
 * The broker writes its principals' passwords into the data folder ({@link KafkaCredentials#FILE}); a service
 * connects as its own principal with the password from that file.
 * Each prints one line {@code READY <what>} once it serves; a service's readiness is also
 * {@code GET /actuator/health/readiness} on its port (store and broker included). SIGTERM stops it cleanly.
 */
final class OneRolePerProcess {

    static final String READY = "READY ";

    private OneRolePerProcess() {}

    static void kafka(List<String> args) {
        Map<String, String> options = options(args, List.of());
        Path dataDir = Path.of(required(options, "data-dir"));
        int port = Integer.parseInt(required(options, "kafka-port"));
        int controllerPort = Integer.parseInt(required(options, "kafka-controller-port"));
        int internalPort = Integer.parseInt(required(options, "kafka-internal-port"));
        // Users, ACLs and topics too; idempotent: on a restart every one is already there.
        KraftBroker broker = EmbeddedInfrastructure.startKafka(dataDir, port, controllerPort, internalPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-stop"));
        System.out.println(READY + "kafka " + broker.bootstrapServers());
    }

    static void store(List<String> args) {
        Map<String, String> options = options(args, List.of());
        int port = Integer.parseInt(required(options, "mongo-port"));
        MongoWireStore store = Boolean.parseBoolean(options.getOrDefault("in-memory", "false"))
                ? MongoWireStore.inMemory(port)
                : MongoWireStore.onDisk(EmbeddedInfrastructure.storeFile(Path.of(required(options, "data-dir"))), port);
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-stop"));
        System.out.println(READY + "store " + store.uri(""));
    }

    static void service(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException(
                    "name the service: case-service, notification-service or " + "inspection-service");
        }
        String name = args.get(0);
        List<String> passed = new ArrayList<>();
        Map<String, String> options = options(args.subList(1, args.size()), passed);
        SpringApplicationBuilder builder;
        String database;
        switch (name) {
            case CaseServiceApplication.NAME -> {
                builder = CaseServiceApplication.builder();
                database = "cases";
            }
            case NotificationServiceApplication.NAME -> {
                builder = NotificationServiceApplication.builder();
                passed.addAll(0, LocalPlatform.LOCAL_NOTIFICATION_SETTINGS);
                database = "notifications";
            }
            case InspectionServiceApplication.NAME -> {
                builder = InspectionServiceApplication.builder();
                database = "inspections";
            }
            default -> throw new IllegalArgumentException("unknown service '" + name + "'");
        }
        int port = Integer.parseInt(required(options, "port"));
        String bootstrap = required(options, "kafka");
        KafkaDoor kafka = KafkaDoor.withCredentials(
                bootstrap, KafkaCredentials.read(Path.of(required(options, "kafka-credentials"))));
        String mongo = required(options, "mongo");
        int gatewayPort = Integer.parseInt(options.getOrDefault("gateway-port", "8080"));
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (passed.stream().noneMatch(setting -> setting.startsWith("--platform.crypto.master-key"))) {
            // The keys sealing personal data at rest, in the data folder beside the Kafka credentials (made by the
            // first service to start; every instance of every service shares them), unless the settings name them.
            passed.addAll(
                    0,
                    LocalKeys.serviceSettings(Path.of(required(options, "kafka-credentials"))
                            .toAbsolutePath()
                            .getParent()));
        }
        if (passed.stream().noneMatch(setting -> setting.startsWith("--server.address="))) {
            // Loopback, as in the one-process runtime, unless a --server.address setting says otherwise.
            passed.add(0, "--server.address=" + LocalSettings.LOOPBACK);
        }
        ConfigurableApplicationContext context = LocalPlatform.service(
                builder,
                port,
                kafka.springArguments(name),
                mongo.replaceAll("/+$", "") + "/" + database,
                LocalPlatform.identity(gatewayPort),
                passed);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, name + "-stop"));
        System.out.println(READY + name + " http://localhost:" + port);
    }

    /**
     * {@code --name=value} options; the names this class knows are taken out, every other one is passed on to the
     * service as a setting when {@code passOn} is given.
     */
    private static Map<String, String> options(List<String> args, List<String> passOn) {
        List<String> known = List.of(
                "data-dir",
                "kafka-port",
                "kafka-controller-port",
                "kafka-internal-port",
                "mongo-port",
                "in-memory",
                "port",
                "kafka",
                "kafka-credentials",
                "mongo",
                "gateway-port");
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String key = eq < 0 ? body : body.substring(0, eq);
            if (known.contains(key)) {
                options.put(key, eq < 0 ? "true" : body.substring(eq + 1));
            } else if (passOn instanceof ArrayList<String> list) {
                list.add(arg);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}
