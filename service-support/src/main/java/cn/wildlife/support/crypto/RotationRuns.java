package cn.wildlife.support.crypto;

import cn.wildlife.support.crypto.KeyRotations.Kind;
import cn.wildlife.support.crypto.KeyRotations.Progress;
import cn.wildlife.support.crypto.KeyRotations.RunUnderWay;
import cn.wildlife.support.crypto.KeyRotations.State;
import cn.wildlife.support.crypto.KeyRotations.StepProgress;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of {@link KeyRotations} as the service's {@code crypto_rotations} collection keeps them: one document per
 * run with each step's progress, the one-at-a-time lock (a {@code running} document, insert-if-absent), and the lease
 * by which a run belongs to one instance until its last recorded batch is {@code lease} old.
 */
final class RotationRuns {

    private static final Logger log = LoggerFactory.getLogger(RotationRuns.class);
    private static final String LOCK = "running";
    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> runs;
    private final Clock clock;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    RotationRuns(MongoDatabase database, Clock clock, Duration lease) {
        this.runs = database.getCollection(KeyRotations.COLLECTION);
        this.clock = clock;
        this.lease = lease;
    }

    /** A new run of these steps, none walked yet; false when a run of this id exists already. */
    boolean insert(
            String id,
            Kind kind,
            String activeKey,
            String requestedBy,
            Instant startedAt,
            Instant walkAfter,
            List<String> steps) {
        Document run = new Document("_id", id)
                .append("kind", kind.name())
                .append("state", State.RUNNING.name())
                .append("activeKey", activeKey)
                .append("requestedBy", requestedBy)
                .append("startedAt", Date.from(startedAt))
                .append("walkAfter", Date.from(walkAfter))
                .append("leaseUntil", Date.from(startedAt))
                .append("attempts", 0)
                .append(
                        "steps",
                        steps.stream()
                                .map(name -> new Document("name", name)
                                        .append("total", -1L)
                                        .append("done", 0L)
                                        .append("changed", 0L)
                                        .append("refused", 0L)
                                        .append("lastId", null)
                                        .append("finished", false))
                                .toList());
        return MongoSupport.insertIfAbsent(runs, run);
    }

    boolean exists(String id) {
        return runs.find(Filters.eq("_id", id)).first() != null;
    }

    Optional<Progress> find(String id) {
        return Optional.ofNullable(runs.find(Filters.and(Filters.eq("_id", id), Filters.ne("_id", LOCK)))
                        .first())
                .map(RotationRuns::progress);
    }

    /** The latest runs, newest first. */
    List<Progress> recent(int limit) {
        return runs.find(Filters.ne("_id", LOCK))
                .sort(Sorts.descending("startedAt"))
                .limit(limit)
                .map(RotationRuns::progress)
                .into(new ArrayList<>());
    }

    /** The lock for run {@code id}; a {@link RunUnderWay} when another run holds it. A lock of an ended run is stale. */
    void takeLock(String id) {
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

    void releaseLock(String id) {
        runs.deleteOne(Filters.and(Filters.eq("_id", LOCK), Filters.eq("run", id)));
    }

    /** A run that is RUNNING and nobody's (its lease ran out), now this instance's; null when there is none. */
    @Nullable
    Document claim() {
        Instant now = clock.instant();
        return runs.findOneAndUpdate(
                Filters.and(
                        Filters.ne("_id", LOCK),
                        Filters.eq("state", State.RUNNING.name()),
                        Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(Updates.set("owner", instance), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Records progress if the run is still this instance's, renewing its lease; false when it is not. */
    boolean record(String id, Bson change) {
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

    /** The run walked every step: done, and the lock free for the next. */
    void finish(String id) {
        runs.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                Updates.combine(
                        Updates.set("state", State.DONE.name()),
                        Updates.set("finishedAt", Date.from(clock.instant())),
                        Updates.unset("owner")));
        releaseLock(id);
    }

    /** Lets the run go at once, for this instance after a restart or another one to take it up. */
    void release(String id) {
        runs.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                Updates.combine(Updates.set("leaseUntil", Date.from(clock.instant())), Updates.unset("owner")));
    }

    /** An attempt failed: tried again after a pause by whichever instance comes first, FAILED after five. */
    void fail(String id, RuntimeException e) {
        log.warn("Key rotation {} failed: {}", id, e.toString());
        Document after = runs.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance)),
                Updates.combine(
                        Updates.inc("attempts", 1),
                        Updates.set("error", e.toString()),
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
