package cn.wildlife.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.support.web.Texts;
import com.google.common.net.InetAddresses;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery-time checks with a fixed DNS table instead of DNS: names that resolve to internal addresses are refused
 * before any connection, and an allowed name is connected to at the very address that was checked. Only a receiver
 * on 127.0.0.1 is ever contacted.
 */
class WebhookSenderTest {

    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");

    private final List<String> resolved = new CopyOnWriteArrayList<>();
    /** As a rebinding attacker's DNS might answer: a public-looking name for an internal address. */
    private final DnsResolver dns = new DnsResolver() {
        private final Map<String, List<String>> table = Map.of(
                "partner.example.cn", List.of("127.0.0.1"),
                "metadata.example.cn", List.of("169.254.169.254"),
                "mixed.example.cn", List.of("8.8.8.8", "10.0.0.5"),
                "mapped.example.cn", List.of("::ffff:10.0.0.5"));

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (InetAddresses.isInetAddress(host)) {
                // As the system resolver: a literal is its own answer, with no question to DNS.
                return new InetAddress[] {InetAddresses.forString(host)};
            }
            resolved.add(host);
            List<String> addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(InetAddresses::forString).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(exchange.getRequestHeaders().getFirst("Host") + " "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = "internal secrets".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedBeforeConnecting() {
        try (WebhookSender sender = sender(List.of())) {
            SendResult result = sender.post(url("partner.example.cn"), body(), Map.of());

            assertThat(result.sent()).isFalse();
            assertThat(result.permanent()).as("dead-lettered at once").isTrue();
            assertThat(result.statusCode()).isNull();
            assertThat(result.error())
                    .isEqualTo("refused before connecting: partner.example.cn resolves to a "
                            + "loopback address (this machine); webhooks reach internal destinations only where an "
                            + "administrator allow-listed them");
        }
        assertThat(resolved).containsExactly("partner.example.cn");
        assertThat(received).as("no request reached the receiver").isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressThatWasChecked() {
        try (WebhookSender sender = sender(List.of("127.0.0.0/8"))) {
            SendResult result = sender.post(url("partner.example.cn"), body(), Map.of("X-Wildlife-Delivery", "d-1"));

            assertThat(result.statusCode()).isEqualTo(500);
            assertThat(result.error()).isEqualTo("HTTP 500: internal secrets");
        }
        assertThat(resolved).containsExactly("partner.example.cn");
        assertThat(received).singleElement().asString().startsWith("partner.example.cn:" + port() + " {");
    }

    @Test
    void oneInternalAddressAmongPublicOnesRefusesTheHost() {
        try (WebhookSender sender = sender(List.of("127.0.0.0/8"))) {
            assertThat(sender.post(url("metadata.example.cn"), body(), Map.of()).error())
                    .contains("metadata.example.cn resolves to a link-local address");
            assertThat(sender.post(url("mixed.example.cn"), body(), Map.of()).error())
                    .contains("mixed.example.cn resolves to a private network address");
            assertThat(sender.post(url("mapped.example.cn"), body(), Map.of()).error())
                    .contains("mapped.example.cn resolves to a private network address");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void internalHostsAsWrittenAreRefusedWithoutAskingDns() {
        try (WebhookSender sender = sender(List.of())) {
            for (String host : List.of(
                    "127.0.0.1",
                    "10.0.0.5",
                    "[fd00::1]",
                    "169.254.169.254",
                    "localhost",
                    "mongo",
                    "0x7f000001",
                    "2130706433",
                    "127.1")) {
                SendResult result = sender.post("http://" + host + ":" + port() + "/hook", body(), Map.of());
                assertThat(result.error()).as(host).startsWith("refused before connecting: ");
                assertThat(result.permanent()).isTrue();
            }
        }
        assertThat(resolved).as("no DNS question for any of them").isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void anAllowListedLoopbackReceiverGetsTheDelivery() {
        try (WebhookSender sender = sender(List.of("127.0.0.0/8", "::1"))) {
            SendResult result = sender.post("http://127.0.0.1:" + port() + "/hook", body(), Map.of());
            assertThat(result.statusCode()).isEqualTo(500);
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void aReceiverThatDripsItsAnswerIsCutOffAfterTheWholeTimeout() throws Exception {
        try (Receiver dripping = Receiver.writing(out -> {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 60; i++) {
                        out.write('X');
                        out.flush();
                        Thread.sleep(300);
                    }
                });
                WebhookSender sender = new WebhookSender(
                        new DeliveryProperties.Webhook(
                                Duration.ofSeconds(1), Duration.ofSeconds(2), List.of("127.0.0.0/8")),
                        dns,
                        TEXTS)) {
            long start = System.nanoTime();
            SendResult result = sender.post("http://127.0.0.1:" + dripping.port() + "/hook", body(), Map.of());

            assertThat(result.sent()).isFalse();
            assertThat(result.error()).startsWith("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void anEndlessHeaderLineIsRefusedWithoutFillingMemory() throws Exception {
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (Receiver endless = Receiver.writing(out -> {
                    out.write("HTTP/1.1 200 OK\r\nX-Endless: ".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1024; i++) {
                        out.write(chunk);
                    }
                });
                WebhookSender sender = sender(List.of("127.0.0.0/8"))) {
            SendResult result = sender.post("http://127.0.0.1:" + endless.port() + "/hook", body(), Map.of());

            assertThat(result.sent()).isFalse();
            assertThat(result.statusCode()).isNull();
        }
    }

    /** A receiver speaking raw bytes on a loopback port: the answer is whatever {@code answer} writes. */
    private static final class Receiver implements AutoCloseable {

        interface Answer {
            void write(OutputStream out) throws Exception;
        }

        private final ServerSocket socket;
        private final Thread thread;

        private Receiver(ServerSocket socket, Answer answer) {
            this.socket = socket;
            this.thread = new Thread(
                    () -> {
                        try (Socket client = socket.accept();
                                OutputStream out = client.getOutputStream()) {
                            answer.write(out);
                        } catch (Exception closed) {
                            // The sender hung up or the test ended: what the test wants.
                        }
                    },
                    "raw-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        static Receiver writing(Answer answer) throws IOException {
            return new Receiver(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), answer);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }

    private WebhookSender sender(List<String> allowInternal) {
        return new WebhookSender(
                new DeliveryProperties.Webhook(Duration.ofSeconds(2), Duration.ofSeconds(5), allowInternal),
                dns,
                TEXTS);
    }

    private String url(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private static byte[] body() {
        return "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
    }
}
