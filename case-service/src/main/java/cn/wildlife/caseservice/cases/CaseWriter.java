package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CasePause;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each change to a case is one write: the case at its next version, its timeline entry and its events in the outbox.
 * A case another change got to first is answered as stale.
 */
@Component
class CaseWriter {

    private final CaseStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final CaseRules rules;

    CaseWriter(CaseStore store, Outbox outbox, OutboxRelay relay, CaseRules rules) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.rules = rules;
    }

    Case save(
            Case before,
            Case after,
            String change,
            String summary,
            ChangedBy by,
            Instant at,
            Document details,
            List<Document> events) {
        if (!store.update(after, CaseEvents.timeline(after, change, summary, by, at, details), events, outbox, null)) {
            throw rules.stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    /** Saves the case with its pause started, or ended when {@code pause} is null. */
    Case savePause(Case before, Case after, @Nullable CasePause pause, Document entry, List<Document> events) {
        if (!store.savePause(after, pause, entry, events, outbox)) {
            throw rules.stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    /** Inserts a new case; false when its id or number is taken, or the event that reports it was applied. */
    boolean insert(Case c, Document entry, List<Document> events, @Nullable String eventId) {
        if (!store.insert(c, entry, events, outbox, eventId)) {
            return false;
        }
        relay.wake();
        return true;
    }

    /** Applies another platform fact once; false when the case changed meanwhile. */
    boolean apply(Case after, Document entry, List<Document> events, String eventId) {
        if (!store.update(after, entry, events, outbox, eventId)) {
            return false;
        }
        relay.wake();
        return true;
    }
}
