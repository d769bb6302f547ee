package cn.wildlife.inspection.results;

import cn.wildlife.inspection.RecordDocuments;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.Counted;
import cn.wildlife.inspection.results.domain.TallySums;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Builds the results tallies from the stored records when there are none yet (a new installation, an upgrade from a
 * version without them), in the background once the service has started, and only then starts the listeners that
 * keep them: an event they took before the build would be wiped by it. Until then the service is not ready
 * ({@link TalliesReadiness}). One instance builds; the others look again every few seconds until it is done.
 *
 * <p>To build them again on purpose (e.g. after the Kafka topics were recreated, whose offsets then start again from
 * 0), stop every inspection-service instance, delete the {@code resultLedger} collection and start them: a build
 * wipes the tallies, which listeners of an instance still running would be writing to.
 */
@Component
public class ResultsLedgerBuilder {

    public static final String RESULTS_LISTENER = "inspection-results";
    public static final String CASES_LISTENER = "inspection-cases";
    public static final String CLUES_LISTENER = "inspection-clues";

    private static final Logger log = LoggerFactory.getLogger(ResultsLedgerBuilder.class);

    private static final String BUILT = "tallies";
    private static final String BUILDING = "building";
    private static final Duration BUILD_LEASE = Duration.ofMinutes(15);
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);
    private static final int PAGE = 5_000;

    private final MongoDatabase database;
    private final MongoCollection<Document> state;
    private final RecordDocuments documents;
    private final ResultsLedger ledger;
    private final Runnable startListeners;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "results-tallies");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean ready;

    @Autowired
    ResultsLedgerBuilder(
            MongoDatabase database,
            RecordDocuments documents,
            ResultsLedger ledger,
            KafkaListenerEndpointRegistry listeners) {
        this(
                database,
                documents,
                ledger,
                () -> List.of(RESULTS_LISTENER, CASES_LISTENER, CLUES_LISTENER)
                        .forEach(id -> Objects.requireNonNull(listeners.getListenerContainer(id), id)
                                .start()));
    }

    ResultsLedgerBuilder(
            MongoDatabase database, RecordDocuments documents, ResultsLedger ledger, Runnable startListeners) {
        this.database = database;
        this.state = database.getCollection("resultLedger");
        this.documents = documents;
        this.ledger = ledger;
        this.startListeners = startListeners;
        // The build pages along these, in index order, instead of sorting an operation's records for every page.
        database.getCollection("caseFacts")
                .createIndex(
                        Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("openedAtMillis")));
        database.getCollection("clueFacts")
                .createIndex(
                        Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("receivedAtMillis")));
        database.getCollection("sorties")
                .createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("on")));
    }

    /** Whether the tallies exist and the listeners keeping them run. */
    public boolean ready() {
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.execute(this::attempt);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void attempt() {
        try {
            if (buildIfMissing()) {
                startListeners.run();
                ready = true;
                return;
            }
            log.info("Waiting for another instance to build the results tallies");
        } catch (RuntimeException e) {
            log.error("Could not build the results tallies; trying again in {}", LOOK_AGAIN, e);
        }
        if (!worker.isShutdown()) {
            worker.schedule(this::attempt, LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Builds the tallies unless they exist; false while another instance is building them. The records' collections
     * are read here rather than through their stores: a build must see every record whatever the stores' own
     * searches cap.
     */
    boolean buildIfMissing() {
        if (built()) {
            return true;
        }
        if (!claimBuilding()) {
            return false;
        }
        try {
            // Another instance may have finished between the look above and the claim: building again would wipe
            // tallies its listeners already keep.
            if (!built()) {
                build();
            }
        } finally {
            state.deleteOne(Filters.eq("_id", BUILDING));
        }
        return true;
    }

    private boolean built() {
        return state.find(Filters.eq("_id", BUILT)).first() != null;
    }

    /** Only one instance builds; a claim left by one that died while building lapses after {@link #BUILD_LEASE}. */
    private boolean claimBuilding() {
        Date now = new Date();
        if (MongoSupport.insertIfAbsent(state, new Document("_id", BUILDING).append("since", now))) {
            return true;
        }
        return state.updateOne(
                                Filters.and(
                                        Filters.eq("_id", BUILDING),
                                        Filters.lt(
                                                "since",
                                                Date.from(now.toInstant().minus(BUILD_LEASE)))),
                                Updates.set("since", now))
                        .getModifiedCount()
                == 1;
    }

    /** A build of millions of records outlasts the lease: it is renewed as the build goes. */
    private void renewClaim(long records) {
        state.updateOne(Filters.eq("_id", BUILDING), Updates.set("since", new Date()));
        log.info("Building the results tallies: {} records read so far", records);
    }

    private void build() {
        long start = System.nanoTime();
        TallySums sums = new TallySums();
        long records = 0;
        // Only records tagged with an operation count; an operation's id is inspection-service's own.
        List<String> operations = database.getCollection("operations")
                .find()
                .projection(Projections.include("_id"))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
        for (String operation : operations) {
            records += inPages(
                    database.getCollection("caseFacts"),
                    operation,
                    "openedAtMillis",
                    RecordParts.CASE_FIELDS,
                    d -> sums.add(RecordParts.ofCaseFact(d)));
            records += inPages(
                    database.getCollection("clueFacts"),
                    operation,
                    "receivedAtMillis",
                    null,
                    d -> sums.add(RecordParts.ofClue(
                            d.getString("operationId"),
                            d.getString("_id"),
                            d.getString("region"),
                            Instant.ofEpochMilli(((Number) d.get("receivedAtMillis")).longValue()))));
        }
        List<Document> counted = new ArrayList<>();
        for (String operation : operations) {
            records += inPages(database.getCollection("sorties"), operation, "on", null, d -> {
                Sortie s = documents.fromDocument(d, Sortie.class);
                Counted c = RecordParts.ofSortie(
                        s.operationId(), s.id(), s.region(), s.on(), s.personnel(), s.vehicles(), s.places());
                sums.add(c);
                counted.add(ResultsLedger.source("sortie:" + s.id(), 0, c));
            });
        }
        for (Document d : database.getCollection("inspections")
                .find()
                .projection(Projections.include("region", "status", "inspectedAt", "operationId", "version"))) {
            Date inspectedAt = d.getDate("inspectedAt");
            Counted c = RecordParts.ofInspection(
                    d.getString("_id"),
                    d.getString("region"),
                    d.getString("status"),
                    inspectedAt == null ? null : inspectedAt.toInstant(),
                    d.getString("operationId"));
            sums.add(c);
            counted.add(ResultsLedger.source(
                    "inspection:" + d.getString("_id"), ((Number) d.get("version")).longValue(), c));
            records++;
        }
        ledger.replaceAll(sums, counted);
        long millis = (System.nanoTime() - start) / 1_000_000;
        state.insertOne(new Document("_id", BUILT)
                .append("builtAt", new Date())
                .append("records", records)
                .append("tallies", sums.size())
                .append("millis", millis));
        log.info("Results tallies built from {} stored records into {} tallies in {} ms", records, sums.size(), millis);
    }

    /**
     * Hands every record of an operation to {@code each}, read a page at a time in the order of the index on
     * (operationId, {@code order}); returns how many. A page at a time keeps the build's memory bounded whatever the
     * store does with a query's answer (the development store holds a whole answer in memory until it is read).
     * A page ends after the last record with its {@code order} value, so records sharing one are never split.
     */
    private long inPages(
            MongoCollection<Document> collection,
            String operationId,
            String order,
            @Nullable Bson projection,
            Consumer<Document> each) {
        long read = 0;
        Object after = null;
        while (true) {
            Bson filter = after == null
                    ? Filters.eq("operationId", operationId)
                    : Filters.and(Filters.eq("operationId", operationId), Filters.gt(order, after));
            List<Document> page = collection
                    .find(filter)
                    .projection(projection)
                    .sort(Sorts.ascending(order, "_id"))
                    .limit(PAGE)
                    .into(new ArrayList<>());
            if (page.isEmpty()) {
                return read;
            }
            boolean full = page.size() == PAGE;
            Object last = page.get(page.size() - 1).get(order);
            if (full) {
                // The records at the last value, whether or not the page held them all.
                page.removeIf(d -> Objects.equals(d.get(order), last));
                page.addAll(collection
                        .find(Filters.and(Filters.eq("operationId", operationId), Filters.eq(order, last)))
                        .projection(projection)
                        .into(new ArrayList<>()));
            }
            for (Document d : page) {
                each.accept(d);
                if (++read % 100_000 == 0) {
                    renewClaim(read);
                }
            }
            if (!full) {
                return read;
            }
            after = last;
        }
    }
}
