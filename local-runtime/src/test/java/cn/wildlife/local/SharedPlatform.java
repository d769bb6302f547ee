package cn.wildlife.local;

import cn.wildlife.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One local platform (embedded broker, on-disk store) for every integration test class of this JVM. */
final class SharedPlatform {

    private static LocalPlatform platform;
    private static PlatformClient client;

    private SharedPlatform() {
    }

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                platform = LocalPlatform.start(new LocalSettings(Files.createTempDirectory("platform-it-"), false,
                        FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                        FreePorts.pick(), FreePorts.pick(), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            client = new PlatformClient(platform.kafkaBootstrapServers(), platform.gatewayUrl());
            LocalPlatform started = platform;
            PlatformClient opened = client;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                opened.close();
                started.close();
            }, "shared-platform-stop"));
        }
        return platform;
    }

    static synchronized PlatformClient client() {
        platform();
        return client;
    }
}
