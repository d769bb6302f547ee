package cn.wildlife.local;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.events.kafka.TopicInstaller;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same slice against real Kafka and MongoDB images. Runs wherever a Docker engine exists; elsewhere JUnit reports
 * it skipped ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class PlatformSliceContainersIT extends PlatformSliceScenarios {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.4");

    private LocalPlatform platform;
    private PlatformClient client;

    @BeforeAll
    void startServices() {
        TopicInstaller.installCatalogue(KAFKA.getBootstrapServers(), (short) 1, Duration.ofSeconds(60));
        String base = MONGO.getConnectionString();
        platform = LocalPlatform.startApplications(
                new LocalSettings(
                        Path.of("unused"),
                        false,
                        FreePorts.pick(),
                        FreePorts.pick(),
                        FreePorts.pick(),
                        FreePorts.pick(),
                        0,
                        0,
                        0,
                        0,
                        false),
                KafkaDoor.unauthenticated(KAFKA.getBootstrapServers()),
                database -> base + "/" + database,
                () -> {});
        client = new PlatformClient(platform.kafka(), platform.gatewayUrl());
    }

    @AfterAll
    void stopServices() {
        if (client != null) {
            client.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    LocalPlatform platform() {
        return platform;
    }

    @Override
    PlatformClient client() {
        return client;
    }
}
