package cn.wildlife.testinfra;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The {@value #IMAGE} image configured as the embedded {@code KraftBroker} is: every listener authenticates, the
 * clients' with SASL/SCRAM-SHA-512, the broker's own traffic (inter-broker and to its KRaft controller) with
 * SASL/PLAIN as {@link KafkaCredentials#BROKER}; what no ACL allows is denied; the same super users, topic limits and
 * partition counts.
 *
 * <p>Testcontainers' {@link KafkaContainer} keeps its listener names and ports (PLAINTEXT 9092 mapped to the host,
 * BROKER 9093, CONTROLLER 9094; it advertises PLAINTEXT at the mapped port); only their security protocols and SASL
 * settings change here, through the image's {@code KAFKA_*} variables ('.' as '_', '-' as '___'). No advertised
 * listener is named {@code SASL_*}: the image's start script would then demand a JAAS file in {@code KAFKA_OPTS}.
 *
 * <p>The one difference from the embedded broker: nothing but PLAINTEXT is reachable from the host, so that
 * listener also takes SASL/PLAIN for {@link KafkaCredentials#BROKER} alone (the embedded broker takes it on a
 * listener of its own), which {@code KafkaAccessSetup} needs to create the SCRAM users on a new broker. Every other
 * principal, agencies included, can only use SCRAM there, as on the embedded broker.
 */
final class ScramKafkaContainer extends KafkaContainer {

    /** The image docker-compose.yml runs. */
    static final String IMAGE = "apache/kafka:4.1.1";

    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private final String brokerPassword;

    ScramKafkaContainer(String brokerPassword) {
        super(IMAGE);
        this.brokerPassword = brokerPassword;
        withEnv(environment(brokerPassword));
    }

    /** The image's settings on top of {@link KafkaContainer}'s (which they partly replace). */
    static Map<String, String> environment(String brokerPassword) {
        if (!brokerPassword.matches("[A-Za-z0-9_-]+")) {
            // It goes into a JAAS line inside a properties file: no quotes, backslashes or spaces.
            throw new IllegalArgumentException("the broker's password must be URL-safe Base64");
        }
        String broker = KafkaCredentials.BROKER;
        // The broker logs in to its own listeners with username/password; user_<name> is whom a listener accepts.
        String brokerLogin = PLAIN_LOGIN + " username=\"" + broker + "\" password=\"" + brokerPassword + "\" user_"
                + broker + "=\"" + brokerPassword + "\";";
        String brokerOnly = PLAIN_LOGIN + " user_" + broker + "=\"" + brokerPassword + "\";";
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                "PLAINTEXT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        env.put("KAFKA_LISTENER_NAME_PLAINTEXT_SASL_ENABLED_MECHANISMS", KafkaAccess.MECHANISM + ",PLAIN");
        env.put("KAFKA_LISTENER_NAME_PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG", SCRAM_LOGIN);
        env.put("KAFKA_LISTENER_NAME_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG", brokerOnly);
        for (String listener : new String[] {"BROKER", "CONTROLLER"}) {
            env.put("KAFKA_LISTENER_NAME_" + listener + "_SASL_ENABLED_MECHANISMS", "PLAIN");
            env.put("KAFKA_LISTENER_NAME_" + listener + "_PLAIN_SASL_JAAS_CONFIG", brokerLogin);
        }
        env.put("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "PLAIN");
        env.put("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN");
        env.put("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        env.put("KAFKA_SUPER_USERS", KafkaAccess.user(broker) + ";" + KafkaAccess.user(KafkaAccess.ADMIN));
        env.put("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        env.put("KAFKA_CONNECTIONS_MAX_REAUTH_MS", "60000");
        env.put("KAFKA_NUM_PARTITIONS", "6");
        env.put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        env.put("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        env.put("KAFKA_MIN_INSYNC_REPLICAS", "1");
        env.put("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(Topics.MAX_DEAD_LETTER_BYTES));
        env.put("KAFKA_REPLICA_FETCH_MAX_BYTES", String.valueOf(Topics.MAX_DEAD_LETTER_BYTES));
        return env;
    }

    /** The broker's own identity on the mapped listener: for installing users and ACLs only. */
    Map<String, Object> brokerClientProperties() {
        return brokerClientProperties(getBootstrapServers(), brokerPassword);
    }

    static Map<String, Object> brokerClientProperties(String bootstrapServers, String brokerPassword) {
        return Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                PLAIN_LOGIN + " username=\"" + KafkaCredentials.BROKER + "\" password=\"" + brokerPassword + "\";");
    }
}
