package cn.wildlife.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
    private final Duration missedHintScanInterval;
    /** A hint was found in no collection: the scan looks for what it named. */
    private boolean hintMissed;
    /** Aggregates written lately, by id, with how often they were looked up in vain: looked up by id. */
    private final java.util.Map<Object, Integer> hinted = new java.util.LinkedHashMap<>();

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
        this.collections = List.copyOf(collections);
        this.outbox = outbox;
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
        // Longer than a batch takes to send; short enough that a dead relay's events are soon taken over.
        this.claimFor = pollInterval.multipliedBy(20).compareTo(Duration.ofSeconds(30)) > 0
                ? pollInterval.multipliedBy(20)
                : Duration.ofSeconds(30);
        this.published = Counter.builder("platform.outbox.published")
                .description("events relayed from outboxes")
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
     * sent keeps them and is tried again later; the others in the batch go ahead. Each step is one request to the
     * store for the whole batch: claiming, reading, clearing one aggregate at a time cost a round trip each, and
     * hints looked up in every collection (an id names its aggregate, not its collection) multiplied that.
     */
    public int relayOnce() {
        long nowNanos = System.nanoTime();
        for (Object id : outbox.drainHints()) {
            hinted.putIfAbsent(id, 0);
        }
        List<Object> tried = hinted.keySet().stream().limit(batchSize).toList();
        Set<Object> claimedIds = new HashSet<>();
        boolean scan = nowNanos - lastScan >= (hintMissed ? missedHintScanInterval : scanInterval).toNanos();
        if (scan) {
            lastScan = nowNanos;
            hintMissed = false;
        }
        int total = 0;
        // Aggregates that got new events while this round published the earlier ones: a writer hints before its
        // write lands, so this round may have taken that hint already.
        List<Object> appended = new ArrayList<>();
        for (MongoCollection<Document> collection : collections) {
            Date now = new Date();
            Bson claimable = Filters.and(
                    Filters.eq(Outbox.PENDING, true),
                    Filters.or(Filters.exists(Outbox.CLAIMED_UNTIL, false), Filters.lt(Outbox.CLAIMED_UNTIL, now)));
            Set<Object> candidates = new LinkedHashSet<>();
            if (scan) {
                collection
                        .find(claimable)
                        .projection(new Document("_id", 1))
                        .sort(new Document("_id", 1))
                        .limit(batchSize)
                        .forEach(c -> candidates.add(c.get("_id")));
            }
            for (Object id : tried) {
                if (candidates.size() >= batchSize) {
                    break;
                }
                if (!claimedIds.contains(id)) {
                    candidates.add(id);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            // The candidates are claimed for a while before their events are read and sent, so that several relays
            // (service replicas) never publish the same event twice; a relay that dies leaves claims that run out.
            // Each document's claim is atomic; the round's token tells which of them this relay won.
            String token = UUID.randomUUID().toString();
            Date until = new Date(now.getTime() + claimFor.toMillis());
            collection.updateMany(
                    Filters.and(Filters.in("_id", candidates), claimable),
                    Updates.combine(Updates.set(Outbox.CLAIMED_UNTIL, until), Updates.set(Outbox.CLAIMED_BY, token)));
            List<Document> aggregates = collection
                    .find(Filters.and(Filters.in("_id", candidates), Filters.eq(Outbox.CLAIMED_BY, token)))
                    .projection(new Document(Outbox.ENTRIES, 1))
                    .into(new ArrayList<>());
            if (aggregates.isEmpty()) {
                continue;
            }
            aggregates.forEach(a -> claimedIds.add(a.get("_id")));
            total += publish(collection, aggregates, token, appended);
        }
        // A hint found nowhere may name a write still landing: looked up again twice, then left to a scan soon.
        for (Object id : tried) {
            if (claimedIds.contains(id)) {
                hinted.remove(id);
            } else {
                hinted.computeIfPresent(id, (k, misses) -> {
                    if (misses < 2) {
                        return misses + 1;
                    }
                    hintMissed = true;
                    return null;
                });
            }
        }
        appended.forEach(id -> hinted.put(id, 0));
        published.increment(total);
        return total;
    }

    /**
     * Sends the claimed aggregates' events, removes those sent and releases the claims; returns how many were sent
     * and adds to {@code appended} the aggregates that still have events waiting.
     */
    private int publish(
            MongoCollection<Document> collection, List<Document> aggregates, String token, List<Object> appended) {
        // Send everything first (the producer batches), then wait per aggregate, in the order written.
        List<List<CompletableFuture<SendResult<String, CloudEvent>>>> sends = new ArrayList<>();
        for (Document aggregate : aggregates) {
            List<CompletableFuture<SendResult<String, CloudEvent>>> mine = new ArrayList<>();
            for (Document entry : aggregate.getList(Outbox.ENTRIES, Document.class, List.of())) {
                CloudEvent event =
                        json.deserialize(entry.getString("cloudEvent").getBytes(StandardCharsets.UTF_8));
                mine.add(template.send(entry.getString("topic"), entry.getString("key"), event));
            }
            sends.add(mine);
        }
        int total = 0;
        List<WriteModel<Document>> releases = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        Bson release = Updates.combine(Updates.unset(Outbox.CLAIMED_UNTIL), Updates.unset(Outbox.CLAIMED_BY));
        for (int i = 0; i < aggregates.size(); i++) {
            Document aggregate = aggregates.get(i);
            Object id = aggregate.get("_id");
            List<Document> entries = aggregate.getList(Outbox.ENTRIES, Document.class, List.of());
            List<String> sent = new ArrayList<>();
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
            total += sent.size();
            ids.add(id);
            // Each write rewrites the whole aggregate in the store, so the usual case takes one: every event was
            // sent and none appended meanwhile (the outbox holds exactly those sent, and the claim is still this
            // round's), and the outbox is emptied, the flag cleared and the claim released together. Otherwise
            // only the events sent are taken out. The two filters exclude each other, so at most one applies
            // whatever order the store runs them in; neither applies when another relay took the claim over.
            Bson ours = Filters.and(Filters.eq("_id", id), Filters.eq(Outbox.CLAIMED_BY, token));
            Bson exactlySent = sent.isEmpty()
                    ? Filters.size(Outbox.ENTRIES, 0)
                    : Filters.and(
                            Filters.size(Outbox.ENTRIES, sent.size()), Filters.all(Outbox.ENTRIES + ".eventId", sent));
            if (sent.size() == entries.size()) {
                releases.add(new UpdateOneModel<>(
                        Filters.and(ours, exactlySent),
                        Updates.combine(
                                Updates.set(Outbox.ENTRIES, List.of()), Updates.set(Outbox.PENDING, false), release)));
            }
            releases.add(new UpdateOneModel<>(
                    Filters.and(ours, Filters.nor(exactlySent)),
                    sent.isEmpty()
                            ? release
                            : Updates.combine(Updates.pull(Outbox.ENTRIES, Filters.in("eventId", sent)), release)));
        }
        collection.bulkWrite(releases, new BulkWriteOptions().ordered(false));
        // What is still pending (appended meanwhile, or not sent) goes again in the next round.
        collection
                .find(Filters.and(Filters.in("_id", ids), Filters.eq(Outbox.PENDING, true)))
                .projection(new Document("_id", 1))
                .forEach(d -> appended.add(d.get("_id")));
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
