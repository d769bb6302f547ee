package cn.wildlife.testinfra;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import java.time.Duration;
import java.util.Map;

/**
 * A running broker (embedded or in a container, see {@link TestInfrastructure#kafka}) that authenticates every
 * client: where it is, and the settings each principal of the catalogue connects with.
 */
public final class TestKafka implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaCredentials credentials;
    private final Map<String, Object> brokerClientProperties;
    private final Runnable stop;

    TestKafka(
            String bootstrapServers,
            KafkaCredentials credentials,
            Map<String, Object> brokerClientProperties,
            Runnable stop) {
        this.bootstrapServers = bootstrapServers;
        this.credentials = credentials;
        this.brokerClientProperties = Map.copyOf(brokerClientProperties);
        this.stop = stop;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The passwords of every principal, in the data folder given at the start. */
    public KafkaCredentials credentials() {
        return credentials;
    }

    /** A client's settings to connect as one of the catalogue's principals (SASL/SCRAM-SHA-512). */
    public Map<String, Object> clientProperties(String principal) {
        return credentials.clientProperties(bootstrapServers, principal);
    }

    /** The broker's own identity (SASL/PLAIN), for installing users and ACLs only, as {@code KafkaAccessSetup} does. */
    public Map<String, Object> brokerClientProperties() {
        return brokerClientProperties;
    }

    /** Creates the catalogue's topics and their dead-letter twins as the operators, as the local runtime does. */
    public void installCatalogue() {
        TopicInstaller.installCatalogue(clientProperties(KafkaAccess.ADMIN), (short) 1, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        stop.run();
    }
}
