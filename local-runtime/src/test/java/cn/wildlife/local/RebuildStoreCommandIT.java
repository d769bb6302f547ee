package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebuild-store} on a stopped platform's data folder: the store file set aside (never deleted), and the
 * services' consumer groups gone from the broker, so that the next run reads every topic from the beginning.
 */
class RebuildStoreCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void setsTheStoreAsideAndForgetsWhereTheServicesHadRead() throws Exception {
        List<String> ports = List.of(
                "--data-dir=" + dataDir,
                "--kafka-port=" + FreePorts.pick(),
                "--kafka-controller-port=" + FreePorts.pick(),
                "--kafka-internal-port=" + FreePorts.pick());
        LocalSettings settings = LocalSettings.parse(ports, name -> null);
        TopicPartition clues = new TopicPartition(Topics.agencyClues(Agency.FORESTRY), 0);
        try (KraftBroker broker = startKafka(settings);
                Admin admin = Admin.create(broker.clientProperties(KafkaAccess.ADMIN))) {
            admin.alterConsumerGroupOffsets("agency-clues", Map.of(clues, new OffsetAndMetadata(0)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Path store = EmbeddedInfrastructure.storeFile(dataDir);
        Files.createDirectories(store.getParent());
        Files.writeString(store, "what the services stored");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new RebuildStoreCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), name -> null)
                .run(ports);

        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(store).doesNotExist();
        try (var aside = Files.list(store.getParent())) {
            assertThat(aside.toList())
                    .singleElement()
                    .satisfies(file -> assertThat(file).hasContent("what the services stored"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("set aside as", "from the beginning");
        try (KraftBroker broker = startKafka(settings);
                Admin admin = Admin.create(broker.clientProperties(KafkaAccess.ADMIN))) {
            assertThat(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                            .map(ConsumerGroupListing::groupId))
                    .doesNotContain("agency-clues");
        }
    }

    @Test
    void refusesWhenThereIsNoStore() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new RebuildStoreCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), name -> null)
                .run(List.of("--data-dir=" + dataDir));

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("No store at");
    }

    private static KraftBroker startKafka(LocalSettings settings) {
        return EmbeddedInfrastructure.startKafka(
                settings.dataDir(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.kafkaInternalPort());
    }
}
