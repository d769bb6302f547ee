package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts leave the platform through the real broker and store: signed webhooks with retries, a dead-letter list and
 * redelivery; e-mail (GreenMail) and SMS (a provider on a local port) by subscription, only to those who may read the
 * alert; and one daily digest per agency and day.
 */
class AlertDeliveryIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(SharedPlatform.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private static Receiver sms;

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final JsonMapper json = JsonMapper.builder().build();
    /** What each test created, removed after it so no later test (of any class) delivers to a stopped receiver. */
    private final List<String[]> created = new ArrayList<>();

    private final List<Receiver> receivers = new ArrayList<>();

    @BeforeAll
    static void smsProvider() {
        sms = Receiver.start(SharedPlatform.SMS_PORT, "/sms", n -> 200);
    }

    @AfterAll
    static void stopSmsProvider() {
        sms.close();
    }

    @AfterEach
    void removeWhatWasCreated() {
        for (String[] resource : created) {
            client.send("DELETE", gateway + resource[1], null, client.as(resource[0]));
        }
        receivers.forEach(Receiver::close);
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheAlertOnTheThirdTryWithAValidSignature() throws Exception {
        Receiver partner = receiver(n -> n <= 2 ? 500 : 204);
        PlatformClient.Answer registered =
                client.post(gateway + "/api/webhooks", """
                {"name":"长春市林草局执法办案系统","url":"%s","kinds":["OVERDUE"]}""".formatted(partner.url()), client.as("forestry-head"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String webhookId = registered.body().get("webhook").get("id").asString();
        String secret = registered.body().get("secret").asString();
        created.add(new String[] {"forestry-head", "/api/webhooks/" + webhookId});
        assertThat(registered.body().get("webhook").get("region").asString()).isEqualTo("220100");
        assertThat(client.get(gateway + "/api/webhooks/" + webhookId, client.as("forestry-head"))
                        .raw())
                .as("the secret is shown once")
                .doesNotContain(secret);

        String clueId = lateClue("220112");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> partner.answered(clueId, 204).size() == 1);
        List<Receiver.Request> tries = partner.about(clueId);
        assertThat(tries).extracting(Receiver.Request::status).containsExactly(500, 500, 204);
        assertThat(tries)
                .extracting(r -> r.header("X-Wildlife-Delivery"))
                .as("one delivery, tried three times")
                .containsOnly(tries.get(0).header("X-Wildlife-Delivery"));
        Receiver.Request delivered = tries.get(2);
        assertThat(verify(secret, delivered, Instant.now()))
                .as("the receiver's own check")
                .isTrue();
        assertThat(verify("whsec_someone-else", delivered, Instant.now())).isFalse();
        assertThat(verify(secret, delivered, Instant.now().plus(Duration.ofMinutes(6))))
                .as("replayed after five minutes")
                .isFalse();
        JsonNode event = json.readTree(delivered.body());
        assertThat(event.get("type").asString()).isEqualTo("cn.wildlife.alert.raised.v1");
        assertThat(event.get("data").get("kind").asString()).isEqualTo("OVERDUE");
        assertThat(event.get("data").get("subjectId").asString()).isEqualTo(clueId);
        assertThat(event.get("data").get("legalBasis").asString()).contains("行政处罚法");

        JsonNode log = client.get(gateway + "/api/webhooks/" + webhookId + "/deliveries", client.as("forestry-head"))
                .body();
        JsonNode delivery = log.valueStream()
                .filter(d -> clueId.equals(d.get("about").get("subjectId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.get("status").asString()).isEqualTo("SENT");
        assertThat(delivery.get("log")
                        .valueStream()
                        .map(a -> a.get("statusCode").asInt())
                        .toList())
                .containsExactly(500, 500, 204);
        assertThat(delivery.get("log").get(0).get("error").asString()).startsWith("HTTP 500");
        assertThat(delivery.get("log")
                        .valueStream()
                        .allMatch(a -> a.get("durationMillis").asLong() >= 0))
                .isTrue();

        // The filter asked for OVERDUE alone: the escalation that followed went elsewhere.
        Thread.sleep(2_000);
        assertThat(partner.about(clueId)).hasSize(3);
    }

    @Test
    void aReceiverThatAlwaysFailsEndsInTheDeadLetterListAndCanBeRedelivered() throws Exception {
        AtomicInteger answer = new AtomicInteger(503);
        Receiver partner = receiver(n -> answer.get());
        PlatformClient.Answer registered =
                client.post(gateway + "/api/webhooks", """
                {"name":"双阳区林草局值班系统","url":"%s","agency":"FORESTRY","region":"220112",
                 "kinds":["ESCALATED"],"ruleIds":["CLUE_CASE_DECISION_DEFAULT"]}""".formatted(partner.url()), client.as("system-admin"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String webhookId = registered.body().get("webhook").get("id").asString();
        String secret = registered.body().get("secret").asString();
        created.add(new String[] {"system-admin", "/api/webhooks/" + webhookId});
        String deliveries = gateway + "/api/webhooks/" + webhookId + "/deliveries";

        String clueId = lateClue("220112");

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(deliveries, clueId) != null);
        JsonNode dead = deadLetter(deliveries, clueId);
        assertThat(dead.get("log")
                        .valueStream()
                        .map(a -> a.get("statusCode").asInt())
                        .toList())
                .as("four tries, then the dead-letter list")
                .containsExactly(503, 503, 503, 503);
        assertThat(partner.about(clueId)).hasSize(4);
        assertThat(client.get(
                                SharedPlatform.platform().serviceUrl("notification-service") + "/actuator/prometheus",
                                client.as("system-admin"))
                        .raw())
                .containsPattern(
                        "platform_alerts_delivered_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"dead\"[^}]*} [1-9]");

        assertThat(client.get(deliveries, client.as("forestry-officer")).status())
                .as("an officer does not manage the agency's webhooks")
                .isEqualTo(404);
        answer.set(200);
        String redeliver =
                deliveries + "/" + URLEncoder.encode(dead.get("id").asString(), StandardCharsets.UTF_8) + "/redeliver";
        PlatformClient.Answer accepted = client.post(redeliver, "", client.as("system-admin"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> partner.answered(clueId, 200).size() == 1);
        assertThat(verify(secret, partner.answered(clueId, 200).get(0), Instant.now()))
                .isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode sent = client.get(deliveries + "?status=SENT", client.as("system-admin"))
                    .body()
                    .valueStream()
                    .filter(d -> clueId.equals(d.get("about").get("subjectId").asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(sent.get("log")).hasSize(5);
        });
        assertThat(deadLetter(deliveries, clueId)).isNull();
    }

    @Test
    void anAlertEmailArrivesInChineseWithTheDeadlineItsRuleLegalBasisAndDueTime() throws Exception {
        subscribe("forestry-officer", """
                {"channel":"EMAIL","address":"zhang.san@forestry.example.cn","kinds":["OVERDUE"]}""");

        String clueId = lateClue("220112");

        MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsAbout("zhang.san@forestry.example.cn", clueId), found -> !found.isEmpty())
                .get(0);
        assertThat(mail.getSubject()).isEqualTo("【逾期预警】线索核查并决定是否立案（林草、农业农村：平台默认期限）（线索 " + clueId + "）");
        String text = String.valueOf(mail.getContent());
        assertThat(text)
                .contains(
                        "已逾期",
                        "规则编号：CLUE_CASE_DECISION_DEFAULT",
                        "《中华人民共和国行政处罚法》第五十四条",
                        "（北京时间）",
                        "林业和草原局（行政区划 220112）");
        assertThat(client.get(
                                SharedPlatform.platform().serviceUrl("notification-service") + "/actuator/prometheus",
                                client.as("system-admin"))
                        .raw())
                .containsPattern(
                        "platform_alerts_delivered_total\\{[^}]*channel=\"email\"[^}]*outcome=\"sent\"[^}]*} [1-9]");
    }

    @Test
    void anSmsReachesTheProviderWithItsToken() throws Exception {
        subscribe("forestry-officer", """
                {"channel":"SMS","address":"13800138000","kinds":["ESCALATED"]}""");

        String clueId = lateClue("220112");

        await().atMost(Duration.ofSeconds(60)).until(() -> !sms.about(clueId).isEmpty());
        Receiver.Request text = sms.about(clueId).get(0);
        assertThat(text.header("X-Api-Token")).isEqualTo(SharedPlatform.SMS_TOKEN);
        JsonNode body = json.readTree(text.body());
        assertThat(body.get("phone").asString()).isEqualTo("13800138000");
        assertThat(body.get("text").asString()).startsWith("【野生动物联合执法】逾期督办：").contains(clueId, "北京时间");
        assertThat(body.get("reference").asString()).isNotBlank();
        Thread.sleep(1_500);
        assertThat(sms.about(clueId))
                .as("the OVERDUE alert was filtered out; nothing twice")
                .hasSize(1);
    }

    @Test
    void anAlertReachesOnlySubscriptionsWhoseOwnersMayReadIt() throws Exception {
        subscribe("forestry-officer", """
                {"channel":"EMAIL","address":"officer@shuangyang.example.cn"}""");
        subscribe("forestry-head", """
                {"channel":"EMAIL","address":"head@changchun.example.cn"}""");
        subscribe("forestry-nongan", """
                {"channel":"EMAIL","address":"officer@nongan.example.cn"}""");
        subscribe("police-officer", """
                {"channel":"EMAIL","address":"officer@police.example.cn"}""");
        subscribe("forestry-head", """
                {"scope":"OFFICE","agency":"FORESTRY","region":"220122","channel":"EMAIL",
                 "address":"office@nongan.example.cn","digest":false}""");

        String clueId = lateClue("220112");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsAbout("officer@shuangyang.example.cn", clueId).size() == 2
                        && mailsAbout("head@changchun.example.cn", clueId).size() == 1);
        assertThat(mailsAbout("head@changchun.example.cn", clueId).get(0).getSubject())
                .as("the city's head reads the escalation, not the county's overdue notice")
                .startsWith("【逾期督办】");
        Thread.sleep(2_000);
        assertThat(mailsAbout("officer@nongan.example.cn", clueId))
                .as("a sibling county")
                .isEmpty();
        assertThat(mailsAbout("office@nongan.example.cn", clueId))
                .as("the sibling county's office")
                .isEmpty();
        assertThat(mailsAbout("officer@police.example.cn", clueId))
                .as("another agency")
                .isEmpty();
        assertThat(mailsAbout("officer@shuangyang.example.cn", clueId))
                .as("nothing twice")
                .hasSize(2);
    }

    @Test
    void theDailyDigestIsSentOncePerAgencyAndDay() throws Exception {
        String clueId = lateClue("220112");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "ESCALATED"
                        .equals(client.get(
                                        gateway + "/api/deadlines/CLUE_CASE_DECISION_DEFAULT:" + clueId,
                                        client.as("forestry-head"))
                                .body()
                                .path("state")
                                .asString("")));
        Receiver market = receiver(n -> 204);
        PlatformClient.Answer webhook =
                client.post(gateway + "/api/webhooks", """
                {"name":"南关区市场监管系统","url":"%s","agency":"MARKET_SUPERVISION","region":"220100",
                 "eventTypes":["cn.wildlife.deadline.digest.v1"]}""".formatted(market.url()), client.as("market-system-admin"));
        assertThat(webhook.status()).as(webhook.raw()).isEqualTo(201);
        created.add(new String[] {
            "market-system-admin",
            "/api/webhooks/" + webhook.body().get("webhook").get("id").asString()
        });
        JsonNode office = subscribe("forestry-head", """
                {"scope":"OFFICE","channel":"EMAIL","address":"office@changchun.example.cn"}""");
        assertThat(office.get("digest").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> digests("office@changchun.example.cn").size() == 1
                        && market.requests().size() == 1);
        MimeMessage digest = digests("office@changchun.example.cn").get(0);
        assertThat(digest.getSubject()).startsWith("【每日期限汇总】林业和草原局（220100）");
        assertThat(String.valueOf(digest.getContent())).contains("一、已逾期", clueId, "三、进行中");
        JsonNode marketDigest = json.readTree(market.requests().get(0).body());
        assertThat(marketDigest.get("type").asString()).isEqualTo("cn.wildlife.deadline.digest.v1");
        assertThat(marketDigest.get("data").get("agency").asString()).isEqualTo("MARKET_SUPERVISION");

        Thread.sleep(3_500);
        assertThat(digests("office@changchun.example.cn"))
                .as("the next checks find the day taken")
                .hasSize(1);
        assertThat(market.requests()).hasSize(1);
    }

    @Test
    void badSubscriptionsAndWebhooksAreProblemsNamingEachField() {
        PlatformClient.Answer webhook =
                client.post(gateway + "/api/webhooks", """
                {"name":"","url":"http://partner.example.cn/hook","agency":"ZOO","region":"2201",
                 "kinds":["LATE"],"ruleIds":["NO_SUCH_RULE"],"eventTypes":["cn.wildlife.clue.recorded.v1"]}""", client.as("system-admin", "Accept-Language", "zh-CN"));
        assertThat(webhook.status()).isEqualTo(400);
        assertThat(webhook.body().get("title").asString()).isEqualTo("请求参数有误");
        assertThat(fields(webhook))
                .containsExactly("agency", "eventTypes", "kinds", "name", "region", "ruleIds", "url");
        assertThat(webhook.raw()).contains("must use https (plain http only for localhost)");

        PlatformClient.Answer email = client.post(gateway + "/api/subscriptions", """
                {"channel":"EMAIL","address":"zhang.san at forestry","kinds":["SOON"]}""", client.as("forestry-officer"));
        assertThat(email.status()).isEqualTo(400);
        assertThat(fields(email)).containsExactly("address", "kinds");
        PlatformClient.Answer phone = client.post(gateway + "/api/subscriptions", """
                {"channel":"SMS","address":"010-12345678","digest":true}""", client.as("forestry-officer"));
        assertThat(fields(phone)).containsExactly("address", "digest");
        PlatformClient.Answer channel = client.post(gateway + "/api/subscriptions", """
                {"channel":"PIGEON","address":"x"}""", client.as("forestry-officer"));
        assertThat(fields(channel)).containsExactly("channel");
    }

    @Test
    void onlyAnAgencyHeadOrAnAdministratorArrangesAnAgencysDelivery() {
        String hook = """
                {"name":"x","url":"https://partner.example.cn/hook"}""";
        assertThat(client.post(gateway + "/api/webhooks", hook, client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post(gateway + "/api/webhooks", """
                {"name":"x","url":"https://partner.example.cn/hook","agency":"PUBLIC_SECURITY"}""", client.as("forestry-head"))
                        .status())
                .as("another agency")
                .isEqualTo(403);
        assertThat(client.post(gateway + "/api/webhooks", """
                {"name":"x","url":"https://partner.example.cn/hook","region":"220000"}""", client.as("forestry-head"))
                        .status())
                .as("above the head's region")
                .isEqualTo(403);
        assertThat(client.post(gateway + "/api/subscriptions", """
                {"scope":"OFFICE","channel":"EMAIL","address":"office@shuangyang.example.cn"}""", client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);

        JsonNode mine = subscribe("forestry-nongan", """
                {"channel":"EMAIL","address":"wang@nongan.example.cn"}""");
        String path = gateway + "/api/subscriptions/" + mine.get("id").asString();
        assertThat(client.get(path, client.as("forestry-officer")).status())
                .as("someone else's")
                .isEqualTo(404);
        assertThat(client.send("DELETE", path, null, client.as("forestry-officer"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get(gateway + "/api/subscriptions", client.as("forestry-nongan"))
                        .raw())
                .contains("wang@nongan.example.cn");
        assertThat(client.get(gateway + "/api/subscriptions", client.as("forestry-officer"))
                        .raw())
                .doesNotContain("wang@nongan.example.cn");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A forestry clue in the region received in January: its clock ran out long ago, so it is overdue and escalated. */
    private String lateClue(String region) {
        String clueId =
                "FORESTRY-" + region + "-DLV-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                Topics.agencyClues(Agency.FORESTRY),
                Envelope.of(
                        URI.create("urn:test"),
                        Agency.FORESTRY,
                        region,
                        ClueReported.builder(clueId, region, ClueSource.TIP_OFF, Instant.parse("2026-01-05T02:00:00Z"))
                                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                .summary("年初的举报，迟迟未处理")
                                .build()));
        return clueId;
    }

    private JsonNode subscribe(String user, String body) {
        PlatformClient.Answer answer = client.post(gateway + "/api/subscriptions", body, client.as(user));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        created.add(new String[] {
            user, "/api/subscriptions/" + answer.body().get("id").asString()
        });
        return answer.body();
    }

    private Receiver receiver(IntUnaryOperator answer) {
        Receiver receiver = Receiver.start(0, "/hook", answer);
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode deadLetter(String deliveries, String clueId) {
        return client.get(deliveries + "?status=DEAD", client.as("system-admin"))
                .body()
                .valueStream()
                .filter(d -> clueId.equals(d.get("about").get("subjectId").asString()))
                .findFirst()
                .orElse(null);
    }

    private static List<MimeMessage> mailsAbout(String to, String clueId) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equals(to))
                    && message.getSubject().contains(clueId)) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<MimeMessage> digests(String to) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equals(to))
                    && message.getSubject().startsWith("【每日期限汇总】")) {
                found.add(message);
            }
        }
        return found;
    }

    private static List<String> fields(PlatformClient.Answer problem) {
        return problem.body()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .distinct()
                .toList();
    }

    /** What a partner system does with each request (docs/alert-delivery.md): time first, then the signature. */
    private static boolean verify(String secret, Receiver.Request request, Instant now) throws Exception {
        long timestamp = Long.parseLong(request.header("X-Wildlife-Timestamp"));
        if (Math.abs(now.getEpochSecond() - timestamp) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                request.header("X-Wildlife-Signature").getBytes(StandardCharsets.UTF_8));
    }

    /** A partner system or SMS provider on a local port: records each request and answers as told. */
    static final class Receiver implements AutoCloseable {

        record Request(Map<String, String> headers, byte[] body, int status) {
            String header(String name) {
                return headers.get(name.toLowerCase(java.util.Locale.ROOT));
            }

            String text() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        private final HttpServer server;
        private final String path;
        private final List<Request> requests = new CopyOnWriteArrayList<>();

        private Receiver(HttpServer server, String path) {
            this.server = server;
            this.path = path;
        }

        /** {@code answer} gets how often this delivery (or message) was received, from 1, and gives the status. */
        static Receiver start(int port, String path, IntUnaryOperator answer) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                Receiver receiver = new Receiver(server, path);
                Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
                server.createContext(path, exchange -> {
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    exchange.getRequestHeaders()
                            .forEach((name, values) ->
                                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                    String key = Objects.requireNonNullElse(
                            headers.get("x-wildlife-delivery"), new String(body, StandardCharsets.UTF_8));
                    int status = answer.applyAsInt(
                            seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
                    receiver.requests.add(new Request(headers, body, status));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                return receiver;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        List<Request> about(String clueId) {
            return requests.stream().filter(r -> r.text().contains(clueId)).toList();
        }

        List<Request> answered(String clueId, int status) {
            return about(clueId).stream().filter(r -> r.status() == status).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
