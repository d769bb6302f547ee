package cn.wildlife.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the local runtime listens on and where it keeps data. Each value comes from a {@code --name=value} argument,
 * else the environment variable {@code WILDLIFE_NAME} (upper case, '-' as '_'), else the default.
 *
 * @param bindAddress the address the gateway and the services listen on: loopback ({@value #LOOPBACK}) unless
 *                    {@code --bind} opens them to the network (the development issuer hands out tokens to anyone who
 *                    reaches the gateway). The Kafka broker and the Mongo-wire store always stay on loopback.
 */
public record LocalSettings(
        Path dataDir,
        boolean sampleData,
        int gatewayPort,
        int casePort,
        int notificationPort,
        int inspectionPort,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaInternalPort,
        int mongoPort,
        boolean onDiskStore,
        String bindAddress) {

    public static final String LOOPBACK = "127.0.0.1";

    /** As above, on loopback. */
    public LocalSettings(
            Path dataDir,
            boolean sampleData,
            int gatewayPort,
            int casePort,
            int notificationPort,
            int inspectionPort,
            int kafkaPort,
            int kafkaControllerPort,
            int kafkaInternalPort,
            int mongoPort,
            boolean onDiskStore) {
        this(
                dataDir,
                sampleData,
                gatewayPort,
                casePort,
                notificationPort,
                inspectionPort,
                kafkaPort,
                kafkaControllerPort,
                kafkaInternalPort,
                mongoPort,
                onDiskStore,
                LOOPBACK);
    }

    /** Whether the gateway and the services can be reached from other machines. */
    public boolean bindsBeyondLoopback() {
        try {
            return !InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * The host the platform's own parts call each other on: {@code localhost} when they listen on loopback or on every
     * address, else the one address they listen on.
     */
    public String localHost() {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return "localhost";
            }
            return address instanceof java.net.Inet6Address ? "[" + address.getHostAddress() + "]" : bindAddress;
        } catch (UnknownHostException e) {
            return bindAddress;
        }
    }

    /** A port setting: its option name, what uses it and the value. */
    public record Port(String option, String usedBy, int port) {}

    public List<Port> ports() {
        return List.of(
                new Port("gateway-port", "the gateway", gatewayPort),
                new Port("case-port", "case-service", casePort),
                new Port("notification-port", "notification-service", notificationPort),
                new Port("inspection-port", "inspection-service", inspectionPort),
                new Port("kafka-port", "the Kafka broker", kafkaPort),
                new Port("kafka-controller-port", "the Kafka controller", kafkaControllerPort),
                new Port("kafka-internal-port", "the Kafka broker's own listener", kafkaInternalPort),
                new Port("mongo-port", "the Mongo-wire store", mongoPort));
    }

    public static LocalSettings parse(List<String> args, Function<String, String> environment) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            options.put(eq < 0 ? body : body.substring(0, eq), eq < 0 ? "true" : body.substring(eq + 1));
        }
        Function<String, String> value = name -> {
            String given = options.remove(name);
            return given != null
                    ? given
                    : environment.apply("WILDLIFE_" + name.toUpperCase().replace('-', '_'));
        };
        LocalSettings settings = new LocalSettings(
                Path.of(orDefault(value.apply("data-dir"), "data"))
                        .toAbsolutePath()
                        .normalize(),
                Boolean.parseBoolean(orDefault(value.apply("sample-data"), "false")),
                port(value, "gateway-port", 8080),
                port(value, "case-port", 8081),
                port(value, "notification-port", 8082),
                port(value, "inspection-port", 8083),
                port(value, "kafka-port", 9092),
                port(value, "kafka-controller-port", 9093),
                port(value, "kafka-internal-port", 9094),
                port(value, "mongo-port", 27017),
                !"memory".equals(orDefault(value.apply("store"), "disk")),
                bind(value.apply("bind")));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option --" + options.keySet().iterator().next());
        }
        return settings;
    }

    private static int port(Function<String, String> value, String name, int fallback) {
        String raw = value.apply(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, was '" + raw + "'");
        }
    }

    /** An IP address: a name is refused, so that no lookup decides what the platform is exposed on. */
    private static String bind(String raw) {
        if (raw == null) {
            return LOOPBACK;
        }
        if (!raw.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException(
                    "--bind must be an IP address (e.g. 0.0.0.0 for every interface), was '" + raw + "'");
        }
        try {
            return InetAddress.getByName(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind must be an IP address, was '" + raw + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
