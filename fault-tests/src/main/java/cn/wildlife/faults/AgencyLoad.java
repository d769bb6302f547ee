package cn.wildlife.faults;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.Place;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.CaseReported;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventSerializer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What forestry's own system sends: clue and case reports, half each, with new ids, through an idempotent producer
 * with acks=all, as agencies are told to. A report counts as sent once Kafka acknowledged it; one the producer gave
 * up on (it retries for two minutes, across a broker restart) is counted apart: the agency still holds it.
 *
 * <p>Clues are dated 25 days back: their 15-working-day handling clock is already missed when it opens, so each one
 * raises an overdue alert at once, and "no alert missing or doubled" is measured too. Every report names the load's
 * joint operation, so that inspection-service counts each one in the operation's results table.
 */
final class AgencyLoad implements AutoCloseable {

    private static final URI SOURCE = URI.create("urn:agency:forestry:220112");

    private final String run;
    private final String operationId;
    private final Producer<String, Envelope<?>> producer;
    private final Set<String> clues = ConcurrentHashMap.newKeySet();
    private final Set<String> cases = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    /** Report id → the id of the agency event that carried it (what platform events name as correlation id). */
    private final java.util.Map<String, String> eventIds = new ConcurrentHashMap<>();

    private final AtomicInteger next = new AtomicInteger();
    private final Instant clueReceived = Instant.now().minus(Duration.ofDays(25));

    /** {@code kafka}: forestry's system's client settings (the load is forestry's reports). */
    AgencyLoad(Map<String, Object> kafka, String run, String operationId) {
        this.run = run;
        this.operationId = operationId;
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-tests-" + run);
        producer = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer(new EventCodec()));
    }

    /** The joint operation every report of this load names, and only this load's. */
    String operationId() {
        return operationId;
    }

    /** Id prefix of every record this load creates: how the suite finds them in the stores. */
    String prefix() {
        return "FORESTRY-220112-F" + run + "-";
    }

    /** Sends {@code count} reports at {@code perSecond}, running {@code midway} once half are sent. */
    void steady(int count, int perSecond, Runnable midway) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i == count / 2) {
                midway.run();
            }
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            sendOne();
        }
        producer.flush();
    }

    /** Waits until every report sent so far was acknowledged or refused. */
    void flush() {
        producer.flush();
    }

    void sendOne() {
        int i = next.getAndIncrement();
        if (i % 2 == 0) {
            sendClue(i);
        } else {
            sendCase(i);
        }
    }

    /** A clue report only, as in a burst of patrol findings. */
    void sendClue() {
        sendClue(next.getAndIncrement());
    }

    private void sendClue(int i) {
        String id = prefix() + i;
        Envelope<?> e = Envelope.of(
                SOURCE,
                Agency.FORESTRY,
                "220112",
                ClueReported.builder(id, "220112", ClueSource.PATROL, clueReceived)
                        .place(new Place("双阳区水库东岸", 43.52, 125.66))
                        .speciesCodes(List.of("cygnus-cygnus"))
                        .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                        .summary("巡护发现鸟网一张（故障测试）")
                        .operationId(operationId)
                        .build());
        producer.send(
                new ProducerRecord<>(Topics.agencyClues(Agency.FORESTRY), id, e),
                (meta, error) -> acknowledged(error, clues, id, e));
    }

    private void sendCase(int i) {
        String id = prefix() + i;
        Envelope<?> e = Envelope.of(
                SOURCE,
                Agency.FORESTRY,
                "220112",
                new CaseReported(
                        id,
                        CaseKind.ADMINISTRATIVE,
                        "220112",
                        Instant.now().minus(Duration.ofDays(1)),
                        "架网猎捕野生鸟类案（故障测试）",
                        List.of(Behaviour.ILLEGAL_HUNTING),
                        List.of(new SpeciesCount("anser-fabalis", 2, QuantityUnit.ANIMAL, null)),
                        new BigDecimal("600"),
                        CaseGrade.GENERAL,
                        null,
                        operationId));
        producer.send(
                new ProducerRecord<>(Topics.agencyCases(Agency.FORESTRY), id, e),
                (meta, error) -> acknowledged(error, cases, id, e));
    }

    private void acknowledged(Exception error, Set<String> kind, String id, Envelope<?> e) {
        if (error == null) {
            eventIds.put(id, e.id());
            kind.add(id);
        } else {
            refused.incrementAndGet();
        }
    }

    String eventId(String reportId) {
        return eventIds.get(reportId);
    }

    Set<String> eventIds() {
        return Set.copyOf(eventIds.values());
    }

    Set<String> clues() {
        return clues;
    }

    Set<String> cases() {
        return cases;
    }

    int sent() {
        return clues.size() + cases.size();
    }

    int refused() {
        return refused.get();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
