package cn.wildlife.faults;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events no service can apply, in the kinds an agency's broken system sends: a body that is not JSON, JSON that breaks
 * the schema, a type nobody knows, a body over the size limit; and, a few of each per run (they are large), the
 * records that once stalled a consumer: a valid clue of 2.5 MB sent gzip-compressed (the broker limits the compressed
 * batch, so it takes it; its dead letter goes without the payload), a type nobody knows just under the 1 MiB limit
 * (dead-lettered whole), thousands of headers (dead-lettered cut to its essential headers), header bytes that are not
 * text, and a record without key or value. Each has CloudEvents headers with an id of its own, so that it can be found
 * on the dead-letter topic.
 */
final class Poison implements AutoCloseable {

    /** Over the 1 MiB the contract accepts (EventDeserializer.MAX_EVENT_BYTES) and the broker's default limit. */
    static final int OVERSIZED_BYTES = 1200 * 1024;

    /** The compressed valid clue: over twice the 1 MiB an event may be, a few KiB once compressed. */
    static final int COMPRESSED_BYTES = 2_500_000;
    /** Of each large kind at most this many per run: they hold megabytes each until sent. */
    private static final int LARGE_PER_RUN = 10;

    private static final List<String> KINDS = List.of(
            "bad JSON",
            "wrong schema",
            "unknown type",
            "oversized",
            "compressed 2.5 MB",
            "unknown type near 1 MiB",
            "4000 headers",
            "bad header bytes",
            "no key or value");
    private static final String UNKNOWN_TYPE = "cn.wildlife.clue.rumoured.v1";

    private final KafkaProducer<String, byte[]> producer;
    /** For the kinds only compression lets through the broker's limit. */
    private final KafkaProducer<String, byte[]> compressed;

    private final Map<String, AtomicInteger> preparedByKind = new ConcurrentHashMap<>();
    private final Map<String, String> acceptedKind = new ConcurrentHashMap<>();
    /** Id of each poison event Kafka took → where it was written, {@code <topic>-<partition>@<offset>}. */
    private final Map<String, String> acceptedAt = new ConcurrentHashMap<>();

    private final EventSerializer serializer = new EventSerializer(new EventCodec());
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedBySize = new AtomicInteger();
    private final Map<String, AtomicInteger> sentByKind = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** {@code kafka}: the client settings of the agency system whose topics the poison goes to (forestry's). */
    Poison(Map<String, Object> kafka) {
        producer = new KafkaProducer<>(
                producerProperties(kafka, "none"), new StringSerializer(), new ByteArraySerializer());
        compressed = new KafkaProducer<>(
                producerProperties(kafka, "gzip"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The one place the poison producers' settings are made. */
    private static Properties producerProperties(Map<String, Object> kafka, String compression) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        // The client lets the large events go, so that it is the broker that refuses them (or takes them compressed).
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-tests-poison-" + compression);
        return props;
    }

    /** A poison event ready to send: built before the measured load, so that building it costs the load nothing. */
    record Prepared(String kind, String id, ProducerRecord<String, byte[]> record) {}

    /**
     * {@code count} poison events, the kinds in turn (one oversized in a hundred; the other large kinds as often, at
     * most {@value #LARGE_PER_RUN} each).
     */
    List<Prepared> prepare(int count) {
        List<Prepared> prepared = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            prepared.add(prepareOne());
        }
        return prepared;
    }

    private Prepared prepareOne() {
        int i = next.getAndIncrement();
        String kind = kindOf(i);
        preparedByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        String topic = i % 2 == 0 ? Topics.agencyClues(Agency.FORESTRY) : Topics.agencyCases(Agency.FORESTRY);
        String clueId = "FORESTRY-220112-POISON-" + UUID.randomUUID();
        Envelope<?> valid = Envelope.of(
                URI.create("urn:agency:forestry:220112"),
                Agency.FORESTRY,
                "220112",
                ClueReported.builder(clueId, "220112", ClueSource.PATROL, Instant.now())
                        .speciesCodes(List.of("cygnus-cygnus"))
                        .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                        .summary("毒丸事件")
                        .build());
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(topic, headers, valid);
        String key = clueId;
        switch (kind) {
            case "bad JSON" -> body = "{\"clueId\": \"broken".getBytes(StandardCharsets.UTF_8);
            case "wrong schema" ->
                body = ("{\"clueId\":\"" + clueId + "\",\"region\":\"2201\",\"source\":\"RUMOUR\"}")
                        .getBytes(StandardCharsets.UTF_8);
            case "unknown type" -> replace(headers, "ce_type", UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));
            case "oversized" -> body = padded(body, OVERSIZED_BYTES);
            case "compressed 2.5 MB" -> body = padded(body, COMPRESSED_BYTES);
            case "unknown type near 1 MiB" -> {
                replace(headers, "ce_type", UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));
                body = padded(body, Topics.MAX_EVENT_BYTES - 512);
            }
            case "4000 headers" -> {
                replace(headers, "ce_type", UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));
                byte[] filler = new byte[600];
                Arrays.fill(filler, (byte) 'h');
                for (int h = 0; h < 4000; h++) {
                    headers.add("x-filler-" + h, filler);
                }
            }
            case "bad header bytes" ->
                replace(headers, "ce_specversion", new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3});
            default -> {
                key = null;
                body = null;
            }
        }
        return new Prepared(kind, valid.id(), new ProducerRecord<>(topic, null, key, body, headers));
    }

    /** The kinds in turn; the large ones a few times a run, the odd records once in fifty. */
    private String kindOf(int i) {
        int slot = i % 100;
        if (slot >= 96) {
            String large = KINDS.get(3 + (99 - slot));
            if (!large.equals("oversized")
                    && preparedByKind.getOrDefault(large, new AtomicInteger()).get() >= LARGE_PER_RUN) {
                return KINDS.get(i % 3);
            }
            return large;
        }
        if (i % 50 == 45) {
            return KINDS.get(7);
        }
        if (i % 50 == 44) {
            return KINDS.get(8);
        }
        return KINDS.get(i % 3);
    }

    private static void replace(Headers headers, String name, byte[] value) {
        headers.remove(name);
        headers.add(name, value);
    }

    /** The event's JSON followed by spaces: the same JSON, of the given size, and compressible. */
    private static byte[] padded(byte[] json, int size) {
        byte[] big = new byte[size];
        Arrays.fill(big, (byte) ' ');
        System.arraycopy(json, 0, big, 0, json.length);
        return big;
    }

    void send(Prepared p) {
        sentByKind.computeIfAbsent(p.kind(), k -> new AtomicInteger()).incrementAndGet();
        boolean large = KINDS.indexOf(p.kind()) >= 4 && KINDS.indexOf(p.kind()) <= 6;
        (large ? compressed : producer).send(p.record(), (meta, error) -> {
            if (error == null) {
                acceptedAt.put(p.id(), meta.topic() + "-" + meta.partition() + "@" + meta.offset());
                accepted.add(p.id());
                acceptedKind.put(p.id(), p.kind());
            } else if (error instanceof RecordTooLargeException) {
                refusedBySize.incrementAndGet();
            }
        });
    }

    void flush() {
        producer.flush();
        compressed.flush();
    }

    /** Ids of the poison events Kafka took (all but the uncompressed oversized). */
    Set<String> acceptedIds() {
        return accepted;
    }

    /** Where each poison event Kafka took was written, by id: {@code <topic>-<partition>@<offset>}. */
    Map<String, String> acceptedAt() {
        return acceptedAt;
    }

    /** The kind of a poison event Kafka took. */
    String kindOf(String id) {
        return acceptedKind.get(id);
    }

    int refusedBySize() {
        return refusedBySize.get();
    }

    String kinds() {
        return new TreeMap<>(Map.copyOf(sentByKind)).toString();
    }

    /** Per kind, how many of the poison events Kafka took are on the dead-letter topics, of how many it took. */
    String deadLetteredByKind(Map<String, PlatformWatch.DeadLetter> deadLetters) {
        Map<String, int[]> counts = new TreeMap<>();
        acceptedKind.forEach((id, kind) -> {
            int[] c = counts.computeIfAbsent(kind, k -> new int[2]);
            c[0] += deadLetters.containsKey(id) ? 1 : 0;
            c[1]++;
        });
        Map<String, String> shown = new TreeMap<>();
        counts.forEach((kind, c) -> shown.put(kind, c[0] + "/" + c[1]));
        return shown.toString();
    }

    /** How many dead letters of ours gave each reason (the first words of it). */
    String reasonsSeen(Map<String, PlatformWatch.DeadLetter> deadLetters) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (String id : accepted) {
            PlatformWatch.DeadLetter d = deadLetters.get(id);
            if (d != null && d.reason() != null) {
                String r = d.reason().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
                reasons.merge(r.length() > 70 ? r.substring(0, 70) + "…" : r, 1, Integer::sum);
            }
        }
        return reasons.toString();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        compressed.close(Duration.ofSeconds(30));
    }
}
