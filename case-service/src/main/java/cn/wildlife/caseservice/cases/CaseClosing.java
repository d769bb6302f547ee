package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Closes a case (结案) with its reason. */
@Service
class CaseClosing {

    private final CaseWriter writer;
    private final CaseEvents events;
    private final Clock clock;
    private final CaseRules rules;

    CaseClosing(CaseWriter writer, CaseEvents events, Clock clock, CaseRules rules) {
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
    }

    Case close(Case before, String reason, long expectedVersion, ChangedBy by) {
        rules.requireVersion(before, expectedVersion);
        Case after = rules.ruled(before, before::closed);
        Instant at = clock.instant();
        return writer.save(
                before,
                after,
                "CLOSED",
                "结案：" + reason,
                by,
                at,
                new Document("reason", reason),
                List.of(events.event(EventType.CASE_CLOSED, after, by, at, null)));
    }
}
