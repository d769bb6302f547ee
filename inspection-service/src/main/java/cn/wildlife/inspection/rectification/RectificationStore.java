package cn.wildlife.inspection.rectification;

import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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

/** Rectification orders ({@code rectifications}); one per finding, its id derived from the finding's. */
@Component
public class RectificationStore {

    private final MongoCollection<Document> orders;

    public RectificationStore(MongoDatabase database) {
        this.orders = database.getCollection("rectifications");
        orders.createIndex(Indexes.ascending("facilityId"));
    }

    MongoCollection<Document> collection() {
        return orders;
    }

    public boolean insert(RectificationOrder order, List<Document> events, Outbox outbox) {
        Document doc = asDocument(order);
        doc.putAll(outbox.newDocumentFields(events));
        return MongoSupport.insertIfAbsent(orders, doc);
    }

    public boolean update(RectificationOrder after, List<Document> events, Outbox outbox) {
        List<Bson> changes = new ArrayList<>();
        asDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(outbox.append(events));
        return orders.updateOne(
                                Filters.and(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)),
                                Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    public Optional<RectificationOrder> find(String id) {
        return Optional.ofNullable(orders.find(Filters.eq("_id", id))
                        .projection(new Document(Outbox.ENTRIES, 0))
                        .first())
                .map(RectificationStore::fromDocument);
    }

    public List<RectificationOrder> search(String regionPrefix, @Nullable String facilityId) {
        List<Bson> filters = new ArrayList<>(List.of(Regions.within("region", regionPrefix)));
        if (facilityId != null) {
            filters.add(Filters.eq("facilityId", facilityId));
        }
        return orders.find(Filters.and(filters))
                .projection(new Document(Outbox.ENTRIES, 0))
                .sort(Sorts.orderBy(Sorts.descending("orderedAt"), Sorts.ascending("_id")))
                .limit(500)
                .map(RectificationStore::fromDocument)
                .into(new ArrayList<>());
    }

    static Document asDocument(RectificationOrder o) {
        return new Document("_id", o.id())
                .append("inspectionId", o.inspectionId())
                .append("facilityId", o.facilityId())
                .append("findingId", o.findingId())
                .append("region", o.region())
                .append("requirement", o.requirement())
                .append("orderedAt", Date.from(o.orderedAt()))
                .append("dueBy", o.dueBy().toString())
                .append("dueAt", Date.from(o.dueAt()))
                .append("status", o.status().name())
                .append("reinspectedAt", o.reinspectedAt() == null ? null : Date.from(o.reinspectedAt()))
                .append("reinspectionNote", o.reinspectionNote())
                .append("reinspectedBy", o.reinspectedBy())
                .append("missedDeadline", o.missedDeadline())
                .append("version", o.version());
    }

    static RectificationOrder fromDocument(Document d) {
        return new RectificationOrder(
                d.getString("_id"),
                d.getString("inspectionId"),
                d.getString("facilityId"),
                d.getString("findingId"),
                d.getString("region"),
                d.getString("requirement"),
                d.getDate("orderedAt").toInstant(),
                LocalDate.parse(d.getString("dueBy")),
                d.getDate("dueAt").toInstant(),
                RectificationOrder.Status.valueOf(d.getString("status")),
                d.getDate("reinspectedAt") == null
                        ? null
                        : d.getDate("reinspectedAt").toInstant(),
                d.getString("reinspectionNote"),
                d.getString("reinspectedBy"),
                d.getBoolean("missedDeadline", false),
                ((Number) d.get("version")).longValue());
    }
}
