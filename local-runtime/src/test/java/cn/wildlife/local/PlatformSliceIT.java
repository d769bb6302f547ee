package cn.wildlife.local;

import cn.wildlife.embedded.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The slice on the embedded default: the KRaft broker from the Kafka jars and the on-disk Mongo-wire store. */
class PlatformSliceIT extends PlatformSliceScenarios {

    private LocalPlatform platform;
    private PlatformClient client;

    @BeforeAll
    void startPlatform() throws Exception {
        Path dataDir = Files.createTempDirectory("platform-slice-");
        platform = LocalPlatform.start(new LocalSettings(dataDir, false, FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), true));
        client = new PlatformClient(platform.kafkaBootstrapServers());
    }

    @AfterAll
    void stopPlatform() {
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
