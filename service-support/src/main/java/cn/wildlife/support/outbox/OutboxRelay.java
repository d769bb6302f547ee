package cn.wildlife.support.outbox;

import cn.wildlife.events.EventCodec;
import cn.wildlife.support.tracing.EventTracing;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.CurrentTraceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in aggregates' outboxes, in the order they were written, and only then removes them.
 * A crash between publishing and removing publishes the event again on restart: at-least-once, which consumers make
 * exactly-once in effect by recording event ids. Writers call {@link #wake()} so an event leaves at once instead of at
 * the next poll, and leave a hint (the aggregate's id) where to look.
 *
 * <p>Every request of a round names the aggregates by id (MongoDB's primary key, and the only index the embedded
 * stand-in uses besides unique ones) but the one that clears the pending flags of emptied outboxes. Replicas' relays
 * take no claims: each publishes what its own writers hinted, and a periodic scan finds what no hint named (a replica
 * that died before relaying). Only a scan meeting another relay's round of the same aggregate publishes an event
 * twice; removing an event by its id is idempotent, so neither relay loses or keeps what the other sent.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<MongoCollection<Document>> collections;
    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration pollInterval;
    private final int batchSize;
    private final Semaphore signal = new Semaphore(0);
    private final JsonFormat json = new JsonFormat();
    private final Counter published;
    private final Outbox outbox;
    private final EventTracing tracing;
    private final Runnable durable;
    private final Duration scanInterval;
    private final Duration missedHintScanInterval;
    /** A hint was found in no collection: the scan looks for what it named. */
    private boolean hintMissed;
    /** Aggregates written lately, by id, with how often they were looked up in vain: looked up by id. */
    private final java.util.Map<Object, Hint> hinted = new java.util.LinkedHashMap<>();
    /** What the gauges show, as of the last round (the map is the relay thread's alone). */
    private volatile int backlog;

    private volatile long oldestHintNanos;

    /** A hinted aggregate: since when it waits, and how often it was looked up in vain. */
    private record Hint(long since, int misses) {
        Hint missed() {
            return new Hint(since, misses + 1);
        }
    }

    private long lastScan;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(
            List<MongoCollection<Document>> collections,
            KafkaTemplate<String, CloudEvent> template,
            Duration pollInterval,
            int batchSize,
            MeterRegistry meters,
            Outbox outbox) {
        this(collections, template, pollInterval, batchSize, meters, outbox, EventTracing.OFF, () -> {});
    }

    /**
     * Each event is sent under the trace context its writer stored with it ({@link EventTracing}), and only once
     * {@code durable} has returned: on a store that holds writes in memory for a moment (the development store, with
     * {@code platform.consumer.sync-store}), it flushes them first, so that no event leaves for a write a crash could
     * still lose (the write then applied again would announce the same fact under a second event id).
     */
    public OutboxRelay(
            List<MongoCollection<Document>> collections,
            KafkaTemplate<String, CloudEvent> template,
            Duration pollInterval,
            int batchSize,
            MeterRegistry meters,
            Outbox outbox,
            EventTracing tracing,
            Runnable durable) {
        this.collections = List.copyOf(collections);
        this.outbox = outbox;
        this.tracing = tracing;
        this.durable = durable;
        // The relay is told what to publish (hints from the writers); looking for pending events in every collection
        // is only the safety net: at start, every 30 s (another replica died before relaying; hints dropped when too
        // many), and within 2 s of a hint found nowhere (an event whose key is not its document's id). On the
        // development store, which keeps no index but the unique ones, each look reads every stored aggregate.
        this.scanInterval = pollInterval.multipliedBy(150).compareTo(Duration.ofSeconds(30)) > 0
                ? pollInterval.multipliedBy(150)
                : Duration.ofSeconds(30);
        this.missedHintScanInterval = pollInterval.multipliedBy(10).compareTo(Duration.ofSeconds(2)) > 0
                ? pollInterval.multipliedBy(10)
                : Duration.ofSeconds(2);
        this.lastScan = System.nanoTime() - scanInterval.toNanos();
        this.template = template;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.published = Counter.builder("platform.outbox.published")
                .description("events relayed from outboxes")
                .register(meters);
        Gauge.builder("platform.outbox.backlog", this, r -> r.backlog)
                .description("aggregates written and not yet relayed, as their writers hinted them")
                .register(meters);
        Gauge.builder("platform.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description("how long the longest-waiting hinted aggregate has waited")
                .baseUnit("seconds")
                .register(meters);
        for (MongoCollection<Document> collection : this.collections) {
            collection.createIndex(Indexes.ascending(Outbox.PENDING));
        }
    }

    /** Tells the relay that something was just written. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        signal.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                int relayed = relayOnce();
                if (relayed == 0) {
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or the store is away: keep everything in the outbox and try again later.
                log.warn("Outbox relay could not publish, retrying: {}", e.getMessage());
                sleepQuietly(pollInterval.multipliedBy(5));
            }
        }
    }

    /**
     * Publishes one batch from every collection; returns how many events left. An aggregate whose events cannot be
     * sent keeps them and is tried again later; the others in the batch go ahead.
     */
    public int relayOnce() {
        long nowNanos = System.nanoTime();
        for (Object id : outbox.drainHints()) {
            hinted.putIfAbsent(id, new Hint(nowNanos, 0));
        }
        List<Object> tried = hinted.keySet().stream().limit(batchSize).toList();
        Set<Object> found = new HashSet<>();
        boolean scan = nowNanos - lastScan >= (hintMissed ? missedHintScanInterval : scanInterval).toNanos();
        if (scan) {
            lastScan = nowNanos;
            hintMissed = false;
        }
        int total = 0;
        // Aggregates that got new events while this round published the earlier ones: a writer hints before its
        // write lands, so this round may have taken that hint already.
        Set<Object> appended = new LinkedHashSet<>();
        for (MongoCollection<Document> collection : collections) {
            Set<Object> candidates = new LinkedHashSet<>();
            if (scan) {
                collection
                        .find(Filters.eq(Outbox.PENDING, true))
                        .projection(new Document("_id", 1))
                        .sort(new Document("_id", 1))
                        .limit(batchSize)
                        .forEach(c -> candidates.add(c.get("_id")));
            }
            for (Object id : tried) {
                if (candidates.size() >= batchSize) {
                    break;
                }
                if (!found.contains(id)) {
                    candidates.add(id);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            List<Document> aggregates = collection
                    .find(Filters.in("_id", candidates))
                    .projection(new Document(Outbox.ENTRIES, 1).append(Outbox.PENDING, 1))
                    .into(new ArrayList<>());
            aggregates.forEach(a -> found.add(a.get("_id")));
            aggregates.removeIf(
                    a -> a.getList(Outbox.ENTRIES, Document.class, List.of()).isEmpty()
                            && !a.getBoolean(Outbox.PENDING, false));
            if (!aggregates.isEmpty()) {
                total += publish(collection, aggregates, appended);
            }
        }
        // A hint found nowhere may name a write still landing: looked up again twice, then left to a scan soon.
        for (Object id : tried) {
            if (found.contains(id)) {
                Hint hint = hinted.remove(id);
                // Still waiting: to the back of the queue, keeping when it was first hinted (the age gauge).
                if (appended.contains(id)) {
                    hinted.put(id, new Hint(hint.since(), 0));
                }
            } else {
                hinted.computeIfPresent(id, (k, hint) -> {
                    if (hint.misses() < 2) {
                        return hint.missed();
                    }
                    hintMissed = true;
                    return null;
                });
            }
        }
        // Found by the scan rather than a hint, and still waiting.
        appended.forEach(id -> hinted.putIfAbsent(id, new Hint(nowNanos, 0)));
        published.increment(total);
        backlog = hinted.size();
        oldestHintNanos = hinted.values().stream().mapToLong(Hint::since).min().orElse(0);
        return total;
    }

    /**
     * Sends the aggregates' events and removes those sent; returns how many were sent and adds to {@code appended}
     * the aggregates that still have events waiting.
     */
    private int publish(MongoCollection<Document> collection, List<Document> aggregates, Set<Object> appended) {
        durable.run();
        // Send everything first (the producer batches), then wait per aggregate, in the order written.
        List<List<CompletableFuture<SendResult<String, CloudEvent>>>> sends = new ArrayList<>();
        for (Document aggregate : aggregates) {
            List<CompletableFuture<SendResult<String, CloudEvent>>> mine = new ArrayList<>();
            for (Document entry : aggregate.getList(Outbox.ENTRIES, Document.class, List.of())) {
                CloudEvent event =
                        json.deserialize(entry.getString("cloudEvent").getBytes(StandardCharsets.UTF_8));
                // The producer span (and the record's traceparent header) continues the trace that wrote the event.
                try (CurrentTraceContext.Scope writer =
                        tracing.continueFrom(event.getExtension(EventCodec.EXT_TRACEPARENT))) {
                    mine.add(template.send(entry.getString("topic"), entry.getString("key"), event));
                }
            }
            sends.add(mine);
        }
        List<Object> ids = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            Object id = aggregates.get(i).get("_id");
            List<Document> entries = aggregates.get(i).getList(Outbox.ENTRIES, Document.class, List.of());
            ids.add(id);
            for (int j = 0; j < entries.size(); j++) {
                try {
                    sends.get(i).get(j).join();
                    sent.add(entries.get(j).getString("eventId"));
                } catch (RuntimeException e) {
                    // Keep this event and the ones after it, so the aggregate's order holds on the next try.
                    log.warn(
                            "Outbox relay could not publish event {} of {}: {}",
                            entries.get(j).getString("eventId"),
                            id,
                            e.getMessage());
                    break;
                }
            }
        }
        // Event ids are unique, so one removal serves the whole batch and leaves what writers appended meanwhile.
        // The flag is cleared only where the outbox is empty when the store applies it: a writer that appends later
        // sets it again. That condition is the one request that reads past the ids on the embedded stand-in.
        if (!sent.isEmpty()) {
            collection.updateMany(Filters.in("_id", ids), Updates.pull(Outbox.ENTRIES, Filters.in("eventId", sent)));
        }
        collection.updateMany(
                Filters.and(Filters.in("_id", ids), Filters.size(Outbox.ENTRIES, 0)),
                Updates.set(Outbox.PENDING, false));
        // What is still pending (appended meanwhile, or not sent) goes again in the next round.
        collection
                .find(Filters.in("_id", ids))
                .projection(new Document(Outbox.PENDING, 1))
                .forEach(d -> {
                    if (d.getBoolean(Outbox.PENDING, false)) {
                        appended.add(d.get("_id"));
                    }
                });
        return sent.size();
    }

    private double oldestAgeSeconds() {
        long since = oldestHintNanos;
        return since == 0 ? 0 : (System.nanoTime() - since) / 1e9;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
