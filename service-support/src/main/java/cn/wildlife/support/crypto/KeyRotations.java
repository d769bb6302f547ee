package cn.wildlife.support.crypto;

import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Key rotation and re-sealing in the background, with progress kept in the service's {@code crypto_rotations}
 * collection. A rotation makes a new data key active, waits {@code platform.crypto.key-refresh} (so that every
 * instance seals new values under it), then walks the service's {@link RotationStep}s in order, recording after every
 * batch how far each got. A re-sealing run does the same without a new key: values under older keys and plain values
 * (stored before values were sealed) are sealed under the active one.
 *
 * <p>One run at a time per service (a {@code running} lock document, insert-if-absent). A run belongs to the instance
 * working on it for {@code platform.crypto.rotation-lease} after its last batch; when that instance stops or dies,
 * any instance (the same one restarted included) takes it up from its last recorded batch. Starting again after a
 * failure is harmless: a value already under the active key is left as it is.
 *
 * <p>At its first start after values began to be sealed, a service runs {@value #INITIAL_RUN} once: the data that was
 * stored in plain before is sealed, and what the steps recompute is recomputed.
 */
public final class KeyRotations implements SmartLifecycle {

    public static final String COLLECTION = "crypto_rotations";
    /** The re-sealing run every service makes once, at its first start with sealing. */
    public static final String INITIAL_RUN = "initial-seal";

    private static final Logger log = LoggerFactory.getLogger(KeyRotations.class);
    private static final String LOCK = "running";
    private static final int MAX_ATTEMPTS = 5;

    /** What a run does before it walks. */
    public enum Kind {
        /** A new data key first. */
        ROTATE,
        /** No new key. */
        RESEAL
    }

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * One step's progress: documents walked of those counted when it started ({@code total} is -1 before), documents
     * re-written, values that could not be opened.
     */
    public record StepProgress(String name, long total, long done, long changed, long refused, boolean finished) {}

    /** A run as its progress report shows it. */
    public record Progress(
            String id,
            Kind kind,
            State state,
            String activeKey,
            String requestedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            List<StepProgress> steps,
            @Nullable String error) {}

    /** Another run is under way: one at a time. */
    public static final class RunUnderWay extends RuntimeException {

        private final String runId;

        RunUnderWay(String runId) {
            super("the rotation " + runId + " is under way: wait for it to finish (its progress tells)");
            this.runId = runId;
        }

        public String runId() {
            return runId;
        }
    }

    private final MongoCollection<Document> runs;
    private final DataKeys keys;
    private final List<RotationStep> steps;
    private final Clock clock;
    private final Duration keyRefresh;
    private final Duration lease;
    private final int batch;
    private final Duration pollInterval;
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile boolean initialRunSettled;
    private @Nullable ScheduledExecutorService worker;

    public KeyRotations(
            MongoDatabase database,
            DataKeys keys,
            List<RotationStep> steps,
            CryptoProperties properties,
            Clock clock,
            Duration pollInterval) {
        this.runs = database.getCollection(COLLECTION);
        this.keys = keys;
        this.steps = List.copyOf(steps);
        this.clock = clock;
        this.keyRefresh = properties.keyRefresh();
        this.lease = properties.rotationLease();
        this.batch = Math.max(1, properties.rotationBatch());
        this.pollInterval = pollInterval;
        long distinct = steps.stream().map(RotationStep::name).distinct().count();
        if (distinct != steps.size()) {
            throw new IllegalArgumentException("two rotation steps share a name: " + names());
        }
    }

    /** Makes a new data key active and starts re-sealing everything under it; a {@link RunUnderWay} if one runs. */
    public Progress rotate(String requestedBy) {
        return begin(Kind.ROTATE, newRunId(), requestedBy);
    }

    /** Starts re-sealing under the active key (no new key); a {@link RunUnderWay} if one runs. */
    public Progress reseal(String requestedBy) {
        return begin(Kind.RESEAL, newRunId(), requestedBy);
    }

    public Optional<Progress> find(String id) {
        return Optional.ofNullable(runs.find(Filters.and(Filters.eq("_id", id), Filters.ne("_id", LOCK)))
                        .first())
                .map(KeyRotations::progress);
    }

    /** The latest runs, newest first. */
    public List<Progress> recent(int limit) {
        return runs.find(Filters.ne("_id", LOCK))
                .sort(Sorts.descending("startedAt"))
                .limit(limit)
                .map(KeyRotations::progress)
                .into(new ArrayList<>());
    }

    /** The data keys, newest first, without their bytes. */
    public List<DataKeys.KeyInfo> keys() {
        return keys.list();
    }

    private Progress begin(Kind kind, String id, String requestedBy) {
        takeLock(id);
        try {
            String activeKey = kind == Kind.ROTATE ? keys.rotate() : keys.activeId();
            Instant now = clock.instant();
            // Other instances read the keys again within key-refresh: only then is nothing new sealed under old keys.
            Instant walkAfter = kind == Kind.ROTATE ? now.plus(keyRefresh) : now;
            Document run = new Document("_id", id)
                    .append("kind", kind.name())
                    .append("state", State.RUNNING.name())
                    .append("activeKey", activeKey)
                    .append("requestedBy", requestedBy)
                    .append("startedAt", Date.from(now))
                    .append("walkAfter", Date.from(walkAfter))
                    .append("leaseUntil", Date.from(now))
                    .append("attempts", 0)
                    .append(
                            "steps",
                            steps.stream()
                                    .map(s -> new Document("name", s.name())
                                            .append("total", -1L)
                                            .append("done", 0L)
                                            .append("changed", 0L)
                                            .append("refused", 0L)
                                            .append("lastId", null)
                                            .append("finished", false))
                                    .toList());
            if (!MongoSupport.insertIfAbsent(runs, run)) {
                throw new IllegalStateException("a run named " + id + " exists already");
            }
            log.info(
                    "Key {} {} started, active data key {}",
                    kind == Kind.ROTATE ? "rotation" : "re-sealing",
                    id,
                    activeKey);
        } catch (RuntimeException e) {
            releaseLock(id);
            throw e;
        }
        wake();
        return find(id).orElseThrow();
    }

    private void takeLock(String id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (MongoSupport.insertIfAbsent(runs, new Document("_id", LOCK).append("run", id))) {
                return;
            }
            Document lock = runs.find(Filters.eq("_id", LOCK)).first();
            if (lock == null) {
                continue;
            }
            String holder = lock.getString("run");
            Document run = runs.find(Filters.eq("_id", holder)).first();
            if (run == null || !State.RUNNING.name().equals(run.getString("state"))) {
                // A lock left by a run that has ended (or was never written): stale.
                runs.deleteOne(Filters.and(Filters.eq("_id", LOCK), Filters.eq("run", holder)));
                continue;
            }
            throw new RunUnderWay(holder);
        }
        throw new IllegalStateException("could not take the rotation lock");
    }

    private void releaseLock(String id) {
        runs.deleteOne(Filters.and(Filters.eq("_id", LOCK), Filters.eq("run", id)));
    }

    private String newRunId() {
        return "rot-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                        .withZone(clock.getZone())
                        .format(clock.instant())
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    // ---- the worker ----

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "key-rotation");
            thread.setDaemon(true);
            return thread;
        });
        worker = executor;
        executor.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor;
        synchronized (this) {
            running = false;
            executor = worker;
            worker = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks the worker to look for work now rather than at its next poll. */
    private void wake() {
        ScheduledExecutorService executor = worker;
        if (executor != null && running) {
            try {
                executor.execute(this::poll);
            } catch (RejectedExecutionException e) {
                // Stopping.
            }
        }
    }

    /** On the worker's one thread only: never two at once. */
    private void poll() {
        if (!running) {
            return;
        }
        try {
            if (!initialRunSettled) {
                startInitialRun();
            }
            Document run;
            while (running && (run = claim()) != null) {
                work(run);
            }
        } catch (RuntimeException e) {
            log.warn("Key rotation worker: {}", e.toString());
        }
    }

    private void startInitialRun() {
        if (runs.find(Filters.eq("_id", INITIAL_RUN)).first() == null) {
            try {
                begin(Kind.RESEAL, INITIAL_RUN, "platform");
            } catch (RunUnderWay e) {
                // Another run walks everything anyway.
            } catch (IllegalStateException e) {
                // Another instance started it a moment earlier.
            }
        }
        initialRunSettled = true;
    }

    /** A run that is RUNNING and nobody's (its lease ran out), now this instance's; null when there is none. */
    private @Nullable Document claim() {
        Instant now = clock.instant();
        return runs.findOneAndUpdate(
                Filters.and(
                        Filters.ne("_id", LOCK),
                        Filters.eq("state", State.RUNNING.name()),
                        Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(Updates.set("owner", instance), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    private void work(Document run) {
        String id = run.getString("_id");
        try {
            Instant walkAfter = run.getDate("walkAfter").toInstant();
            while (running && clock.instant().isBefore(walkAfter)) {
                Thread.sleep(Math.min(
                        200,
                        Math.max(1, Duration.between(clock.instant(), walkAfter).toMillis())));
            }
            if (!running) {
                release(id);
                return;
            }
            keys.refresh();
            Map<String, RotationStep> byName =
                    steps.stream().collect(Collectors.toMap(RotationStep::name, Function.identity()));
            List<Document> recorded = run.getList("steps", Document.class, List.of());
            for (int i = 0; i < recorded.size(); i++) {
                Document step = recorded.get(i);
                RotationStep walker = byName.get(step.getString("name"));
                if (step.getBoolean("finished", false)) {
                    continue;
                }
                if (walker == null) {
                    // A step this version no longer has.
                    if (!record(id, Updates.set("steps." + i + ".finished", true))) {
                        return;
                    }
                    continue;
                }
                if (((Number) step.get("total")).longValue() < 0
                        && !record(id, Updates.set("steps." + i + ".total", walker.total()))) {
                    return;
                }
                Object lastId = step.get("lastId");
                while (true) {
                    if (!running) {
                        release(id);
                        return;
                    }
                    RotationStep.Batch done = walker.walk(lastId, batch);
                    lastId = done.lastId();
                    boolean recordedBatch = record(
                            id,
                            Updates.combine(
                                    Updates.inc("steps." + i + ".done", (long) done.walked()),
                                    Updates.inc("steps." + i + ".changed", (long) done.changed()),
                                    Updates.inc("steps." + i + ".refused", (long) done.refused()),
                                    Updates.set("steps." + i + ".lastId", lastId),
                                    Updates.set("steps." + i + ".finished", done.walked() == 0)));
                    if (!recordedBatch) {
                        return;
                    }
                    if (done.walked() == 0) {
                        break;
                    }
                }
            }
            Instant now = clock.instant();
            runs.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                    Updates.combine(
                            Updates.set("state", State.DONE.name()),
                            Updates.set("finishedAt", Date.from(now)),
                            Updates.unset("owner")));
            releaseLock(id);
            log.info("Key rotation {} done", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(id);
        } catch (RuntimeException e) {
            fail(id, e);
        }
    }

    /** Records progress if the run is still this instance's, renewing its lease; false when it is not. */
    private boolean record(String id, Bson change) {
        boolean mine = runs.updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                                Updates.combine(
                                        change,
                                        Updates.set(
                                                "leaseUntil",
                                                Date.from(clock.instant().plus(lease)))))
                        .getMatchedCount()
                == 1;
        if (!mine) {
            log.info("Key rotation {} was taken over by another instance", id);
        }
        return mine;
    }

    /** Lets the run go at once, for this instance after a restart or another one to take it up. */
    private void release(String id) {
        runs.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                Updates.combine(Updates.set("leaseUntil", Date.from(clock.instant())), Updates.unset("owner")));
    }

    private void fail(String id, RuntimeException e) {
        log.warn("Key rotation {} failed: {}", id, e.toString());
        Document after = runs.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                Updates.combine(
                        Updates.inc("attempts", 1),
                        Updates.set("error", e.toString()),
                        // Tried again after a pause, by whichever instance comes first.
                        Updates.set("leaseUntil", Date.from(clock.instant().plus(Duration.ofSeconds(10)))),
                        Updates.unset("owner")),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null && ((Number) after.get("attempts")).intValue() >= MAX_ATTEMPTS) {
            runs.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq("state", State.RUNNING.name())),
                    Updates.combine(
                            Updates.set("state", State.FAILED.name()),
                            Updates.set("finishedAt", Date.from(clock.instant()))));
            releaseLock(id);
        }
    }

    private String names() {
        return steps.stream().map(RotationStep::name).toList().toString();
    }

    private static Progress progress(Document d) {
        return new Progress(
                d.getString("_id"),
                Kind.valueOf(d.getString("kind")),
                State.valueOf(d.getString("state")),
                d.getString("activeKey"),
                d.getString("requestedBy"),
                d.getDate("startedAt").toInstant(),
                d.getDate("finishedAt") == null ? null : d.getDate("finishedAt").toInstant(),
                d.getList("steps", Document.class, List.of()).stream()
                        .map(s -> new StepProgress(
                                s.getString("name"),
                                ((Number) s.get("total")).longValue(),
                                ((Number) s.get("done")).longValue(),
                                ((Number) s.get("changed")).longValue(),
                                ((Number) s.get("refused")).longValue(),
                                s.getBoolean("finished", false)))
                        .toList(),
                d.getString("error"));
    }
}
