package cn.wildlife.notification.deadline;

import cn.wildlife.notification.deadline.domain.DeadlineRule;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deadlines stored before clocks could pause and be extended lack what that needs (the period, the warnings, the
 * pausing events, the allowed extensions, a history). They get it from the rule version they were opened with: all
 * of them at start, and any one an older instance still writes during a rolling upgrade when its clock is moved. A
 * data folder kept across upgrades goes on working.
 */
@Component
class DeadlineBackfill {

    private static final Logger log = LoggerFactory.getLogger(DeadlineBackfill.class);

    private final DeadlineStore store;
    private final RuleCatalogue rules;

    DeadlineBackfill(DeadlineStore store, RuleCatalogue rules) {
        this.store = store;
        this.rules = rules;
        int filled = 0;
        for (Document doc : store.collection().find(Filters.exists("amount", false))) {
            filled += fill(doc) ? 1 : 0;
        }
        if (filled > 0) {
            log.info(
                    "{} deadlines stored by an earlier version now carry their rule's period, pauses and extensions",
                    filled);
        }
    }

    /** Fills in one deadline from its rule version; false when that version is not stored or it was filled. */
    boolean fill(Document doc) {
        Optional<DeadlineRule> rule =
                rules.version(doc.getString("ruleId"), doc.getInteger("ruleVersion"), doc.getString("region"));
        if (rule.isEmpty()) {
            log.warn(
                    "Deadline {} names rule {} version {}, which is not stored; left as it is",
                    doc.getString("_id"),
                    doc.getString("ruleId"),
                    doc.getInteger("ruleVersion"));
            return false;
        }
        DeadlineRule r = rule.get();
        Document opened = new Document("at", doc.getDate("startedAt"))
                .append("change", "OPENED")
                .append("eventId", doc.getString("openedByEventId"))
                .append("by", null)
                .append("dueAt", doc.getDate("dueAt"))
                .append("note", doc.getString("arithmetic"));
        return store.collection()
                        .updateOne(
                                Filters.and(Filters.eq("_id", doc.getString("_id")), Filters.exists("amount", false)),
                                Updates.combine(
                                        Updates.set("amount", r.amount()),
                                        Updates.set("unit", r.unit().name()),
                                        Updates.set(
                                                "warnBefore",
                                                r.warnBefore().stream()
                                                        .map(Duration::toString)
                                                        .toList()),
                                        Updates.set("pausesOn", List.copyOf(r.pausesOn())),
                                        Updates.set("resumesOn", List.copyOf(r.resumesOn())),
                                        Updates.set(
                                                "allowedExtensions",
                                                r.extensions().stream()
                                                        .map(e -> new Document("amount", e.amount())
                                                                .append("amountTotal", e.amountTotal())
                                                                .append(
                                                                        "unit",
                                                                        e.unit().name())
                                                                .append("approval", e.approval())
                                                                .append("agencies", List.copyOf(e.agencies())))
                                                        .toList()),
                                        Updates.set("pauses", List.of()),
                                        Updates.set("extensions", List.of()),
                                        Updates.set("history", List.of(opened))))
                        .getModifiedCount()
                == 1;
    }
}
