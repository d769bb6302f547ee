package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CaseChange;
import cn.wildlife.caseservice.cases.domain.CasePause;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stops and restarts a case's legal clocks for an appraisal, a hearing or a suspension. Each start and end is a change
 * of the case (its next version) so a stale view cannot pause or resume it.
 */
@Service
class CaseClocks {

    private final CaseStore store;
    private final CaseWriter writer;
    private final CaseEvents events;
    private final Clock clock;
    private final CaseRules rules;

    CaseClocks(CaseStore store, CaseWriter writer, CaseEvents events, Clock clock, CaseRules rules) {
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
    }

    /**
     * Stops the case's clocks from {@code since} (when the appraisal, hearing or suspension started, which may be
     * earlier than now). Only an open case's clocks run; one pause at a time.
     */
    Case startPause(
            Case before, CasePause.Kind kind, Instant since, String reason, long expectedVersion, ChangedBy by) {
        rules.requireVersion(before, expectedVersion);
        rules.require(before, CaseChange.PAUSE);
        CasePause pause = rules.ruled(
                before, () -> before.pause(store.pauseOf(before.id()).orElse(null), kind, since, reason, by.subject()));
        Case after = before.toBuilder().build();
        Instant at = clock.instant();
        Document entry = CaseEvents.timeline(
                after,
                "PAUSED",
                kind.label() + "，期限暂停计算：" + reason,
                by,
                at,
                new Document("kind", kind.name())
                        .append("since", Date.from(since))
                        .append("reason", reason));
        return writer.savePause(
                before, after, pause, entry, List.of(events.event(kind.started(), after, by, since, null)));
    }

    /** Ends the pause of that kind at {@code until}: the case's clocks run again, later by the time paused. */
    Case endPause(
            Case before,
            CasePause.Kind kind,
            Instant until,
            @Nullable String note,
            long expectedVersion,
            ChangedBy by) {
        rules.requireVersion(before, expectedVersion);
        CasePause current = rules.ruled(before, () -> {
            CasePause running = store.pauseOf(before.id()).orElse(null);
            before.requireResumable(running, kind, until);
            return running;
        });
        Case after = before.toBuilder().build();
        Instant at = clock.instant();
        String text = kind.label() + "结束，期限恢复计算" + (note == null || note.isBlank() ? "" : "：" + note);
        Document entry = CaseEvents.timeline(
                after,
                "RESUMED",
                text,
                by,
                at,
                new Document("kind", kind.name())
                        .append("since", Date.from(current.since()))
                        .append("until", Date.from(until))
                        .append("note", note));
        return writer.savePause(
                before, after, null, entry, List.of(events.event(kind.finished(), after, by, until, null)));
    }
}
