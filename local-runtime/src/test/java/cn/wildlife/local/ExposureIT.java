package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What the local platform shows to whom: by default it listens on loopback only (the development issuer hands out
 * anyone's token); metrics are the scraper's, health details an administrator's, and the probes everyone's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExposureIT {

    private static final List<String> SERVICES = List.of("case-service", "notification-service", "inspection-service");

    private PlatformClient client;
    private LocalPlatform platform;
    private LocalSettings settings;

    @BeforeAll
    void connect() {
        platform = SharedPlatform.platform();
        client = SharedPlatform.client();
        settings = SharedPlatform.settings();
    }

    @Test
    void everyPortListensOnLoopbackOnly() throws Exception {
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        Optional<InetAddress> outside = nonLoopbackAddress();
        for (LocalSettings.Port port : settings.ports()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.port()), 2000);
            }
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(outside.get(), port.port()), 2000);
                            }
                        })
                        .as("%s on %s", port.usedBy(), outside.get())
                        .isInstanceOf(IOException.class);
            }
        }
        assumeTrue(outside.isPresent(), "this machine has no address but loopback to try from");
    }

    @Test
    void metricsAreOnlyTheScrapersOrTheSystemAdministrators() {
        assertThat(client.get(platform.gatewayUrl() + "/actuator/prometheus").status())
                .isEqualTo(401);
        assertThat(client.get(platform.gatewayUrl() + "/actuator/prometheus", client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
        for (String service : SERVICES) {
            String metrics = platform.serviceUrl(service) + "/actuator/prometheus";
            PlatformClient.Answer anonymous = client.get(metrics);
            assertThat(anonymous.status()).as(service).isEqualTo(401);
            assertThat(anonymous.body().get("type").asString()).startsWith("urn:cn.wildlife:problem:");
            assertThat(client.get(metrics, client.as("forestry-officer")).status())
                    .as(service)
                    .isEqualTo(403);
            for (String allowed : List.of("system-admin", "metrics-scraper")) {
                assertThat(client.get(metrics, client.as(allowed)).status())
                        .as(service + " " + allowed)
                        .isEqualTo(200);
            }
            for (String other : List.of("security-admin", "audit-admin")) {
                assertThat(client.get(metrics, client.as(other)).status())
                        .as(service + " " + other)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void probesAnswerAnyoneAndHealthDetailsOnlyTheSystemAdministrator() {
        for (String service : SERVICES) {
            String url = platform.serviceUrl(service);
            for (String probe :
                    List.of("/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz")) {
                assertThat(client.get(url + probe).status()).as(service + probe).isEqualTo(200);
            }
            JsonNode anonymous = client.get(url + "/actuator/health/readiness").body();
            assertThat(anonymous.get("status").asString()).isEqualTo("UP");
            assertThat(anonymous.has("components")).as(service).isFalse();
            for (String other : List.of("forestry-officer", "security-admin", "audit-admin")) {
                assertThat(client.get(url + "/actuator/health", client.as(other))
                                .body()
                                .has("components"))
                        .as(service + " " + other)
                        .isFalse();
            }
            assertThat(client.get(url + "/actuator/health", client.as("system-admin"))
                            .body()
                            .get("components")
                            .has("mongo"))
                    .as(service)
                    .isTrue();
        }
        assertThat(client.get(platform.gatewayUrl() + "/actuator/health").body().has("components"))
                .isFalse();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
