package cn.wildlife.local;

import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * {@code rebuild-store}: the local runtime's store rebuilt from the events Kafka keeps. The store file is set aside
 * (renamed, never deleted), and every consumer group of the services is removed from the broker, so that at the next
 * {@code run} each service reads every topic it consumes from the beginning into an empty store, as when the
 * platform met those events the first time (each consumer applies an event once, by its id and subject). Options as
 * for {@code run} ({@code --data-dir}, {@code --kafka-port}, ...); the platform must be stopped.
 */
final class RebuildStoreCommand {

    private static final long TIMEOUT_SECONDS = 60;

    private final PrintStream out;
    private final Function<String, String> environment;

    RebuildStoreCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int run(List<String> args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.parse(args, environment);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        Path store = EmbeddedInfrastructure.storeFile(settings.dataDir());
        if (!Files.exists(store)) {
            out.println("No store at " + store + ": nothing to rebuild (the next run starts with an empty one).");
            return 2;
        }
        Path asideFile = store.resolveSibling(
                store.getFileName() + "." + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (KraftBroker broker = EmbeddedInfrastructure.startKafka(
                        settings.dataDir(),
                        settings.kafkaPort(),
                        settings.kafkaControllerPort(),
                        settings.kafkaInternalPort());
                Admin admin = Admin.create(broker.clientProperties(KafkaAccess.ADMIN))) {
            List<String> groups = KafkaAccess.SERVICES.stream()
                    .flatMap(service -> service.groups().stream())
                    .toList();
            for (String group : groups) {
                forget(admin, group);
            }
            Files.move(store, asideFile);
            out.printf("""
                    The store was set aside as %s, and the services' %d consumer groups were removed.
                    The next ./platform run --data-dir=%s reads every event Kafka keeps (up to 7 days, 1 GiB per \
                    partition) from the beginning into an empty store. What was entered only through the API or the \
                    console is in the file set aside, not in Kafka.
                    """, asideFile, groups.size(), settings.dataDir());
            return 0;
        } catch (IOException | ExecutionException | TimeoutException e) {
            out.println("Could not rebuild the store: " + e.getMessage() + " (the store file is untouched unless moved"
                    + " above)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Removes the group's members (static members stay after their process stopped, until their session runs out),
     * then the group with its committed offsets.
     */
    private static void forget(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // No members (or no group): nothing to remove.
        }
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }
}
