package cn.wildlife.inspection.inspection;

import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Inspections ({@code inspections}): one document each, with its pending events. */
@Component
public class InspectionStore {

    private final MongoCollection<Document> inspections;

    public InspectionStore(MongoDatabase database) {
        this.inspections = database.getCollection("inspections");
        inspections.createIndex(Indexes.ascending("facilityId"));
        inspections.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.ascending("inspectedAt")));
    }

    MongoCollection<Document> collection() {
        return inspections;
    }

    public boolean insert(Inspection inspection, List<Document> events, Outbox outbox) {
        Document doc = asDocument(inspection);
        doc.putAll(outbox.newDocumentFields(events));
        return MongoSupport.insertIfAbsent(inspections, doc);
    }

    public boolean update(Inspection after, List<Document> events, Outbox outbox) {
        List<Bson> changes = new ArrayList<>();
        asDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(outbox.append(events));
        return inspections
                        .updateOne(
                                Filters.and(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)),
                                Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    public Optional<Inspection> find(String id) {
        return Optional.ofNullable(inspections
                        .find(Filters.eq("_id", id))
                        .projection(new Document(Outbox.ENTRIES, 0))
                        .first())
                .map(InspectionStore::fromDocument);
    }

    /** Inspections of a region's subtree, optionally of one facility or recorded within [from, to). */
    public List<Inspection> search(
            String regionPrefix, @Nullable String facilityId, @Nullable Instant from, @Nullable Instant to, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Regions.within("region", regionPrefix)));
        if (facilityId != null) {
            filters.add(Filters.eq("facilityId", facilityId));
        }
        if (from != null) {
            filters.add(Filters.gte("inspectedAt", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("inspectedAt", Date.from(to)));
        }
        return inspections
                .find(Filters.and(filters))
                .projection(new Document(Outbox.ENTRIES, 0))
                .sort(Sorts.orderBy(Sorts.descending("plannedFor"), Sorts.ascending("_id")))
                .limit(limit)
                .map(InspectionStore::fromDocument)
                .into(new ArrayList<>());
    }

    /**
     * The inspection's own fields. Not the clues its findings became: those are added by case-service's announcements
     * (addClue) and must survive the inspection's own updates, which set every field written here.
     */
    static Document asDocument(Inspection i) {
        return new Document("_id", i.id())
                .append("facilityId", i.facilityId())
                .append("facilityName", i.facilityName())
                .append("region", i.region())
                .append("status", i.status().name())
                .append("drawId", i.drawId())
                .append("plannedFor", i.plannedFor().toString())
                .append("inspectors", i.inspectors())
                .append("inspectedAt", i.inspectedAt() == null ? null : Date.from(i.inspectedAt()))
                .append(
                        "checklist",
                        i.checklist().stream()
                                .map(c -> new Document("item", c.item().name())
                                        .append("passed", c.passed())
                                        .append("note", c.note()))
                                .toList())
                .append(
                        "discrepancies",
                        i.discrepancies().stream()
                                .map(d -> new Document("speciesCode", d.speciesCode())
                                        .append("ledger", d.ledger())
                                        .append("counted", d.counted()))
                                .toList())
                .append(
                        "findings",
                        i.findings().stream()
                                .map(f -> new Document("id", f.id())
                                        .append("item", f.item().name())
                                        .append("description", f.description())
                                        .append("suspectedCrime", f.suspectedCrime())
                                        .append("speciesCodes", f.speciesCodes()))
                                .toList())
                .append("recordedBy", i.recordedBy())
                .append("operationId", i.operationId())
                .append("version", i.version());
    }

    /** Notes that a finding became a clue; the same clue noted again changes nothing. */
    public void addClue(String inspectionId, Inspection.HandedOver clue) {
        inspections.updateOne(
                Filters.eq("_id", inspectionId),
                Updates.addToSet(
                        "clues",
                        new Document("findingId", clue.findingId())
                                .append("clueId", clue.clueId())
                                .append("agency", clue.agency().name())));
    }

    static Inspection fromDocument(Document d) {
        return new Inspection(
                d.getString("_id"),
                d.getString("facilityId"),
                d.getString("facilityName"),
                d.getString("region"),
                Inspection.Status.valueOf(d.getString("status")),
                d.getString("drawId"),
                LocalDate.parse(d.getString("plannedFor")),
                d.getList("inspectors", String.class, List.of()),
                d.getDate("inspectedAt") == null
                        ? null
                        : d.getDate("inspectedAt").toInstant(),
                d.getList("checklist", Document.class, List.of()).stream()
                        .map(c -> new Inspection.Check(
                                Inspection.Item.valueOf(c.getString("item")),
                                c.getBoolean("passed"),
                                c.getString("note")))
                        .toList(),
                d.getList("discrepancies", Document.class, List.of()).stream()
                        .map(x -> new Inspection.Discrepancy(
                                x.getString("speciesCode"),
                                ((Number) x.get("ledger")).longValue(),
                                ((Number) x.get("counted")).longValue()))
                        .toList(),
                d.getList("findings", Document.class, List.of()).stream()
                        .map(f -> new Inspection.Finding(
                                f.getString("id"),
                                Inspection.Item.valueOf(f.getString("item")),
                                f.getString("description"),
                                f.getBoolean("suspectedCrime"),
                                f.getList("speciesCodes", String.class, List.of())))
                        .toList(),
                d.getString("recordedBy"),
                d.getString("operationId"),
                d.getList("clues", Document.class, List.of()).stream()
                        .map(c -> new Inspection.HandedOver(
                                c.getString("findingId"),
                                c.getString("clueId"),
                                cn.wildlife.events.Agency.valueOf(c.getString("agency"))))
                        .toList(),
                ((Number) d.get("version")).longValue());
    }
}
