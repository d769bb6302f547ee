package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CasePause;
import cn.wildlife.caseservice.cases.domain.CaseStatus;
import cn.wildlife.caseservice.cases.domain.CustodyAction;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code cases} collection: one document per case with its timeline, applied event ids and outbox inside it, so
 * a change, its history entry and its events are one write. Case numbers come from {@code case_numbers}.
 *
 * <p>Parties' names, ID numbers, phones and addresses and suspects' identifier values are sealed at rest
 * ({@link FieldCipher}, contexts {@code cases.parties.<field>} and {@code cases.identifiers.value}); a value stored
 * before sealing reads as it is until a re-sealing run seals it.
 */
@Component
public class CaseStore {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The sealed fields, for the re-sealing run ({@code CaseConfiguration}). */
    static final List<String> SEALED_FIELDS = List.of(
            "parties[].name", "parties[].idNumber", "parties[].phone", "parties[].address", "identifiers[].value");

    private static final String IDENTIFIER_CONTEXT = "cases.identifiers.value";

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> numbers;
    private final FieldCipher cipher;

    public CaseStore(MongoDatabase database, FieldCipher cipher) {
        this.cases = database.getCollection("cases");
        this.numbers = database.getCollection("case_numbers");
        this.cipher = cipher;
        // One index behind each search filter; each starts with what every search has (agency or region).
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("agency", "region"), Indexes.descending("openedAt")));
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.descending("openedAt")));
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("openedAt")));
        // The commonest search, a status within an officer's scope: counted, and paged newest first, from these alone.
        cases.createIndex(
                Indexes.compoundIndex(Indexes.ascending("agency", "region", "status"), Indexes.descending("openedAt")));
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("region", "status"), Indexes.descending("openedAt")));
        cases.createIndex(Indexes.ascending("behaviours"));
        cases.createIndex(Indexes.ascending("speciesCodes"));
        cases.createIndex(Indexes.ascending("protectionLevel"));
        cases.createIndex(Indexes.ascending("operationId"));
        cases.createIndex(Indexes.ascending("flags"));
        // A number is never given twice, whatever the counter did (see nextSequence).
        cases.createIndex(Indexes.ascending("number"), new com.mongodb.client.model.IndexOptions().unique(true));
    }

    MongoCollection<Document> collection() {
        return cases;
    }

    /**
     * The next number of an agency's cases in a region and year. One atomic increment per number: two officers
     * opening cases at the same moment never get the same one.
     */
    public long nextSequence(Agency agency, String region, int year) {
        Document counter = numbers.findOneAndUpdate(
                Filters.eq("_id", agency.name() + ":" + region + ":" + year),
                Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("last")).longValue();
    }

    public static int yearOf(Instant openedAt) {
        return openedAt.atZone(CHINA).getYear();
    }

    /** Inserts a new case with its first timeline entry and events; false when the id is taken. */
    public boolean insert(
            Case c, Document timelineEntry, List<Document> events, Outbox outbox, @Nullable String appliedEventId) {
        Document doc = asDocument(c)
                .append("timeline", List.of(timelineEntry))
                .append("_applied", appliedEventId == null ? List.of() : List.of(appliedEventId));
        doc.putAll(outbox.newDocumentFields(events));
        return MongoSupport.insertIfAbsent(cases, doc);
    }

    /**
     * Saves a change if the case is still at the version it was read at (and, for an event, the event was not
     * applied yet); false otherwise: the caller answers 409, or knows the event is already applied.
     */
    public boolean update(
            Case after, Document timelineEntry, List<Document> events, Outbox outbox, @Nullable String appliedEventId) {
        List<Bson> filter =
                new ArrayList<>(List.of(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)));
        List<Bson> changes = new ArrayList<>();
        asDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(Updates.push("timeline", timelineEntry));
        if (after.status() != CaseStatus.OPEN) {
            // Its clocks closed with the change; an alert raised just before must not keep it "overdue".
            changes.add(Updates.set("overdueDeadlines", List.of()));
        }
        if (appliedEventId != null) {
            filter.add(Filters.ne("_applied", appliedEventId));
            changes.add(Updates.push("_applied", appliedEventId));
        }
        if (!events.isEmpty()) {
            changes.add(outbox.append(events));
        }
        return cases.updateOne(Filters.and(filter), Updates.combine(changes)).getModifiedCount() == 1;
    }

    public boolean applied(String caseId, String eventId) {
        // Looked up by id alone: a count, or a filter on the list, reads the whole collection on the embedded store.
        Document applied = cases.find(Filters.eq("_id", caseId))
                .projection(new Document("_applied", 1))
                .first();
        return applied != null
                && applied.getList("_applied", String.class, List.of()).contains(eventId);
    }

    public Optional<Case> find(String id) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", id))
                        .projection(new Document("timeline", 0).append(Outbox.ENTRIES, 0))
                        .first())
                .map(this::fromDocument);
    }

    /** A case by id, or by its platform number (what a transfer names it by). */
    public Optional<Case> findByIdOrNumber(String idOrNumber) {
        return find(idOrNumber)
                .or(() -> Optional.ofNullable(cases.find(Filters.eq("number", idOrNumber))
                                .projection(new Document("timeline", 0).append(Outbox.ENTRIES, 0))
                                .first())
                        .map(this::fromDocument));
    }

    public List<Document> timeline(String id) {
        Document doc = cases.find(Filters.eq("_id", id))
                .projection(new Document("timeline", 1))
                .first();
        return doc == null ? List.of() : doc.getList("timeline", Document.class, List.of());
    }

    /** One page of cases and how many match. */
    public record Page(List<Case> items, int page, int size, long total) {}

    public Page search(CaseQuery q) {
        List<Bson> filters = new ArrayList<>();
        if (q.agency() != null) {
            filters.add(Filters.eq("agency", q.agency().name()));
        }
        filters.add(Regions.within("region", q.regionPrefix()));
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status().name()));
        }
        if (q.kind() != null) {
            filters.add(Filters.eq("kind", q.kind().name()));
        }
        if (q.behaviour() != null) {
            filters.add(Filters.eq("behaviours", q.behaviour().name()));
        }
        if (q.species() != null) {
            filters.add(Filters.eq("speciesCodes", q.species()));
        }
        if (q.protectionLevel() != null) {
            filters.add(Filters.eq("protectionLevel", q.protectionLevel().name()));
        }
        if (q.grade() != null) {
            filters.add(Filters.eq("grade", q.grade().name()));
        }
        if (q.openedFrom() != null) {
            filters.add(Filters.gte("openedAt", Date.from(q.openedFrom())));
        }
        if (q.openedBefore() != null) {
            filters.add(Filters.lt("openedAt", Date.from(q.openedBefore())));
        }
        if (q.operationId() != null) {
            filters.add(Filters.eq("operationId", q.operationId()));
        }
        if (q.flag() != null) {
            filters.add(Filters.eq("flags", q.flag()));
        }
        if (q.supervised() != null) {
            filters.add(q.supervised() ? Filters.ne("supervision", null) : Filters.eq("supervision", null));
        }
        if (q.overdue() != null) {
            filters.add(
                    q.overdue()
                            ? Filters.ne("overdueDeadlines", List.of())
                            : Filters.or(
                                    Filters.exists("overdueDeadlines", false),
                                    Filters.eq("overdueDeadlines", List.of())));
        }
        Bson filter = Filters.and(filters);
        long total = cases.countDocuments(filter);
        // _id breaks ties so that paging never shows a case twice or skips one.
        Bson sort = switch (q.sort()) {
            case OPENED_NEWEST -> Sorts.orderBy(Sorts.descending("openedAt"), Sorts.ascending("_id"));
            case OPENED_OLDEST -> Sorts.orderBy(Sorts.ascending("openedAt"), Sorts.ascending("_id"));
            case VALUE_HIGHEST -> Sorts.orderBy(Sorts.descending("valueYuan"), Sorts.ascending("_id"));
        };
        List<Case> items = cases.find(filter)
                .projection(
                        new Document("timeline", 0).append(Outbox.ENTRIES, 0).append("_applied", 0))
                .sort(sort)
                .skip(q.page() * q.size())
                .limit(q.size())
                .map(this::fromDocument)
                .into(new ArrayList<>());
        return new Page(items, q.page(), q.size(), total);
    }

    /**
     * Marks a clock of the case overdue, or no longer overdue, as notification-service's alerts and deadline
     * closings say; idempotent by design ($addToSet / $pull).
     */
    public void markOverdue(String caseId, String deadlineId, boolean overdue) {
        cases.updateOne(
                Filters.and(Filters.eq("_id", caseId), Filters.eq("status", CaseStatus.OPEN.name())),
                overdue
                        ? Updates.addToSet("overdueDeadlines", deadlineId)
                        : Updates.pull("overdueDeadlines", deadlineId));
    }

    /** The pause the case's clocks are in, if any; kept beside the case so the case's own fields stay as they are. */
    public Optional<CasePause> pauseOf(String id) {
        Document doc = cases.find(Filters.eq("_id", id))
                .projection(new Document("pause", 1))
                .first();
        Document pause = doc == null ? null : doc.get("pause", Document.class);
        return Optional.ofNullable(pause)
                .map(p -> new CasePause(
                        CasePause.Kind.valueOf(p.getString("kind")),
                        p.getDate("since").toInstant(),
                        p.getString("reason"),
                        p.getString("by")));
    }

    /**
     * Starts ({@code pause} given) or ends (null) a pause if the case is still at the version it was read at, with
     * its timeline entry and events in the same write; false when the case changed meanwhile.
     */
    public boolean savePause(
            Case after, @Nullable CasePause pause, Document timelineEntry, List<Document> events, Outbox outbox) {
        Bson change = pause == null
                ? Updates.unset("pause")
                : Updates.set(
                        "pause",
                        new Document("kind", pause.kind().name())
                                .append("since", Date.from(pause.since()))
                                .append("reason", pause.reason())
                                .append("by", pause.by()));
        return cases.updateOne(
                                Filters.and(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)),
                                Updates.combine(
                                        change,
                                        Updates.set("version", after.version()),
                                        Updates.push("timeline", timelineEntry),
                                        outbox.append(events)))
                        .getModifiedCount()
                == 1;
    }

    Document asDocument(Case c) {
        return new Document("_id", c.id())
                .append("number", c.number())
                .append("kind", c.kind().name())
                .append("agency", c.agency().name())
                .append("region", c.region())
                .append("status", c.status().name())
                .append("openedAt", Date.from(c.openedAt()))
                .append("title", c.title())
                .append("behaviours", c.behaviours().stream().map(Enum::name).toList())
                .append(
                        "species",
                        c.species().stream()
                                .map(s -> new Document("speciesCode", s.speciesCode())
                                        .append("count", s.count())
                                        .append("unit", s.unit().name())
                                        .append(
                                                "protectionLevel",
                                                s.protectionLevel() == null
                                                        ? null
                                                        : s.protectionLevel().name()))
                                .toList())
                .append(
                        "speciesCodes",
                        c.species().stream()
                                .map(SpeciesCount::speciesCode)
                                .distinct()
                                .toList())
                .append(
                        "protectionLevel",
                        c.protectionLevel() == null ? null : c.protectionLevel().name())
                .append("value", c.value() == null ? null : new Decimal128(c.value()))
                .append("valueYuan", c.value() == null ? 0.0 : c.value().doubleValue())
                .append(
                        "parties",
                        c.parties().stream()
                                .map(p -> new Document("kind", p.kind().name())
                                        .append("name", sealParty(p.name(), "name"))
                                        .append("idNumber", sealParty(p.idNumber(), "idNumber"))
                                        .append("phone", sealParty(p.phone(), "phone"))
                                        .append("address", sealParty(p.address(), "address")))
                                .toList())
                .append("evidence", c.evidence())
                .append(
                        "identifiers",
                        c.identifiers().stream()
                                .map(i -> new Document("type", i.type().name())
                                        .append("value", cipher.seal(i.value(), IDENTIFIER_CONTEXT)))
                                .toList())
                .append("grade", c.grade().name())
                .append(
                        "seizures",
                        c.seizures().stream().map(CaseStore::seizure).toList())
                .append(
                        "supervision",
                        c.supervision() == null
                                ? null
                                : new Document("byRegion", c.supervision().byRegion())
                                        .append(
                                                "byAgency",
                                                c.supervision().byAgency().name())
                                        .append("by", c.supervision().by())
                                        .append("at", Date.from(c.supervision().at()))
                                        .append("note", c.supervision().note())
                                        .append(
                                                "dueBy",
                                                c.supervision().dueBy() == null
                                                        ? null
                                                        : Date.from(
                                                                c.supervision().dueBy())))
                .append(
                        "penalty",
                        c.penalty() == null
                                ? null
                                : new Document("decisionNumber", c.penalty().decisionNumber())
                                        .append(
                                                "decidedAt",
                                                Date.from(c.penalty().decidedAt()))
                                        .append(
                                                "fine",
                                                new Decimal128(c.penalty().fine()))
                                        .append("confiscation", c.penalty().confiscation())
                                        .append("summary", c.penalty().summary()))
                .append("clueId", c.clueId())
                .append("operationId", c.operationId())
                .append("transferred", c.transferred())
                .append("flags", c.flags())
                .append("version", c.version());
    }

    private static Document seizure(Case.Seizure s) {
        return new Document("itemId", s.itemId())
                .append("kind", s.kind().name())
                .append("speciesCode", s.speciesCode())
                .append("description", s.description())
                .append("quantity", new Decimal128(s.quantity()))
                .append("unit", s.unit().name())
                .append(
                        "custody",
                        s.custody().stream()
                                .map(e -> new Document("action", e.action().name())
                                        .append("holder", e.holder())
                                        .append("location", e.location())
                                        .append("at", Date.from(e.at()))
                                        .append("by", e.by())
                                        .append("note", e.note()))
                                .toList());
    }

    Case fromDocument(Document d) {
        Document supervision = d.get("supervision", Document.class);
        Document penalty = d.get("penalty", Document.class);
        return new Case(
                d.getString("_id"),
                d.getString("number"),
                CaseKind.valueOf(d.getString("kind")),
                Agency.valueOf(d.getString("agency")),
                d.getString("region"),
                CaseStatus.valueOf(d.getString("status")),
                d.getDate("openedAt").toInstant(),
                d.getString("title"),
                d.getList("behaviours", String.class, List.of()).stream()
                        .map(Behaviour::valueOf)
                        .toList(),
                d.getList("species", Document.class, List.of()).stream()
                        .map(s -> new SpeciesCount(
                                s.getString("speciesCode"),
                                ((Number) s.get("count")).longValue(),
                                QuantityUnit.valueOf(s.getString("unit")),
                                s.getString("protectionLevel") == null
                                        ? null
                                        : ProtectionLevel.valueOf(s.getString("protectionLevel"))))
                        .toList(),
                decimal(d.get("value")),
                d.getList("parties", Document.class, List.of()).stream()
                        .map(p -> new Case.Party(
                                Case.PartyKind.valueOf(p.getString("kind")),
                                openParty(p, "name"),
                                openParty(p, "idNumber"),
                                openParty(p, "phone"),
                                openParty(p, "address")))
                        .toList(),
                d.getList("evidence", String.class, List.of()),
                d.getList("identifiers", Document.class, List.of()).stream()
                        .map(i -> new Identifier(
                                IdentifierType.valueOf(i.getString("type")),
                                cipher.openStored(i.getString("value"), IDENTIFIER_CONTEXT)))
                        .toList(),
                CaseGrade.valueOf(d.getString("grade")),
                d.getList("seizures", Document.class, List.of()).stream()
                        .map(s -> new Case.Seizure(
                                s.getString("itemId"),
                                SeizureKind.valueOf(s.getString("kind")),
                                s.getString("speciesCode"),
                                s.getString("description"),
                                decimal(s.get("quantity")),
                                QuantityUnit.valueOf(s.getString("unit")),
                                s.getList("custody", Document.class, List.of()).stream()
                                        .map(e -> new Case.Custody(
                                                CustodyAction.valueOf(e.getString("action")),
                                                e.getString("holder"),
                                                e.getString("location"),
                                                e.getDate("at").toInstant(),
                                                e.getString("by"),
                                                e.getString("note")))
                                        .toList()))
                        .toList(),
                supervision == null
                        ? null
                        : new Case.Supervision(
                                supervision.getString("byRegion"),
                                Agency.valueOf(supervision.getString("byAgency")),
                                supervision.getString("by"),
                                supervision.getDate("at").toInstant(),
                                supervision.getString("note"),
                                supervision.getDate("dueBy") == null
                                        ? null
                                        : supervision.getDate("dueBy").toInstant()),
                penalty == null
                        ? null
                        : new Case.Penalty(
                                penalty.getString("decisionNumber"),
                                penalty.getDate("decidedAt").toInstant(),
                                decimal(penalty.get("fine")),
                                penalty.getBoolean("confiscation", false),
                                penalty.getString("summary")),
                d.getString("clueId"),
                d.getString("operationId"),
                d.getBoolean("transferred", false),
                d.getList("flags", String.class, List.of()),
                ((Number) d.get("version")).longValue());
    }

    private @Nullable String sealParty(@Nullable String value, String field) {
        return cipher.sealNullable(value, "cases.parties." + field);
    }

    private @Nullable String openParty(Document party, String field) {
        return cipher.openStored(party.getString(field), "cases.parties." + field);
    }

    private static @Nullable BigDecimal decimal(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
