package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineClock;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The deadline registry ({@code deadlines}); an index on state and due time backs the scheduler's scan. Fulfilling
 * events that came before the event opening their clock wait in {@code fulfilments}, keyed like the deadline.
 */
@Component
public class DeadlineStore {

    private final MongoCollection<Document> deadlines;
    private final MongoCollection<Document> fulfilments;

    /** A fulfilling fact seen before its clock was opened. */
    public record Fulfilment(String eventId, String eventType, Instant at) {}

    /** What closing a deadline found. */
    public enum Closing {
        CLOSED,
        ALREADY_CLOSED,
        NOT_OPENED
    }

    public DeadlineStore(MongoDatabase database) {
        this.deadlines = database.getCollection("deadlines");
        this.fulfilments = database.getCollection("fulfilments");
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("dueAt")));
        deadlines.createIndex(Indexes.ascending("subjectId"));
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.ascending("dueAt")));
        // The scheduler's scan: running clocks whose next check is due.
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("nextCheckAt")));
        deadlines.createIndex(Indexes.compoundIndex(Indexes.ascending("provisional"), Indexes.ascending("state")));
        // The gauges: running clocks counted by state, rule and agency from this index alone (DeadlineGauges).
        deadlines.createIndex(Indexes.ascending("state", "ruleId", "agency"));
    }

    MongoCollection<Document> collection() {
        return deadlines;
    }

    /** A deadline to insert, with the rule it runs by, whom else to tell of a miss, and its announcement. */
    public record NewDeadline(Deadline deadline, DeadlineRule rule, List<String> watchers, Document outboxEntry) {}

    /**
     * Inserts new deadlines (of distinct ids) with their announcements in one request; returns the ids inserted,
     * without those already open (a redelivered event). What the rule says about warnings, escalation, pauses and
     * extensions is kept with each, so a later rule version does not change a running clock. A deadline opened
     * already fulfilled (its fulfilment came first) is inserted closed. {@code watchers} are told besides the
     * responsible agency when it is missed (an operation's lead office).
     */
    public Set<String> insertAll(List<NewDeadline> news, Outbox outbox) {
        if (news.isEmpty()) {
            return Set.of();
        }
        List<Document> docs = news.stream().map(n -> document(n, outbox)).toList();
        Set<String> inserted = new LinkedHashSet<>();
        docs.forEach(d -> inserted.add(d.getString("_id")));
        if (inserted.size() != docs.size()) {
            throw new IllegalArgumentException("deadlines inserted together must have distinct ids");
        }
        try {
            deadlines.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!MongoSupport.isDuplicateKey(e)) {
                throw e;
            }
            e.getWriteErrors()
                    .forEach(error -> inserted.remove(docs.get(error.getIndex()).getString("_id")));
        }
        return inserted;
    }

    private Document document(NewDeadline n, Outbox outbox) {
        Deadline deadline = n.deadline();
        DeadlineRule rule = n.rule();
        Document doc = asDocument(deadline)
                .append("watchers", List.copyOf(n.watchers()))
                .append(
                        "warnBefore",
                        rule.warnBefore().stream().map(Duration::toString).toList())
                .append("escalateAfter", rule.escalateAfter().toString())
                .append("escalation", rule.escalation())
                .append("responsible", rule.responsible())
                .append("pausesOn", List.copyOf(rule.pausesOn()))
                .append("resumesOn", List.copyOf(rule.resumesOn()))
                .append("alertRound", 0)
                .append("alertsRaised", List.of());
        if (Deadline.State.NOT_CLOSED.contains(deadline.state().name())) {
            doc.append("nextCheckAt", Date.from(nextCheck(deadline.kind(), deadline.dueAt(), rule.warnBefore())));
        } else {
            Deadline.Change closing = deadline.history().get(deadline.history().size() - 1);
            doc.append("closedAt", Date.from(closing.at())).append("closedByEventId", closing.eventId());
        }
        doc.putAll(outbox.newDocumentFields(List.of(n.outboxEntry())));
        return doc;
    }

    /** When the scheduler looks at a running clock next: at the earliest warning, or when a window ends. */
    static Instant nextCheck(DeadlineRule.Kind kind, Instant dueAt, List<Duration> warnBefore) {
        Duration longest = warnBefore.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return kind == DeadlineRule.Kind.WINDOW ? dueAt : dueAt.minus(longest);
    }

    /**
     * Marks a deadline met, or met late when the fulfilling fact came after it was due. A paused clock stands still,
     * so fulfilling it while paused is in time. A deadline already closed is left as it is (the event was seen
     * before); one not opened is reported so that the fulfilment can wait for it.
     */
    public Closing close(String id, String eventId, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document open = deadlines
                    .find(Filters.and(Filters.eq("_id", id), Filters.in("state", Deadline.State.NOT_CLOSED)))
                    .first();
            if (open == null) {
                return deadlines
                                        .find(Filters.eq("_id", id))
                                        .projection(new Document("_id", 1))
                                        .first()
                                != null
                        ? Closing.ALREADY_CLOSED
                        : Closing.NOT_OPENED;
            }
            boolean late = !"PAUSED".equals(open.getString("state"))
                    && at.isAfter(open.getDate("dueAt").toInstant());
            String state = late ? "MET_LATE" : "MET";
            boolean closed = deadlines
                            .updateOne(
                                    Filters.and(Filters.eq("_id", id), Filters.eq("version", open.get("version"))),
                                    Updates.combine(
                                            Updates.set("state", state),
                                            Updates.set("closedAt", Date.from(at)),
                                            Updates.set("closedByEventId", eventId),
                                            Updates.unset("nextCheckAt"),
                                            Updates.push(
                                                    "history",
                                                    change(new Deadline.Change(
                                                            at,
                                                            state,
                                                            eventId,
                                                            null,
                                                            open.getDate("dueAt")
                                                                    .toInstant(),
                                                            late
                                                                    ? "fulfilled after the due time"
                                                                    : "fulfilled in time"))),
                                            Updates.inc("version", 1)))
                            .getModifiedCount()
                    == 1;
            if (closed) {
                return Closing.CLOSED;
            }
        }
        throw new IllegalStateException("deadline " + id + " kept changing while being closed; the event is retried");
    }

    /**
     * Keeps a fulfilling fact for a clock not opened yet; the first one kept stays. {@code keptAt} starts its
     * retention: one whose clock never opens is swept after it.
     */
    public void recordFulfilment(String id, Fulfilment fulfilment, Instant keptAt) {
        MongoSupport.insertIfAbsent(
                fulfilments,
                new Document("_id", id)
                        .append("eventId", fulfilment.eventId())
                        .append("eventType", fulfilment.eventType())
                        .append("at", Date.from(fulfilment.at()))
                        .append("keptAt", Date.from(keptAt)));
    }

    /** A kept fulfilment that its clock has taken in (opened closed, or closed by it) is no longer needed. */
    public void forgetFulfilment(String id) {
        fulfilments.deleteOne(Filters.eq("_id", id));
    }

    /**
     * Removes the fulfilments kept since before {@code cutoff} whose clock never opened; returns how many. Ones kept
     * by an earlier version without {@code keptAt} are dated now first, so they get the full retention too. Both
     * steps are conditional writes: instances sweeping at once remove each document once, and nothing else.
     */
    public long sweepFulfilments(Instant now, Instant cutoff) {
        fulfilments.updateMany(Filters.exists("keptAt", false), Updates.set("keptAt", Date.from(now)));
        return fulfilments.deleteMany(Filters.lt("keptAt", Date.from(cutoff))).getDeletedCount();
    }

    long keptFulfilments() {
        return fulfilments.countDocuments();
    }

    public Optional<Fulfilment> fulfilment(String id) {
        return Optional.ofNullable(fulfilments.find(Filters.eq("_id", id)).first())
                .map(DeadlineStore::fulfilmentOf);
    }

    /** The fulfilments kept for any of these clocks, by clock id, in one request. */
    public Map<String, Fulfilment> fulfilments(Collection<String> ids) {
        Map<String, Fulfilment> kept = new HashMap<>();
        fulfilments.find(Filters.in("_id", ids)).forEach(d -> kept.put(d.getString("_id"), fulfilmentOf(d)));
        return kept;
    }

    private static Fulfilment fulfilmentOf(Document d) {
        return new Fulfilment(
                d.getString("eventId"),
                d.getString("eventType"),
                d.getDate("at").toInstant());
    }

    public Optional<Deadline> find(String id) {
        return Optional.ofNullable(deadlines.find(Filters.eq("_id", id)).first())
                .map(DeadlineStore::fromDocument);
    }

    Optional<Document> document(String id) {
        return Optional.ofNullable(deadlines
                .find(Filters.eq("_id", id))
                .projection(new Document(Outbox.ENTRIES, 0))
                .first());
    }

    /** The ids of a subject's deadlines that are not closed. */
    List<String> notClosedOn(String subjectId) {
        return deadlines
                .find(Filters.and(Filters.eq("subjectId", subjectId), Filters.in("state", Deadline.State.NOT_CLOSED)))
                .projection(new Document("_id", 1))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /** The ids of the deadlines not closed whose due time is provisional (a year's calendar was missing). */
    List<String> provisionalNotClosed() {
        return deadlines
                .find(Filters.and(Filters.eq("provisional", true), Filters.in("state", Deadline.State.NOT_CLOSED)))
                .projection(new Document("_id", 1))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /**
     * Saves a clock moved by a pause, a resume, an extension or a recomputation, if the deadline is still at the
     * version it was read at and not closed; false otherwise (the caller reads it again).
     */
    boolean saveMove(
            String id,
            long readVersion,
            List<Bson> changes,
            Deadline.Change entry,
            List<Document> outboxEntries,
            Outbox outbox) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.push("history", change(entry)));
        all.add(Updates.inc("version", 1));
        if (!outboxEntries.isEmpty()) {
            all.add(outbox.append(outboxEntries));
        }
        return deadlines
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", id),
                                        Filters.eq("version", readVersion),
                                        Filters.in("state", Deadline.State.NOT_CLOSED)),
                                Updates.combine(all))
                        .getModifiedCount()
                == 1;
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
            filters.add(Regions.within("region", query.regionPrefix()));
        }
        if (query.state() != null) {
            filters.add(Filters.eq("state", query.state().name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = deadlines.countDocuments(filter);
        List<Deadline> items = deadlines
                .find(filter)
                .sort(Sorts.orderBy(Sorts.ascending("dueAt"), Sorts.ascending("_id")))
                .skip(query.page() * query.size())
                .limit(query.size())
                .map(DeadlineStore::fromDocument)
                .into(new ArrayList<>());
        return new Page(items, query.page(), query.size(), total);
    }

    /** One page of deadlines, soonest due first. */
    public record Page(List<Deadline> items, int page, int size, long total) {}

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
                .append("amount", d.amount())
                .append("unit", d.unit() == null ? null : d.unit().name())
                .append("dueAt", Date.from(d.dueAt()))
                .append("dueDate", d.dueDate() == null ? null : d.dueDate().toString())
                .append("provisional", d.provisional())
                .append("arithmetic", d.arithmetic())
                .append("state", d.state().name())
                .append("pauses", pauses(d.pauses()))
                .append("extensions", extensions(d.extensions()))
                .append(
                        "allowedExtensions",
                        d.allowedExtensions().stream()
                                .map(e -> new Document("amount", e.amount())
                                        .append("amountTotal", e.amountTotal())
                                        .append("unit", e.unit().name())
                                        .append("approval", e.approval())
                                        .append("agencies", List.copyOf(e.agencies())))
                                .toList())
                .append(
                        "history",
                        d.history().stream().map(DeadlineStore::change).toList())
                .append("version", d.version());
    }

    static List<Document> pauses(List<DeadlineClock.Pause> pauses) {
        return pauses.stream()
                .map(p -> new Document("cause", p.cause())
                        .append("from", Date.from(p.from()))
                        .append("to", p.to() == null ? null : Date.from(p.to()))
                        .append("counted", p.counted()))
                .toList();
    }

    static List<Document> extensions(List<DeadlineClock.Extension> extensions) {
        return extensions.stream()
                .map(e -> new Document("number", e.number())
                        .append("amount", e.amount())
                        .append("amountTotal", e.amountTotal())
                        .append("approval", e.approval())
                        .append("approvalReference", e.approvalReference())
                        .append("grantedBy", e.grantedBy())
                        .append("grantedAt", Date.from(e.grantedAt())))
                .toList();
    }

    static Document change(Deadline.Change c) {
        return new Document("at", Date.from(c.at()))
                .append("change", c.change())
                .append("eventId", c.eventId())
                .append("by", c.by())
                .append("dueAt", c.dueAt() == null ? null : Date.from(c.dueAt()))
                .append("note", c.note());
    }

    static Deadline fromDocument(Document doc) {
        String dueDate = doc.getString("dueDate");
        return new Deadline(
                doc.getString("_id"),
                doc.getString("ruleId"),
                doc.getInteger("ruleVersion"),
                doc.getString("title"),
                doc.getString("legalBasis"),
                DeadlineRule.Kind.valueOf(doc.getString("kind")),
                doc.getString("subjectType"),
                doc.getString("subjectId"),
                Agency.valueOf(doc.getString("agency")),
                doc.getString("region"),
                doc.getString("openedByEventId"),
                doc.getDate("startedAt").toInstant(),
                doc.getInteger("amount"),
                doc.getString("unit") == null ? null : DurationUnit.valueOf(doc.getString("unit")),
                doc.getDate("dueAt").toInstant(),
                dueDate == null ? null : LocalDate.parse(dueDate),
                doc.getBoolean("provisional", false),
                doc.getString("arithmetic"),
                Deadline.State.valueOf(doc.getString("state")),
                doc.getList("pauses", Document.class, List.of()).stream()
                        .map(p -> new DeadlineClock.Pause(
                                p.getString("cause"),
                                p.getDate("from").toInstant(),
                                instant(p.getDate("to")),
                                p.getBoolean("counted", true)))
                        .toList(),
                doc.getList("extensions", Document.class, List.of()).stream()
                        .map(e -> new DeadlineClock.Extension(
                                e.getInteger("number"),
                                e.getInteger("amount"),
                                e.getInteger("amountTotal"),
                                e.getString("approval"),
                                e.getString("approvalReference"),
                                e.getString("grantedBy"),
                                e.getDate("grantedAt").toInstant()))
                        .toList(),
                doc.getList("allowedExtensions", Document.class, List.of()).stream()
                        .map(e -> new DeadlineRule.Extension(
                                e.getInteger("amount"),
                                e.getInteger("amountTotal"),
                                DurationUnit.valueOf(e.getString("unit")),
                                e.getString("approval"),
                                java.util.Set.copyOf(e.getList("agencies", String.class, List.of()))))
                        .toList(),
                doc.getList("history", Document.class, List.of()).stream()
                        .map(h -> new Deadline.Change(
                                h.getDate("at").toInstant(),
                                h.getString("change"),
                                h.getString("eventId"),
                                h.getString("by"),
                                instant(h.getDate("dueAt")),
                                h.getString("note")))
                        .toList(),
                ((Number) doc.get("version")).longValue());
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
