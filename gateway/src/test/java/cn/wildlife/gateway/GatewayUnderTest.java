package cn.wildlife.gateway;

import cn.wildlife.gateway.signing.SigningKey;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway for the gateway's integration tests, started once per test JVM (a start costs seconds), in front of
 * stand-in services that are a real local HTTP server: one that answers and records what it received, one that is
 * too slow, and a port where nothing listens. The same server publishes the test identity provider's keys: the
 * gateway's jar has no development issuer.
 */
final class GatewayUnderTest {

    /** The gateway's own database (API keys, its audit trail). */
    static final String DATABASE = "gateway";

    private static GatewayUnderTest running;

    final SigningKey identityProvider = SigningKey.loadOrCreate(null);
    final Map<String, Map<String, List<String>>> received = new ConcurrentHashMap<>();
    final HttpServer services;
    final TestMongo store;
    final ConfigurableApplicationContext gateway;
    final String base;

    static synchronized GatewayUnderTest get() throws Exception {
        if (running == null) {
            running = new GatewayUnderTest();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    private GatewayUnderTest() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        services = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        services.createContext("/api/clues", exchange -> {
            received.put("clues", Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        services.createContext("/api/deadlines", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        services.createContext("/auth/test/jwks.json", exchange -> {
            byte[] body = json.writeValueAsBytes(identityProvider.jwks());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        services.setExecutor(Executors.newFixedThreadPool(4));
        services.start();
        store = TestInfrastructure.mongo();
        int port = free();
        int closed = free();
        String standIn = "http://localhost:" + services.getAddress().getPort();
        base = "http://localhost:" + port;
        gateway = GatewayApplication.builder()
                .run(
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--PLATFORM_TOKEN_ISSUER=" + identityIssuer(),
                        "--PLATFORM_JWK_SET_URI=" + identityIssuer() + "/jwks.json",
                        "--CASE_SERVICE_URI=" + standIn,
                        "--NOTIFICATION_SERVICE_URI=" + standIn,
                        "--INSPECTION_SERVICE_URI=http://localhost:" + closed,
                        "--platform.gateway.api-keys.mongodb-uri=" + store.uri(DATABASE),
                        "--platform.gateway.api-keys.issuer=" + base + "/auth/gateway",
                        "--resilience4j.timelimiter.configs.default.timeout-duration=1s",
                        "--platform.gateway.rate-limits.anonymous-capacity=50",
                        "--platform.gateway.rate-limits.anonymous-per-second=10",
                        "--platform.gateway.rate-limits.clients.agriculture-officer.capacity=3",
                        "--platform.gateway.rate-limits.clients.agriculture-officer.per-second=1");
    }

    String identityIssuer() {
        return "http://localhost:" + services.getAddress().getPort() + "/auth/test";
    }

    static int free() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        gateway.close();
        services.stop(0);
        store.close();
    }
}
