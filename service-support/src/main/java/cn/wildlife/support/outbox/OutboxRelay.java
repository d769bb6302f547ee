package cn.wildlife.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in aggregates' outboxes, in the order they were written, and only then removes them.
 * A crash between publishing and removing publishes the event again on restart: at-least-once, which consumers make
 * exactly-once in effect by recording event ids. Relays of several replicas share the store: each claims an aggregate
 * for a while before publishing its events, so replicas do not publish the same event twice while they run. Writers call {@link #wake()} so an event leaves at once instead of
 * at the next poll.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<MongoCollection<Document>> collections;
    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration claimFor;
    private final Semaphore signal = new Semaphore(0);
    private final JsonFormat json = new JsonFormat();
    private final Counter published;
    private final Outbox outbox;
    private final Duration scanInterval;
    /** Aggregates written lately, by id, with how often they were looked up in vain: looked up by id. */
    private final java.util.Map<Object, Integer> hinted = new java.util.LinkedHashMap<>();
    private long lastScan;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(List<MongoCollection<Document>> collections, KafkaTemplate<String, CloudEvent> template,
                       Duration pollInterval, int batchSize, MeterRegistry meters, Outbox outbox) {
        this.collections = List.copyOf(collections);
        this.outbox = outbox;
        // Looking for pending events is a scan of every collection on the embedded store (it keeps only unique
        // indexes), so that runs now and then; what writers just wrote is found by id through the hints.
        this.scanInterval = pollInterval.multipliedBy(10).compareTo(Duration.ofSeconds(2)) > 0
                ? pollInterval.multipliedBy(10) : Duration.ofSeconds(2);
        this.template = template;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        // Longer than a batch takes to send; short enough that a dead relay's events are soon taken over.
        this.claimFor = pollInterval.multipliedBy(20).compareTo(Duration.ofSeconds(30)) > 0
                ? pollInterval.multipliedBy(20) : Duration.ofSeconds(30);
        this.published = Counter.builder("platform.outbox.published").description("events relayed from outboxes")
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
            hinted.putIfAbsent(id, 0);
        }
        List<Object> tried = hinted.keySet().stream().limit(batchSize).toList();
        java.util.Set<Object> claimedIds = new java.util.HashSet<>();
        boolean scan = nowNanos - lastScan >= scanInterval.toNanos();
        if (scan) {
            lastScan = nowNanos;
        }
        int total = 0;
        for (MongoCollection<Document> collection : collections) {
            Date now = new Date();
            Bson claimable = Filters.and(Filters.eq(Outbox.PENDING, true), Filters.or(
                    Filters.exists(Outbox.CLAIMED_UNTIL, false), Filters.lt(Outbox.CLAIMED_UNTIL, now)));
            List<Document> candidates = new ArrayList<>();
            if (scan) {
                candidates = collection.find(claimable).projection(new Document("_id", 1))
                        .sort(new Document("_id", 1)).limit(batchSize).into(new ArrayList<>());
            }
            if (candidates.size() < batchSize) {
                java.util.Set<Object> seen = new java.util.HashSet<>();
                candidates.forEach(c -> seen.add(c.get("_id")));
                for (Object id : tried) {
                    if (candidates.size() >= batchSize) {
                        break;
                    }
                    if (!seen.contains(id) && !claimedIds.contains(id)) {
                        candidates.add(new Document("_id", id));
                    }
                }
            }
            // Each aggregate is claimed for a while before its events are read and sent, so that several relays
            // (service replicas) never publish the same event twice; a relay that dies leaves a claim that runs out.
            Date until = new Date(now.getTime() + claimFor.toMillis());
            List<Document> aggregates = new ArrayList<>();
            for (Document candidate : candidates) {
                Document claimed = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", candidate.get("_id")),
                        claimable), Updates.set(Outbox.CLAIMED_UNTIL, until), new FindOneAndUpdateOptions()
                        .projection(new Document(Outbox.ENTRIES, 1)).returnDocument(ReturnDocument.AFTER));
                if (claimed != null) {
                    aggregates.add(claimed);
                    claimedIds.add(candidate.get("_id"));
                }
            }
            if (aggregates.isEmpty()) {
                continue;
            }
            // Send everything first (the producer batches), then wait per aggregate, in the order written.
            List<List<CompletableFuture<SendResult<String, CloudEvent>>>> sends = new ArrayList<>();
            for (Document aggregate : aggregates) {
                List<CompletableFuture<SendResult<String, CloudEvent>>> mine = new ArrayList<>();
                for (Document entry : aggregate.getList(Outbox.ENTRIES, Document.class, List.of())) {
                    CloudEvent event = json.deserialize(entry.getString("cloudEvent")
                            .getBytes(StandardCharsets.UTF_8));
                    mine.add(template.send(entry.getString("topic"), entry.getString("key"), event));
                }
                sends.add(mine);
            }
            for (int i = 0; i < aggregates.size(); i++) {
                Document aggregate = aggregates.get(i);
                List<Document> entries = aggregate.getList(Outbox.ENTRIES, Document.class, List.of());
                List<String> sent = new ArrayList<>();
                for (int j = 0; j < entries.size(); j++) {
                    try {
                        sends.get(i).get(j).join();
                        sent.add(entries.get(j).getString("eventId"));
                    } catch (RuntimeException e) {
                        // Keep this event and the ones after it, so the aggregate's order holds on the next try.
                        log.warn("Outbox relay could not publish event {} of {}: {}", entries.get(j)
                                .getString("eventId"), aggregate.get("_id"), e.getMessage());
                        break;
                    }
                }
                Object id = aggregate.get("_id");
                if (sent.isEmpty()) {
                    collection.updateOne(Filters.eq("_id", id), Updates.unset(Outbox.CLAIMED_UNTIL));
                    continue;
                }
                total += sent.size();
                // The usual case, everything sent and nothing appended meanwhile (the claim keeps other relays
                // away, so the same count means the same entries): one write empties the outbox.
                if (sent.size() == entries.size() && collection.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.size(Outbox.ENTRIES, entries.size())), Updates.combine(
                        Updates.set(Outbox.ENTRIES, List.of()), Updates.set(Outbox.PENDING, false),
                        Updates.unset(Outbox.CLAIMED_UNTIL))).getModifiedCount() == 1) {
                    continue;
                }
                collection.updateOne(Filters.eq("_id", id), Updates.combine(
                        Updates.pull(Outbox.ENTRIES, Filters.in("eventId", sent)), Updates.unset(Outbox.CLAIMED_UNTIL)));
                // Cleared only if nothing was appended meanwhile; otherwise the next round takes the newcomers.
                collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.size(Outbox.ENTRIES, 0)),
                        Updates.set(Outbox.PENDING, false));
            }
        }
        // A hint found nowhere may name a write still landing: looked up again twice, then left to the scan.
        for (Object id : tried) {
            if (claimedIds.contains(id)) {
                hinted.remove(id);
            } else {
                hinted.computeIfPresent(id, (k, misses) -> misses >= 2 ? null : misses + 1);
            }
        }
        published.increment(total);
        return total;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
