package cn.wildlife.caseservice.clue;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.caseservice.clue.domain.Clue;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Erases the identity of reporters (举报人) whose clue reached its outcome longer ago than the retention period: the
 * reporter's document goes, the clue keeps {@code reporterOnFile: false} and the time of the erasure. Each erasure is
 * first written to the audit trail ({@link AuditAction#ERASURE}), then done: a pass that stops in between leaves the
 * clue to the next pass, which erases it and records it once more, so no erasure goes unrecorded.
 */
public final class ReporterErasure {

    static final String ERASED_AT = "reporterErasedAt";

    private static final List<String> OUTCOMES = Arrays.stream(Clue.Status.values())
            .filter(Clue.Status::hasOutcome)
            .map(Enum::name)
            .toList();

    private final MongoCollection<Document> clues;
    private final MongoCollection<Document> reporters;
    private final AuditTrail audit;
    private final Clock clock;

    public ReporterErasure(
            MongoCollection<Document> clues, MongoCollection<Document> reporters, AuditTrail audit, Clock clock) {
        this.clues = clues;
        this.reporters = reporters;
        this.audit = audit;
        this.clock = clock;
    }

    /** Erases up to {@code batch} reporters whose clue's first outcome is older than {@code cutoff}: how many. */
    public int eraseReachedOutcomeBefore(Instant cutoff, int batch) {
        Bson due = Filters.and(
                Filters.eq("reporterOnFile", true),
                Filters.in("status", OUTCOMES),
                Filters.elemMatch(
                        "steps", Filters.and(Filters.in("status", OUTCOMES), Filters.lt("at", Date.from(cutoff)))));
        List<Document> clueIds = clues.find(due)
                .projection(Projections.include("agency"))
                .limit(batch)
                .into(new ArrayList<>());
        for (Document clue : clueIds) {
            erase(clue.getString("_id"), clue.getString("agency"));
        }
        return clueIds.size();
    }

    private void erase(String clueId, String agency) {
        Instant now = clock.instant();
        audit.append(new AuditEntry(
                now,
                AuditEntry.Actor.system(),
                AuditAction.ERASURE,
                new AuditEntry.Target("clue-reporter", clueId, agency, null),
                AuditEntry.Origin.system()));
        reporters.deleteOne(Filters.eq("_id", clueId));
        clues.updateOne(
                Filters.eq("_id", clueId),
                Updates.combine(Updates.set("reporterOnFile", false), Updates.set(ERASED_AT, Date.from(now))));
    }

    /** When the reporter of this clue was erased; null when never (or the clue is unknown). */
    public @Nullable Instant erasedAt(String clueId) {
        Document clue = clues.find(Filters.eq("_id", clueId))
                .projection(Projections.include(ERASED_AT))
                .first();
        return clue == null || clue.getDate(ERASED_AT) == null
                ? null
                : clue.getDate(ERASED_AT).toInstant();
    }
}
