package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.support.outbox.Outbox;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What a change to a case leaves behind besides the case: its event on {@code platform.cases} and its timeline entry. */
@Component
class CaseEvents {

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The outbox entry announcing the case as it is after the change. */
    Document event(EventType type, Case c, ChangedBy by, Instant at, @Nullable String superiorRegion) {
        return event(type, c, by, at, superiorRegion, null);
    }

    Document event(
            EventType type,
            Case c,
            ChangedBy by,
            Instant at,
            @Nullable String superiorRegion,
            @Nullable String correlationId) {
        CaseChanged payload = new CaseChanged(
                c.id(),
                c.number(),
                c.kind(),
                c.agency(),
                c.region(),
                c.status().name(),
                c.openedAt(),
                at,
                by.subject(),
                by.door().name(),
                c.behaviours(),
                c.species(),
                c.protectionLevel(),
                c.seizures().stream().map(Case.Seizure::summary).toList(),
                c.value(),
                c.fines(),
                c.grade(),
                superiorRegion,
                c.clueId(),
                c.operationId(),
                c.transferred(),
                c.flags(),
                c.version());
        return outbox.entry(
                Topics.PLATFORM_CASES,
                Envelope.of(CaseServiceApplication.EVENT_SOURCE, c.agency(), c.region(), type, payload)
                        .withCorrelation(correlationId, null));
    }

    /** The timeline entry: who did what through which door, at the case's new version. */
    static Document timeline(Case c, String change, String summary, ChangedBy by, Instant at, Document details) {
        return new Document("version", c.version())
                .append("at", Date.from(at))
                .append("change", change)
                .append("summary", summary)
                .append("by", by.subject())
                .append("byName", by.name())
                .append("byAgency", by.agency().name())
                .append("door", by.door().name())
                .append("details", details);
    }

    /** The region a report upward or a supervision listing goes to. */
    static String superior(String region) {
        return new RegionCode(region).parent().code();
    }
}
