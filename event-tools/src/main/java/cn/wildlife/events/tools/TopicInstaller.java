package cn.wildlife.events.tools;

import cn.wildlife.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics and waits until every partition has a leader: an idempotent producer that writes
 * right after {@code createTopics()} can loop on OUT_OF_ORDER_SEQUENCE_NUMBER while leaders are still elected.
 */
public final class TopicInstaller {

    private TopicInstaller() {}

    /** Every catalogue topic and its dead-letter twin, {@link Topics#PARTITIONS} partitions each. */
    public static void installCatalogue(String bootstrapServers, short replicationFactor, Duration timeout) {
        installCatalogue(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), replicationFactor, timeout);
    }

    /**
     * As {@link #installCatalogue(String, short, Duration)}, connecting with the given client settings (bootstrap
     * servers and, on an authenticated broker, the SASL settings of a principal allowed to create topics).
     */
    public static void installCatalogue(Map<String, ?> clientProperties, short replicationFactor, Duration timeout) {
        install(clientProperties, Topics.allNamesWithDeadLetters(), Topics.PARTITIONS, replicationFactor, timeout);
    }

    public static void install(
            String bootstrapServers,
            Collection<String> names,
            int partitions,
            short replicationFactor,
            Duration timeout) {
        install(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                names,
                partitions,
                replicationFactor,
                timeout);
    }

    /**
     * Creates the topics, each with its size limit ({@link Topics#maxMessageBytes}); a topic that exists already is
     * left as it is.
     */
    public static void install(
            Map<String, ?> clientProperties,
            Collection<String> names,
            int partitions,
            short replicationFactor,
            Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "wildlife-topic-installer");
        String bootstrapServers = String.valueOf(props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = names.stream()
                    .map(n -> new NewTopic(n, partitions, replicationFactor)
                            .configs(Map.of(
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.maxMessageBytes(n)))))
                    .toList();
            for (var entry : admin.createTopics(wanted).values().entrySet()) {
                try {
                    entry.getValue().get(remaining(deadline), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create topic " + entry.getKey() + ": "
                                        + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            }
            awaitLeaders(admin, names, deadline);
            applySizeLimits(admin, names, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not create the topics within " + timeout, e);
        }
    }

    /** Topics created by an earlier version keep their old limit unless it is set again. */
    private static void applySizeLimits(Admin admin, Collection<String> names, Instant deadline)
            throws InterruptedException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> limits = new HashMap<>();
        for (String name : names) {
            limits.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, name),
                    List.of(new AlterConfigOp(
                            new ConfigEntry(
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.maxMessageBytes(name))),
                            AlterConfigOp.OpType.SET)));
        }
        try {
            admin.incrementalAlterConfigs(limits).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot set the topics' size limits: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> names, Instant deadline)
            throws InterruptedException, TimeoutException {
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(pending).allTopicNames().get(remaining(deadline), TimeUnit.MILLISECONDS);
                pending.removeIf(name -> descriptions.get(name).partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            } catch (ExecutionException e) {
                // UnknownTopicOrPartition while metadata propagates: look again.
            }
            if (!pending.isEmpty()) {
                remaining(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static long remaining(Instant deadline) throws TimeoutException {
        long millis = Duration.between(Instant.now(), deadline).toMillis();
        if (millis <= 0) {
            throw new TimeoutException();
        }
        return millis;
    }
}
