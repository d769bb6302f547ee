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
 * Events no service can apply, in the four kinds an agency's broken system sends: a body that is not JSON, JSON
 * that breaks the schema, a type nobody knows, and a body over the size limit. Each has CloudEvents headers with an
 * id of its own, so that it can be found on the dead-letter topic.
 */
final class Poison implements AutoCloseable {

    /** Over the 1 MiB the contract accepts (EventDeserializer.MAX_EVENT_BYTES) and the broker's default limit. */
    static final int OVERSIZED_BYTES = 1200 * 1024;

    private static final List<String> KINDS = List.of("bad JSON", "wrong schema", "unknown type", "oversized");

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerializer serializer = new EventSerializer(new EventCodec());
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedBySize = new AtomicInteger();
    private final Map<String, AtomicInteger> sentByKind = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    Poison(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // The client lets the oversized event go, so that it is the broker that refuses it.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-tests-poison");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A poison event ready to send: built before the measured load, so that building it costs the load nothing. */
    record Prepared(String kind, String id, ProducerRecord<String, byte[]> record) {
    }

    /** {@code count} poison events, the kinds in turn (one oversized in a hundred: they are large). */
    List<Prepared> prepare(int count) {
        List<Prepared> prepared = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            prepared.add(prepareOne());
        }
        return prepared;
    }

    private Prepared prepareOne() {
        int i = next.getAndIncrement();
        String kind = i % 100 == 99 ? KINDS.get(3) : KINDS.get(i % 3);
        String topic = i % 2 == 0 ? Topics.agencyClues(Agency.FORESTRY) : Topics.agencyCases(Agency.FORESTRY);
        String clueId = "FORESTRY-220112-POISON-" + UUID.randomUUID();
        Envelope<?> valid = Envelope.of(URI.create("urn:agency:forestry:220112"), Agency.FORESTRY, "220112",
                new ClueReported(clueId, "220112", ClueSource.PATROL, Instant.now(), null, List.of("cygnus-cygnus"),
                        List.of(Behaviour.ILLEGAL_HUNTING), "毒丸事件", List.of()));
        Headers headers = new RecordHeaders();
        byte[] body = serializer.serialize(topic, headers, valid);
        switch (kind) {
            case "bad JSON" -> body = "{\"clueId\": \"broken".getBytes(StandardCharsets.UTF_8);
            case "wrong schema" -> body = ("{\"clueId\":\"" + clueId + "\",\"region\":\"2201\",\"source\":\"RUMOUR\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case "unknown type" -> {
                headers.remove("ce_type");
                headers.add("ce_type", "cn.wildlife.clue.rumoured.v1".getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                byte[] big = new byte[OVERSIZED_BYTES];
                Arrays.fill(big, (byte) ' ');
                System.arraycopy(body, 0, big, 0, body.length);
                body = big;
            }
        }
        return new Prepared(kind, valid.id(), new ProducerRecord<>(topic, null, clueId, body, headers));
    }

    void send(Prepared p) {
        sentByKind.computeIfAbsent(p.kind(), k -> new AtomicInteger()).incrementAndGet();
        producer.send(p.record(), (meta, error) -> {
            if (error == null) {
                accepted.add(p.id());
            } else if (error instanceof RecordTooLargeException) {
                refusedBySize.incrementAndGet();
            }
        });
    }

    void flush() {
        producer.flush();
    }

    /** Ids of the poison events Kafka took (all but the oversized). */
    Set<String> acceptedIds() {
        return accepted;
    }

    int refusedBySize() {
        return refusedBySize.get();
    }

    String kinds() {
        return new TreeMap<>(Map.copyOf(sentByKind)).toString();
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
    }
}
