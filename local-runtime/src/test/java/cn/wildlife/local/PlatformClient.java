package cn.wildlife.local;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.kafka.EventSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a test does from the outside: publish like an agency, read topics, call REST like an officer. */
final class PlatformClient implements AutoCloseable {

    /** An HTTP answer with its parsed JSON body. */
    record Answer(int status, JsonNode body, String raw) {}

    private final KafkaDoor kafka;
    private final String gateway;
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** Producers by the principal they send as: an agency's topic is written by that agency's system. */
    private final java.util.Map<java.util.Map<String, Object>, KafkaProducer<String, Envelope<?>>> events =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<java.util.Map<String, Object>, KafkaProducer<String, byte[]>> raw =
            new java.util.concurrent.ConcurrentHashMap<>();

    PlatformClient(KafkaDoor kafka, String gateway) {
        this.kafka = kafka;
        this.gateway = gateway;
    }

    private static Properties producerProperties(java.util.Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    void publish(String topic, Envelope<?> event) {
        try {
            events.computeIfAbsent(
                            kafka.publisherFor(topic),
                            client -> new KafkaProducer<>(
                                    producerProperties(client), new StringSerializer(), new EventSerializer()))
                    .send(new ProducerRecord<>(topic, event.subject(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publishRaw(String topic, String key, byte[] value) {
        try {
            raw.computeIfAbsent(
                            kafka.publisherFor(topic),
                            client -> new KafkaProducer<>(
                                    producerProperties(client), new StringSerializer(), new ByteArraySerializer()))
                    .send(new ProducerRecord<>(topic, key, value))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of a topic from the beginning that matches, reading until {@code quiet} passes with none new. */
    List<ConsumerRecord<String, byte[]>> read(
            String topic, Predicate<ConsumerRecord<String, byte[]>> matching, int atLeast, Duration timeout) {
        Properties props = new Properties();
        props.putAll(kafka.clientSettings(cn.wildlife.events.access.KafkaAccess.ADMIN));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
                if (found.size() >= atLeast && atLeast > 0) {
                    // Keep reading briefly: a duplicate would arrive right behind the first.
                    long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    while (System.nanoTime() < settle) {
                        consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                            if (matching.test(r)) {
                                found.add(r);
                            }
                        });
                    }
                    break;
                }
            }
        }
        return found;
    }

    /** A token of a sample user from the gateway's development issuer (cached). */
    /** The platform's SM2 intake key as an agency's system fetches it, to seal suspects' details in a clue report. */
    cn.wildlife.events.seal.IntakeKey intakeKey() {
        Answer key = get(gateway + "/api/intake-key", as("police-officer"));
        if (key.status() != 200) {
            throw new IllegalStateException("GET /api/intake-key answered " + key.status() + ": " + key.raw());
        }
        return cn.wildlife.events.seal.IntakeKey.fromPem(
                key.body().get("publicKey").asString());
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Answer issued = post(gateway + "/auth/dev/token?user=" + u, "");
            if (issued.status() != 200) {
                throw new IllegalStateException("no token for " + u + ": " + issued.raw());
            }
            return issued.body().get("access_token").asString();
        });
    }

    /** The headers of a call as a sample user. */
    String[] as(String user, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token(user);
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    Answer get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null, headers);
    }

    Answer post(String url, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                body,
                headers);
    }

    Answer send(String method, String url, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                body,
                headers);
    }

    /** A file's bytes (an import) sent as they are, the answer held to the documents as every other one. */
    Answer upload(String url, byte[] file, String contentType, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                        .header("Content-Type", contentType),
                // The validator reads bodies as text: the bytes stand in one character each.
                new String(file, StandardCharsets.ISO_8859_1),
                headers);
    }

    /** A download: its status, headers and bytes, the exchange held to the documents (status and content type). */
    record Download(int status, HttpHeaders headers, byte[] body) {}

    Download download(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            hold(
                    built,
                    null,
                    response.statusCode(),
                    response.headers().map(),
                    new String(response.body(), StandardCharsets.ISO_8859_1));
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every call through the gateway's API is held to the OpenAPI documents it serves ({@link ApiContract}): an
     * answer the documents do not promise fails the test that got it.
     */
    private Answer send(HttpRequest.Builder request, String sent, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            hold(built, sent, response.statusCode(), response.headers().map(), body);
            JsonNode node = body == null
                            || body.isBlank()
                            || !body.trim().startsWith("{") && !body.trim().startsWith("[")
                    ? json.nullNode()
                    : json.readTree(body);
            return new Answer(response.statusCode(), node, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void hold(
            HttpRequest built,
            String sent,
            int status,
            java.util.Map<String, List<String>> answerHeaders,
            String answer) {
        if (ApiContract.ENABLED && ApiContract.covers(gateway, built.uri())) {
            ApiContract.Exchange exchange = new ApiContract.Exchange(
                    built.method(), built.uri(), built.headers().map(), sent, status, answerHeaders, answer);
            ApiContract.Verdict verdict = ApiContract.judge(gateway, exchange);
            if (!verdict.violations().isEmpty()) {
                throw new AssertionError(
                        "the answer breaks the OpenAPI contract: " + ApiContract.describe(exchange, verdict));
            }
        }
    }

    @Override
    public void close() {
        events.values().forEach(KafkaProducer::close);
        raw.values().forEach(KafkaProducer::close);
    }
}
