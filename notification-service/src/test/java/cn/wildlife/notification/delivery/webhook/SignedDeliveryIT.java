package cn.wildlife.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.deadline.RuleCatalogue;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannels;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.DeliveryStore;
import cn.wildlife.notification.delivery.DeliveryWorker;
import cn.wildlife.notification.delivery.FilterValidation;
import cn.wildlife.notification.delivery.Outgoing;
import cn.wildlife.notification.delivery.TestStore;
import cn.wildlife.notification.delivery.domain.SignatureAlgorithm;
import cn.wildlife.support.crypto.Algorithm;
import cn.wildlife.support.crypto.DataKeys;
import cn.wildlife.support.crypto.EnvelopeFieldCipher;
import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner system registers a webhook, receives a delivery on a local port and checks its signature the way a
 * partner would: with OpenSSL, an implementation that shares no code with ours. OpenSSL (the Debian package
 * {@code openssl}, 3.0 or later for SM3 in {@code openssl mac}) is required: without it these tests fail rather than
 * pass unchecked. The secret signed with is sealed in the store (SM4-GCM under a data key of the test's own).
 */
class SignedDeliveryIT {

    private static final TestStore STORE = new TestStore();
    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");
    private static final Caller FORESTRY_HEAD = new Caller(
            "forestry-head", "长春市林草局局长", Agency.FORESTRY, new RegionCode("220100"), Set.of(Role.AGENCY_HEAD));

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer partner;
    private WebhookChannel channel;
    private WebhookController controller;
    private DeliveryStore deliveries;
    private DeliveryWorker worker;
    private MongoDatabase database;
    private EnvelopeFieldCipher cipher;

    /** One request as the partner's server saw it. */
    private record Received(String timestamp, String signature, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/hooks/wildlife", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst(WebhookChannel.TIMESTAMP),
                        exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE),
                        in.readAllBytes()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        partner.start();

        database = STORE.database();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        cipher = new EnvelopeFieldCipher(new DataKeys(database, Algorithm.SM4_GCM, masterKey, Duration.ofSeconds(10)));
        DeliveryProperties base = TestStore.properties("08:00");
        // The partner listens on loopback, which webhooks reach only when allow-listed.
        DeliveryProperties settings = new DeliveryProperties(
                base.retry(),
                base.worker(),
                new DeliveryProperties.Webhook(Duration.ofSeconds(1), Duration.ofSeconds(2), List.of("127.0.0.0/8")),
                base.email(),
                base.sms(),
                base.digest());
        Clock clock = Clock.systemUTC();
        WebhookStore webhooks = new WebhookStore(database, cipher);
        deliveries = new DeliveryStore(database);
        channel = new WebhookChannel(webhooks, settings, clock, TEXTS);
        worker = new DeliveryWorker(
                deliveries, new DeliveryChannels(List.of(channel)), settings, clock, new SimpleMeterRegistry());
        FilterValidation filters = new FilterValidation(
                new RuleCatalogue(database, JsonMapper.builder().build(), clock));
        controller = new WebhookController(webhooks, deliveries, worker, filters, settings, clock, TEXTS);
    }

    @AfterEach
    void stop() {
        channel.close();
        partner.stop(0);
    }

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void aPartnerVerifiesAnHmacSm3SignedDeliveryWithOpenssl() throws Exception {
        WebhookController.WithSecret registered = register(SignatureAlgorithm.HMAC_SM3);
        assertThat(registered.webhook().signatureAlgorithm()).isEqualTo(SignatureAlgorithm.HMAC_SM3);
        assertThat(registered.signing().algorithm()).startsWith("HMAC-SM3 ").endsWith("prefixed sm3=");
        assertThat(controller.get(FORESTRY_HEAD, registered.webhook().id()).signatureAlgorithm())
                .isEqualTo(SignatureAlgorithm.HMAC_SM3);

        Received request = deliverOneTo(registered.webhook().id());

        assertThat(request.signature()).startsWith("sm3=");
        assertThat(request.signature().substring("sm3=".length()))
                .isEqualTo(opensslHmac("SM3", registered.secret(), signedPart(request)));
    }

    @Test
    void aWebhookRegisteredWithoutAChoiceIsSignedWithHmacSha256AsBefore() throws Exception {
        WebhookController.WithSecret registered = register(null);
        assertThat(registered.webhook().signatureAlgorithm()).isEqualTo(SignatureAlgorithm.HMAC_SHA256);

        Received request = deliverOneTo(registered.webhook().id());

        assertThat(request.signature()).startsWith("sha256=");
        assertThat(request.signature().substring("sha256=".length()))
                .isEqualTo(opensslHmac("SHA256", registered.secret(), signedPart(request)));
    }

    @Test
    void theSecretIsSealedAtRestAndStillSignsAfterRotation() throws Exception {
        WebhookController.WithSecret registered = register(SignatureAlgorithm.HMAC_SM3);
        String id = registered.webhook().id();
        assertThat(storedSecret(id)).startsWith("enc:v1:SM4_GCM:").doesNotContain(registered.secret());

        WebhookController.WithSecret rotated = controller.rotate(FORESTRY_HEAD, id);
        assertThat(storedSecret(id)).startsWith("enc:v1:SM4_GCM:").doesNotContain(rotated.secret());

        Received request = deliverOneTo(id);
        assertThat(request.signature().substring("sm3=".length()))
                .isEqualTo(opensslHmac("SM3", rotated.secret(), signedPart(request)));
    }

    @Test
    void aSecretStoredInPlainBeforeSealingStillSignsAndIsSealedByTheFirstRun() throws Exception {
        String id = register(null).webhook().id();
        String legacySecret = "whsec_storedBeforeSecretsWereSealed";
        // As a webhook registered by an earlier version: plain secret, no algorithm stored.
        database.getCollection(WebhookStore.COLLECTION)
                .updateOne(
                        new Document("_id", id),
                        new Document("$set", new Document(WebhookStore.SECRET, legacySecret))
                                .append("$unset", new Document("signatureAlgorithm", "")));

        Received before = deliverOneTo(id);
        assertThat(before.signature().substring("sha256=".length()))
                .isEqualTo(opensslHmac("SHA256", legacySecret, signedPart(before)));

        RotationStep step = new WebhookSealing().webhookSecrets(database, cipher);
        assertThat(step.walk(null, 100).changed()).isEqualTo(1);
        assertThat(storedSecret(id)).startsWith("enc:v1:SM4_GCM:").doesNotContain(legacySecret);

        Received after = deliverOneTo(id, "event-after-sealing");
        assertThat(after.signature().substring("sha256=".length()))
                .isEqualTo(opensslHmac("SHA256", legacySecret, signedPart(after)));
    }

    private String storedSecret(String webhookId) {
        Document stored = database.getCollection(WebhookStore.COLLECTION)
                .find(new Document("_id", webhookId))
                .first();
        assertThat(stored).isNotNull();
        return stored.getString(WebhookStore.SECRET);
    }

    private WebhookController.WithSecret register(SignatureAlgorithm algorithm) {
        WebhookController.WithSecret answer = controller
                .register(
                        FORESTRY_HEAD,
                        new WebhookController.NewWebhook(
                                "长春市林草局执法办案系统",
                                "http://127.0.0.1:" + partner.getAddress().getPort() + "/hooks/wildlife",
                                null,
                                null,
                                null,
                                null,
                                null,
                                algorithm))
                .getBody();
        assertThat(answer).isNotNull();
        return answer;
    }

    private Received deliverOneTo(String webhookId) throws InterruptedException {
        return deliverOneTo(webhookId, "event-1");
    }

    /** Queues one alert body for the webhook and lets the worker send it; the partner answers 204. */
    private Received deliverOneTo(String webhookId, String eventId) throws InterruptedException {
        String body = "{\"specversion\":\"1.0\",\"type\":\"" + WebhookPayloads.ALERT_TYPE
                + "\",\"data\":{\"title\":\"线索核查期限将至\"}}";
        deliveries.enqueue(
                eventId,
                WebhookPayloads.ALERT_TYPE,
                new Outgoing(
                        webhookId, ChannelType.WEBHOOK, Agency.FORESTRY.name(), Map.of(WebhookAudience.BODY, body)),
                Map.of(),
                Instant.now());
        assertThat(worker.sendOne()).isTrue();
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("the partner received the delivery").isNotNull();
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(deliveries
                        .find(DeliveryStore.idFor(eventId, webhookId), webhookId)
                        .orElseThrow()
                        .status())
                .isEqualTo(DeliveryStore.Status.SENT);
        return request;
    }

    /** What the signature covers: the timestamp header, a dot, the raw body. */
    private static byte[] signedPart(Received request) {
        byte[] prefix = (request.timestamp() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + request.body().length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(request.body(), 0, message, prefix.length, request.body().length);
        return message;
    }

    /** The HMAC in lower-case hex as {@code openssl mac} computes it, keyed with the secret's UTF-8 bytes. */
    private static String opensslHmac(String digest, String secret, byte[] message) throws Exception {
        String key = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        Process openssl;
        try {
            openssl =
                    new ProcessBuilder("openssl", "mac", "-digest", digest, "-macopt", "hexkey:" + key, "HMAC").start();
        } catch (IOException e) {
            throw new AssertionError(
                    "the independent check needs the openssl command (Debian package openssl, OpenSSL 3)", e);
        }
        try (OutputStream in = openssl.getOutputStream()) {
            in.write(message);
        }
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String err = new String(openssl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(10, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
            throw new AssertionError("openssl mac did not finish within 10 s");
        }
        if (openssl.exitValue() != 0) {
            throw new AssertionError("openssl cannot compute HMAC-" + digest + " (OpenSSL 3 with " + digest
                    + " in its default provider is needed): " + err.strip());
        }
        return out.strip().toLowerCase(Locale.ROOT);
    }
}
