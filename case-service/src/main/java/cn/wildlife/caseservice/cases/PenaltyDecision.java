package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * Records the administrative penalty decision and runs the 以罚代刑 check: a case crossing a prosecution threshold that
 * was never transferred is flagged, and the flag is announced to the procuratorate.
 */
@Service
class PenaltyDecision {

    /** The flag of the 以罚代刑 check. */
    static final String PENALTY_INSTEAD_OF_PROSECUTION = "PENALTY_INSTEAD_OF_PROSECUTION";

    private final CaseWriter writer;
    private final CaseEvents events;
    private final ProsecutionThresholds thresholds;
    private final Clock clock;
    private final CaseRules rules;

    PenaltyDecision(
            CaseWriter writer, CaseEvents events, ProsecutionThresholds thresholds, Clock clock, CaseRules rules) {
        this.writer = writer;
        this.events = events;
        this.thresholds = thresholds;
        this.clock = clock;
        this.rules = rules;
    }

    Case decidePenalty(Case before, Case.Penalty penalty, long expectedVersion, ChangedBy by) {
        rules.requireVersion(before, expectedVersion);
        Case decided = rules.ruled(before, () -> before.penaltyDecided(penalty));
        Instant at = clock.instant();
        List<Document> announced =
                new ArrayList<>(List.of(events.event(EventType.CASE_PENALTY_DECIDED, decided, by, at, null)));
        Document details = new Document("decisionNumber", penalty.decisionNumber())
                .append("fine", penalty.fine().toPlainString())
                .append("confiscation", penalty.confiscation());
        Case after = flagIfPenaltyInsteadOfProsecution(decided, by, at, announced, details);
        return writer.save(
                before,
                after,
                "PENALTY_DECIDED",
                "作出行政处罚决定 " + penalty.decisionNumber() + "，罚款" + penalty.fine().toPlainString() + "元"
                        + (penalty.confiscation() ? "，没收" : ""),
                by,
                at,
                details,
                announced);
    }

    private Case flagIfPenaltyInsteadOfProsecution(
            Case c, ChangedBy by, Instant at, List<Document> announced, Document details) {
        if (c.transferred() || c.flags().contains(PENALTY_INSTEAD_OF_PROSECUTION)) {
            return c;
        }
        List<ProsecutionThresholds.Threshold> crossed = thresholds.crossedBy(c);
        if (crossed.isEmpty()) {
            return c;
        }
        Case flagged = c.flagged(PENALTY_INSTEAD_OF_PROSECUTION);
        details.append(
                "thresholdsCrossed",
                crossed.stream()
                        .map(t -> new Document("id", t.id())
                                .append("title", t.title())
                                .append("legalSource", t.legalSource()))
                        .toList());
        announced.add(events.event(EventType.CASE_PENALTY_INSTEAD_OF_PROSECUTION, flagged, by, at, null));
        return flagged;
    }
}
