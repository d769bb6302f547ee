package cn.wildlife.local;

import cn.wildlife.embedded.KafkaAccessSetup;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Prepares a broker that runs apart from the platform (docker-compose, production) the way the local runtime
 * prepares its embedded one: every principal's SCRAM credential and exactly the ACLs {@link KafkaAccess} grants it,
 * then the catalogue's topics with their size limits.
 *
 * <pre>
 *   kafka-setup --bootstrap=HOST:PORT --broker-config=FILE --passwords=FILE [--replication-factor=N]
 * </pre>
 * {@code --broker-config} is a Kafka client properties file with the broker's own SASL/PLAIN settings on its internal
 * listener ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}), reached at
 * {@code --bootstrap}. It has to be the broker's identity: on a new broker no SCRAM credential exists yet, not even
 * the operators', and the broker's PLAIN password lives in its own configuration. {@code --passwords} holds
 * {@code principal=password} lines as {@link KafkaCredentials} reads them ({@value KafkaCredentials#BROKER} included);
 * an agency system without a line is revoked (no credential, no ACL). Safe to repeat: a second run changes what the
 * files changed and nothing else.
 */
final class KafkaSetupCommand {

    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);
    private static final String USAGE = "usage: wildlife-platform kafka-setup --bootstrap=HOST:PORT "
            + "--broker-config=FILE --passwords=FILE [--replication-factor=N]";

    private final PrintStream out;

    KafkaSetupCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Setup setup;
        try {
            setup = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        try {
            KafkaAccessSetup.install(setup.brokerClient(), setup.credentials());
            TopicInstaller.installCatalogue(setup.brokerClient(), setup.replicationFactor(), TOPICS_TIMEOUT);
        } catch (IllegalStateException e) {
            out.println("Kafka at " + setup.brokerClient().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    + " was not set up: " + e.getMessage());
            return 1;
        }
        for (String principal : KafkaAccess.allPrincipals()) {
            boolean active = setup.credentials().password(principal).isPresent();
            out.printf(
                    "%-26s %s%n",
                    principal,
                    active
                            ? KafkaAccess.bindings(principal).size() + " ACLs"
                                    + (principal.equals(KafkaAccess.ADMIN) ? " (super user)" : "")
                                    + KafkaAccess.quota(principal)
                                            .map(q ->
                                                    ", at most " + q.produceBytesPerSecond() / 1024 + " KiB/s each way")
                                            .orElse("")
                            : "revoked: no credential, no ACL");
        }
        out.println(Topics.allNamesWithDeadLetters().size() + " topics ready, replication factor "
                + setup.replicationFactor());
        return 0;
    }

    record Setup(Map<String, Object> brokerClient, KafkaCredentials credentials, short replicationFactor) {}

    /** Reads and checks everything before connecting, so that a mistake in the files changes nothing on the broker. */
    static Setup parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2, equals);
            if (!List.of("bootstrap", "broker-config", "passwords", "replication-factor")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, arg.substring(equals + 1));
        }
        String bootstrap = required(options, "bootstrap");
        Map<String, Object> brokerClient = brokerClient(Path.of(required(options, "broker-config")));
        brokerClient.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        KafkaCredentials credentials = credentials(Path.of(required(options, "passwords")));
        return new Setup(Map.copyOf(brokerClient), credentials, replicationFactor(options));
    }

    private static Map<String, Object> brokerClient(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no broker client settings at " + file);
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String name : List.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                SaslConfigs.SASL_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG)) {
            if (props.getProperty(name, "").isBlank()) {
                // Without them the client would wait for a handshake the broker never answers, until a timeout.
                throw new IllegalArgumentException(file + " lacks " + name + " (the broker's SASL settings)");
            }
        }
        Map<String, Object> settings = new HashMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name)));
        return settings;
    }

    private static KafkaCredentials credentials(Path file) {
        KafkaCredentials credentials;
        try {
            credentials = KafkaCredentials.read(file);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>(credentials.principals());
        unknown.remove(KafkaCredentials.BROKER);
        unknown.removeAll(KafkaAccess.allPrincipals());
        if (!unknown.isEmpty()) {
            // A misspelt agency would otherwise leave the real one revoked without a word.
            throw new IllegalArgumentException(file + " names principals the platform does not know: " + unknown
                    + "; known: " + KafkaAccess.allPrincipals());
        }
        List<String> missing = new ArrayList<>(KafkaAccess.servicePrincipals());
        missing.add(KafkaAccess.ADMIN);
        missing.removeAll(credentials.principals());
        if (!missing.isEmpty()) {
            // Only an agency system may be revoked; the platform cannot run without its services and operators.
            throw new IllegalArgumentException(file + " has no password for " + missing);
        }
        return credentials;
    }

    private static short replicationFactor(Map<String, String> options) {
        String value = options.getOrDefault("replication-factor", "1");
        short factor;
        try {
            factor = Short.parseShort(value);
        } catch (NumberFormatException e) {
            factor = 0;
        }
        if (factor < 1) {
            throw new IllegalArgumentException(
                    "--replication-factor must be a whole number from 1, not '" + value + "'");
        }
        return factor;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
