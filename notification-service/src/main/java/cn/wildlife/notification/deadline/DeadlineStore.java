package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The deadline registry ({@code deadlines}); an index on state and due time backs the scheduler's scan. */
@Component
public class DeadlineStore {

    private final MongoCollection<Document> deadlines;

    public DeadlineStore(MongoDatabase database) {
        this.deadlines = database.getCollection("deadlines");
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("dueAt")));
        deadlines.createIndex(Indexes.ascending("subjectId"));
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.ascending("dueAt")));
        // The scheduler's scan: running clocks whose next check is due.
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("nextCheckAt")));
    }

    MongoCollection<Document> collection() {
        return deadlines;
    }

    /**
     * Inserts a new deadline with its announcement; false when it is already open (a redelivered event). The rule's
     * warning and escalation settings are kept with it, so a later rule version does not change a running clock.
     */
    public boolean insert(Deadline deadline, DeadlineRule rule, Document outboxEntry, Outbox outbox) {
        Document doc = asDocument(deadline)
                .append("nextCheckAt", Date.from(rule.kind() == DeadlineRule.Kind.WINDOW ? deadline.dueAt()
                        : deadline.dueAt().minus(rule.longestWarning())))
                .append("escalateAfter", rule.escalateAfter().toString())
                .append("escalation", rule.escalation())
                .append("responsible", rule.responsible())
                .append("alertsRaised", List.of());
        doc.putAll(outbox.newDocumentFields(List.of(outboxEntry)));
        return MongoSupport.insertIfAbsent(deadlines, doc);
    }

    /**
     * Marks an open deadline met, or met late when the fulfilling fact came after it was due. A deadline already
     * closed, or not opened, is left as it is (the event was seen before, or its clock never started).
     */
    public boolean close(String id, String eventId, java.time.Instant at) {
        Bson running = Filters.and(Filters.eq("_id", id), Filters.in("state", Deadline.State.RUNNING));
        Document open = deadlines.find(running).first();
        if (open == null) {
            return false;
        }
        boolean late = at.isAfter(open.getDate("dueAt").toInstant());
        return deadlines.updateOne(running,
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("state", late ? "MET_LATE" : "MET"),
                        com.mongodb.client.model.Updates.set("closedAt", Date.from(at)),
                        com.mongodb.client.model.Updates.set("closedByEventId", eventId),
                        com.mongodb.client.model.Updates.unset("nextCheckAt"),
                        com.mongodb.client.model.Updates.inc("version", 1))).getModifiedCount() == 1;
    }

    public Optional<Deadline> find(String id) {
        return Optional.ofNullable(deadlines.find(Filters.eq("_id", id)).first()).map(DeadlineStore::fromDocument);
    }

    public Page search(DeadlineQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.subjectId() != null) {
            filters.add(Filters.eq("subjectId", query.subjectId()));
        }
        if (query.agency() != null) {
            filters.add(Filters.eq("agency", query.agency().name()));
        }
        if (query.regionPrefix() != null) {
            filters.add(Filters.regex("region", "^" + query.regionPrefix()));
        }
        if (query.state() != null) {
            filters.add(Filters.eq("state", query.state().name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = deadlines.countDocuments(filter);
        List<Deadline> items = deadlines.find(filter)
                .sort(Sorts.orderBy(Sorts.ascending("dueAt"), Sorts.ascending("_id")))
                .skip(query.page() * query.size()).limit(query.size())
                .map(DeadlineStore::fromDocument).into(new ArrayList<>());
        return new Page(items, query.page(), query.size(), total);
    }

    /** One page of deadlines, soonest due first. */
    public record Page(List<Deadline> items, int page, int size, long total) {
    }

    static Document asDocument(Deadline d) {
        return new Document("_id", d.id())
                .append("ruleId", d.ruleId())
                .append("ruleVersion", d.ruleVersion())
                .append("title", d.title())
                .append("legalBasis", d.legalBasis())
                .append("kind", d.kind().name())
                .append("subjectType", d.subjectType())
                .append("subjectId", d.subjectId())
                .append("agency", d.agency().name())
                .append("region", d.region())
                .append("openedByEventId", d.openedByEventId())
                .append("startedAt", Date.from(d.startedAt()))
                .append("dueAt", Date.from(d.dueAt()))
                .append("dueDate", d.dueDate() == null ? null : d.dueDate().toString())
                .append("provisional", d.provisional())
                .append("arithmetic", d.arithmetic())
                .append("state", d.state().name())
                .append("version", d.version());
    }

    static Deadline fromDocument(Document doc) {
        String dueDate = doc.getString("dueDate");
        return new Deadline(doc.getString("_id"), doc.getString("ruleId"), doc.getInteger("ruleVersion"),
                doc.getString("title"), doc.getString("legalBasis"), DeadlineRule.Kind.valueOf(doc.getString("kind")),
                doc.getString("subjectType"), doc.getString("subjectId"), Agency.valueOf(doc.getString("agency")),
                doc.getString("region"), doc.getString("openedByEventId"), doc.getDate("startedAt").toInstant(),
                doc.getDate("dueAt").toInstant(), dueDate == null ? null : java.time.LocalDate.parse(dueDate),
                doc.getBoolean("provisional", false), doc.getString("arithmetic"),
                Deadline.State.valueOf(doc.getString("state")), ((Number) doc.get("version")).longValue());
    }
}
