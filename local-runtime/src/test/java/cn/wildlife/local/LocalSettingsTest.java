package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void defaultsAreTheDocumentedPortsAndADataFolderHere() {
        LocalSettings settings = LocalSettings.parse(List.of(), name -> null);

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(settings.sampleData()).isFalse();
        assertThat(settings.onDiskStore()).isTrue();
    }

    @Test
    void thePlatformListensOnLoopbackUnlessBindOpensItWithAWarning() {
        LocalSettings local = LocalSettings.parse(List.of(), name -> null);
        assertThat(local.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(local.bindsBeyondLoopback()).isFalse();
        assertThat(LocalPlatform.bindWarning(local)).isEmpty();

        LocalSettings open = LocalSettings.parse(List.of(), Map.of("WILDLIFE_BIND", "0.0.0.0")::get);
        assertThat(open.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(open.bindsBeyondLoopback()).isTrue();
        assertThat(open.localHost()).isEqualTo("localhost");
        assertThat(LocalPlatform.bindWarning(open)).contains("WARNING", "0.0.0.0", "administrators'");

        assertThat(LocalSettings.parse(List.of("--bind=192.168.1.20"), name -> null)
                        .localHost())
                .isEqualTo("192.168.1.20");
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--bind=my-laptop.example"), name -> null))
                .hasMessageContaining("--bind must be an IP address");
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("WILDLIFE_GATEWAY_PORT", "9000", "WILDLIFE_CASE_PORT", "9001");

        LocalSettings settings = LocalSettings.parse(List.of("--gateway-port=9100", "--sample-data"), env::get);

        assertThat(settings.gatewayPort()).isEqualTo(9100);
        assertThat(settings.casePort()).isEqualTo(9001);
        assertThat(settings.sampleData()).isTrue();
    }

    @Test
    void aMistypedOptionOrPortIsRefusedByName() {
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--gatway-port=1"), name -> null))
                .hasMessage("unknown option --gatway-port");
        assertThatThrownBy(() -> LocalSettings.parse(List.of("--kafka-port=99999"), name -> null))
                .hasMessageContaining("--kafka-port must be a port number");
    }

    @Test
    void aPortInUseIsReportedInOneLineNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String message = LocalPlatform.busyPort(new LocalSettings(
                            java.nio.file.Path.of("data"),
                            false,
                            freeish(),
                            taken.getLocalPort(),
                            freeish(),
                            freeish(),
                            freeish(),
                            freeish(),
                            freeish(),
                            freeish(),
                            true))
                    .orElseThrow();

            assertThat(message)
                    .isEqualTo("Port " + taken.getLocalPort() + " (case-service) is already in use: "
                            + "choose another with --case-port=PORT or the environment variable WILDLIFE_CASE_PORT.");
        }
    }

    private static int freeish() {
        return cn.wildlife.embedded.FreePorts.pick();
    }
}
