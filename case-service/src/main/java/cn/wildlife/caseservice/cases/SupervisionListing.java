package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** 挂牌督办 by a superior region of the same agency, or by the supervision office. */
@Service
class SupervisionListing {

    private final CaseWriter writer;
    private final CaseEvents events;
    private final Clock clock;
    private final CaseRules rules;

    SupervisionListing(CaseWriter writer, CaseEvents events, Clock clock, CaseRules rules) {
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
    }

    Case listForSupervision(Case before, String note, @Nullable Instant dueBy, RegionCode byRegion, ChangedBy by) {
        Instant at = clock.instant();
        Case after = rules.ruled(
                before,
                () -> before.listedForSupervision(
                        new Case.Supervision(byRegion.code(), by.agency(), by.subject(), at, note, dueBy)));
        return writer.save(
                before,
                after,
                "SUPERVISION_LISTED",
                "挂牌督办（" + byRegion.code() + "）：" + note,
                by,
                at,
                new Document("byRegion", byRegion.code()).append("dueBy", dueBy == null ? null : Date.from(dueBy)),
                List.of(events.event(EventType.CASE_SUPERVISION_LISTED, after, by, at, byRegion.code())));
    }
}
