package cn.wildlife.inspection.facility;

import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The facility registry ({@code facilities}); a licence number is registered once. */
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
    public boolean insert(Facility facility, Document outboxEntry, Outbox outbox) {
        Document doc = asDocument(facility);
        doc.putAll(outbox.newDocumentFields(List.of(outboxEntry)));
        return MongoSupport.insertIfAbsent(facilities, doc);
    }

    public Optional<Facility> find(String id) {
        return Optional.ofNullable(facilities.find(Filters.eq("_id", id)).first()).map(FacilityStore::fromDocument);
    }

    public List<Facility> list(@Nullable String regionPrefix, int page, int size) {
        Bson filter = regionPrefix == null ? new Document() : Filters.regex("region", "^" + regionPrefix);
        return facilities.find(filter).sort(Sorts.orderBy(Sorts.ascending("region"), Sorts.ascending("name"),
                Sorts.ascending("_id"))).skip(page * size).limit(size).map(FacilityStore::fromDocument)
                .into(new ArrayList<>());
    }

    public long count(@Nullable String regionPrefix) {
        return facilities.countDocuments(regionPrefix == null ? new Document()
                : Filters.regex("region", "^" + regionPrefix));
    }

    static Document asDocument(Facility f) {
        return new Document("_id", f.id())
                .append("name", f.name())
                .append("region", f.region())
                .append("address", f.address())
                .append("licenceNumber", f.licenceNumber())
                .append("licenceValidUntil", f.licenceValidUntil().toString())
                .append("licensedSpeciesCodes", f.licensedSpeciesCodes())
                .append("purposes", f.purposes().stream().map(Enum::name).toList())
                .append("registeredAt", Date.from(f.registeredAt()))
                .append("version", f.version());
    }

    static Facility fromDocument(Document doc) {
        return new Facility(doc.getString("_id"), doc.getString("name"), doc.getString("region"),
                doc.getString("address"), doc.getString("licenceNumber"),
                LocalDate.parse(doc.getString("licenceValidUntil")),
                doc.getList("licensedSpeciesCodes", String.class, List.of()),
                doc.getList("purposes", String.class, List.of()).stream().map(Facility.Purpose::valueOf).toList(),
                doc.getDate("registeredAt").toInstant(), ((Number) doc.get("version")).longValue());
    }
}
