package cn.wildlife.local;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the platform's parts reach Kafka and the settings each principal connects with: the embedded broker's SASL
 * credentials, or nothing beyond the address for a broker that asks none (a container in a test).
 */
public record KafkaDoor(String bootstrapServers, Function<String, Map<String, Object>> clientSettings) {

    /** A broker that authenticates nobody. */
    public static KafkaDoor unauthenticated(String bootstrapServers) {
        return new KafkaDoor(
                bootstrapServers, principal -> Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The embedded broker, each principal with its password from the data folder. */
    public static KafkaDoor withCredentials(String bootstrapServers, KafkaCredentials credentials) {
        return new KafkaDoor(bootstrapServers, principal -> credentials.clientProperties(bootstrapServers, principal));
    }

    public Map<String, Object> clientSettings(String principal) {
        return clientSettings.apply(principal);
    }

    /**
     * The settings to publish to a topic the way its owner does: an agency's topic as that agency's system, any
     * other as the operators.
     */
    public Map<String, Object> publisherFor(String topic) {
        return clientSettings(
                Topics.agencyOf(topic).map(KafkaAccess::agencyPrincipal).orElse(KafkaAccess.ADMIN));
    }

    /** The same settings as Spring Boot arguments, for a service connecting as {@code principal}. */
    public List<String> springArguments(String principal) {
        List<String> args = new ArrayList<>();
        args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
        clientSettings(principal).forEach((name, value) -> {
            if (name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)) {
                args.add("--spring.kafka.security.protocol=" + value);
            } else if (!name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                args.add("--spring.kafka.properties." + name + "=" + value);
            }
        });
        return args;
    }
}
