package cn.wildlife.inspection.facility;

import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The facility registry ({@code facilities}): one document per facility with its ledger, measures and pending
 * events; a licence number is registered once.
 */
@Component
public class FacilityStore {

    private final MongoCollection<Document> facilities;

    public FacilityStore(MongoDatabase database) {
        this.facilities = database.getCollection("facilities");
        facilities.createIndex(Indexes.ascending("licenceNumber"), new IndexOptions().unique(true));
        facilities.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.ascending("name")));
    }

    MongoCollection<Document> collection() {
        return facilities;
    }

    /** False when the id or the licence number is already registered. */
    public boolean insert(Facility facility, List<Document> outboxEntries, Outbox outbox) {
        Document doc = asDocument(facility);
        doc.putAll(outbox.newDocumentFields(outboxEntries));
        return MongoSupport.insertIfAbsent(facilities, doc);
    }

    /** Saves a change if nobody changed the facility since it was read; false otherwise (the caller answers 409). */
    public boolean update(Facility after, List<Document> outboxEntries, Outbox outbox) {
        List<Bson> changes = new ArrayList<>();
        asDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(outbox.append(outboxEntries));
        return facilities
                        .updateOne(
                                Filters.and(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)),
                                Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    public Optional<Facility> find(String id) {
        return Optional.ofNullable(facilities
                        .find(Filters.eq("_id", id))
                        .projection(new Document(Outbox.ENTRIES, 0))
                        .first())
                .map(FacilityStore::fromDocument);
    }

    public boolean licenceRegistered(String licenceNumber) {
        return facilities.countDocuments(Filters.eq("licenceNumber", licenceNumber)) > 0;
    }

    public List<Facility> list(@Nullable String regionPrefix, int page, int size) {
        return facilities
                .find(scope(regionPrefix))
                .projection(new Document(Outbox.ENTRIES, 0))
                .sort(Sorts.orderBy(Sorts.ascending("region"), Sorts.ascending("name"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(FacilityStore::fromDocument)
                .into(new ArrayList<>());
    }

    /** Every facility id of a region's subtree, in id order: the list a 双随机 draw is made from. */
    public List<String> idsIn(String regionPrefix) {
        return facilities
                .find(scope(regionPrefix))
                .projection(new Document("_id", 1))
                .sort(Sorts.ascending("_id"))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    public long count(@Nullable String regionPrefix) {
        return facilities.countDocuments(scope(regionPrefix));
    }

    private static Bson scope(@Nullable String regionPrefix) {
        return regionPrefix == null ? new Document() : Regions.within("region", regionPrefix);
    }

    static Document asDocument(Facility f) {
        return new Document("_id", f.id())
                .append("name", f.name())
                .append("region", f.region())
                .append("address", f.address())
                .append("licenceNumber", f.licenceNumber())
                .append(
                        "licenceValidFrom",
                        f.licenceValidFrom() == null
                                ? null
                                : f.licenceValidFrom().toString())
                .append("licenceValidUntil", f.licenceValidUntil().toString())
                .append("licensedSpeciesCodes", f.licensedSpeciesCodes())
                .append("purposes", f.purposes().stream().map(Enum::name).toList())
                .append(
                        "holdings",
                        f.holdings().stream()
                                .map(h -> new Document("speciesCode", h.speciesCode()).append("count", h.count()))
                                .toList())
                .append(
                        "ledger",
                        f.ledger().stream()
                                .map(e -> new Document("on", e.on().toString())
                                        .append("speciesCode", e.speciesCode())
                                        .append("previous", e.previous())
                                        .append("count", e.count())
                                        .append("source", e.source())
                                        .append("recordedBy", e.recordedBy())
                                        .append("recordedAt", Date.from(e.recordedAt())))
                                .toList())
                .append(
                        "measures",
                        f.measures().stream()
                                .map(m -> new Document("id", m.id())
                                        .append("kind", m.kind().name())
                                        .append("appliedOn", m.appliedOn().toString())
                                        .append("reason", m.reason())
                                        .append("rectificationOrderId", m.rectificationOrderId())
                                        .append("appliedBy", m.appliedBy())
                                        .append(
                                                "liftedOn",
                                                m.liftedOn() == null
                                                        ? null
                                                        : m.liftedOn().toString())
                                        .append("liftReason", m.liftReason()))
                                .toList())
                .append("registeredAt", Date.from(f.registeredAt()))
                .append("version", f.version());
    }

    static Facility fromDocument(Document doc) {
        return new Facility(
                doc.getString("_id"),
                doc.getString("name"),
                doc.getString("region"),
                doc.getString("address"),
                doc.getString("licenceNumber"),
                date(doc.getString("licenceValidFrom")),
                LocalDate.parse(doc.getString("licenceValidUntil")),
                doc.getList("licensedSpeciesCodes", String.class, List.of()),
                doc.getList("purposes", String.class, List.of()).stream()
                        .map(Facility.Purpose::valueOf)
                        .toList(),
                doc.getList("holdings", Document.class, List.of()).stream()
                        .map(h ->
                                new Facility.Holding(h.getString("speciesCode"), ((Number) h.get("count")).longValue()))
                        .toList(),
                doc.getList("ledger", Document.class, List.of()).stream()
                        .map(e -> new Facility.LedgerEntry(
                                LocalDate.parse(e.getString("on")),
                                e.getString("speciesCode"),
                                e.get("previous") == null ? null : ((Number) e.get("previous")).longValue(),
                                ((Number) e.get("count")).longValue(),
                                e.getString("source"),
                                e.getString("recordedBy"),
                                e.getDate("recordedAt").toInstant()))
                        .toList(),
                doc.getList("measures", Document.class, List.of()).stream()
                        .map(m -> new Facility.Measure(
                                m.getString("id"),
                                Facility.MeasureKind.valueOf(m.getString("kind")),
                                LocalDate.parse(m.getString("appliedOn")),
                                m.getString("reason"),
                                m.getString("rectificationOrderId"),
                                m.getString("appliedBy"),
                                date(m.getString("liftedOn")),
                                m.getString("liftReason")))
                        .toList(),
                doc.getDate("registeredAt").toInstant(),
                ((Number) doc.get("version")).longValue());
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
