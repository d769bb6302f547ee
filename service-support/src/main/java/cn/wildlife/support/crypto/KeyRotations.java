package cn.wildlife.support.crypto;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
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

    private final RotationRuns runs;
    private final DataKeys keys;
    private final List<RotationStep> steps;
    private final Clock clock;
    private final Duration keyRefresh;
    private final int batch;
    private final Duration pollInterval;
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
        this.runs = new RotationRuns(database, clock, properties.rotationLease());
        this.keys = keys;
        this.steps = List.copyOf(steps);
        this.clock = clock;
        this.keyRefresh = properties.keyRefresh();
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
        return runs.find(id);
    }

    /** The latest runs, newest first. */
    public List<Progress> recent(int limit) {
        return runs.recent(limit);
    }

    /** The data keys, newest first, without their bytes. */
    public List<DataKeys.KeyInfo> keys() {
        return keys.list();
    }

    private Progress begin(Kind kind, String id, String requestedBy) {
        runs.takeLock(id);
        try {
            String activeKey = kind == Kind.ROTATE ? keys.rotate() : keys.activeId();
            Instant now = clock.instant();
            // Other instances read the keys again within key-refresh: only then is nothing new sealed under old keys.
            Instant walkAfter = kind == Kind.ROTATE ? now.plus(keyRefresh) : now;
            List<String> names = steps.stream().map(RotationStep::name).toList();
            if (!runs.insert(id, kind, activeKey, requestedBy, now, walkAfter, names)) {
                throw new IllegalStateException("a run named " + id + " exists already");
            }
            log.info(
                    "Key {} {} started, active data key {}",
                    kind == Kind.ROTATE ? "rotation" : "re-sealing",
                    id,
                    activeKey);
        } catch (RuntimeException e) {
            runs.releaseLock(id);
            throw e;
        }
        wake();
        return find(id).orElseThrow();
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
            while (running && (run = runs.claim()) != null) {
                work(run);
            }
        } catch (RuntimeException e) {
            log.warn("Key rotation worker: {}", e.toString());
        }
    }

    private void startInitialRun() {
        if (!runs.exists(INITIAL_RUN)) {
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
                runs.release(id);
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
                    if (!runs.record(id, Updates.set("steps." + i + ".finished", true))) {
                        return;
                    }
                    continue;
                }
                if (((Number) step.get("total")).longValue() < 0
                        && !runs.record(id, Updates.set("steps." + i + ".total", walker.total()))) {
                    return;
                }
                Object lastId = step.get("lastId");
                while (true) {
                    if (!running) {
                        runs.release(id);
                        return;
                    }
                    RotationStep.Batch done = walker.walk(lastId, batch);
                    lastId = done.lastId();
                    boolean recordedBatch = runs.record(
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
            runs.finish(id);
            log.info("Key rotation {} done", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.release(id);
        } catch (RuntimeException e) {
            runs.fail(id, e);
        }
    }

    private String names() {
        return steps.stream().map(RotationStep::name).toList().toString();
    }
}
