package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Place;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@code clues} collection. One document per clue; its outbox travels in the same document. Suspects'
 * identifier values and the people a clue names are sealed at rest ({@link FieldCipher}, contexts
 * {@code clues.identifiers.value} and {@code clues.people}); a value stored before sealing reads as it is until a
 * re-sealing run seals it.
 */
@Component
public class ClueStore {

    /** The sealed fields, for the re-sealing run ({@code ClueConfiguration}). */
    static final List<String> SEALED_FIELDS = List.of("identifiers[].value", "people[]");

    private static final String IDENTIFIER_CONTEXT = "clues.identifiers.value";
    private static final String PEOPLE_CONTEXT = "clues.people";

    private final MongoCollection<Document> clues;
    private final FieldCipher cipher;

    public ClueStore(MongoDatabase database, FieldCipher cipher) {
        this.clues = database.getCollection("clues");
        this.cipher = cipher;
        clues.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("recordedAt")));
        clues.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.descending("recordedAt")));
        clues.createIndex(Indexes.ascending("status"));
        clues.createIndex(Indexes.ascending("referredTo"));
    }

    MongoCollection<Document> collection() {
        return clues;
    }

    /** Inserts a new clue with its first events; false when a clue with this id already exists. */
    public boolean insert(Clue clue, List<Document> outboxEntries, Outbox outbox, String appliedEventId) {
        Document doc =
                asDocument(clue).append("_applied", appliedEventId == null ? List.of() : List.of(appliedEventId));
        doc.putAll(outbox.newDocumentFields(outboxEntries));
        return MongoSupport.insertIfAbsent(clues, doc);
    }

    /** Saves a step if the clue is still at the version it was read at; false when someone else moved it. */
    public boolean update(Clue after, Document step, List<Document> outboxEntries, Outbox outbox) {
        return clues.updateOne(
                                Filters.and(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)),
                                com.mongodb.client.model.Updates.combine(
                                        com.mongodb.client.model.Updates.set(
                                                "status", after.status().name()),
                                        com.mongodb.client.model.Updates.set("version", after.version()),
                                        com.mongodb.client.model.Updates.set(
                                                "referredTo",
                                                after.referredTo() == null
                                                        ? null
                                                        : after.referredTo().name()),
                                        com.mongodb.client.model.Updates.set(
                                                "feedbackAt",
                                                after.feedbackAt() == null ? null : Date.from(after.feedbackAt())),
                                        com.mongodb.client.model.Updates.push("steps", step),
                                        outbox.append(outboxEntries)))
                        .getModifiedCount()
                == 1;
    }

    /** Notes that the reporter's identity is on file (the identity itself is in {@link ClueReporters}). */
    void markReporterOnFile(String id) {
        clues.updateOne(Filters.eq("_id", id), com.mongodb.client.model.Updates.set("reporterOnFile", true));
    }

    public Optional<Clue> find(String id) {
        return Optional.ofNullable(clues.find(Filters.eq("_id", id)).first()).map(this::fromDocument);
    }

    public Page search(ClueQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.agency() != null) {
            filters.add(Filters.eq("agency", query.agency().name()));
        }
        if (query.regionPrefix() != null) {
            filters.add(Regions.within("region", query.regionPrefix()));
        }
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status().name()));
        }
        if (query.referredTo() != null) {
            filters.add(Filters.eq("referredTo", query.referredTo().name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = clues.countDocuments(filter);
        List<Clue> items = clues.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("recordedAt"), Sorts.ascending("_id")))
                .skip(query.page() * query.size())
                .limit(query.size())
                .map(this::fromDocument)
                .into(new ArrayList<>());
        return new Page(items, query.page(), query.size(), total);
    }

    /** One page of clues. */
    public record Page(List<Clue> items, int page, int size, long total) {}

    Document asDocument(Clue clue) {
        Document doc = new Document("_id", clue.id())
                .append("agency", clue.agency().name())
                .append("region", clue.region())
                .append("source", clue.source().name())
                .append("receivedAt", Date.from(clue.receivedAt()))
                .append("recordedAt", Date.from(clue.recordedAt()))
                .append("speciesCodes", clue.speciesCodes())
                .append("behaviours", clue.behaviours().stream().map(Enum::name).toList())
                .append("summary", clue.summary())
                .append("status", clue.status().name())
                .append("channel", clue.channel().name())
                .append(
                        "referredTo",
                        clue.referredTo() == null ? null : clue.referredTo().name())
                .append("referredFrom", clue.referredFrom())
                .append("reporterOnFile", clue.reporterOnFile())
                .append("feedbackAt", clue.feedbackAt() == null ? null : Date.from(clue.feedbackAt()))
                .append(
                        "identifiers",
                        clue.identifiers().stream()
                                .map(i -> new Document("type", i.type().name())
                                        .append("value", cipher.seal(i.value(), IDENTIFIER_CONTEXT)))
                                .toList())
                .append(
                        "people",
                        clue.people().stream()
                                .map(p -> cipher.seal(p, PEOPLE_CONTEXT))
                                .toList())
                .append("evidence", clue.evidence())
                .append("operationId", clue.operationId())
                .append("version", clue.version());
        if (clue.fromInspection() != null) {
            doc.append(
                    "fromInspection",
                    new Document("findingId", clue.fromInspection().findingId())
                            .append("inspectionId", clue.fromInspection().inspectionId())
                            .append("facilityId", clue.fromInspection().facilityId()));
        }
        if (clue.place() != null) {
            Document place = new Document("description", clue.place().description());
            if (clue.place().latitude() != null) {
                place.append("latitude", clue.place().latitude());
            }
            if (clue.place().longitude() != null) {
                place.append("longitude", clue.place().longitude());
            }
            doc.append("place", place);
        }
        return doc;
    }

    Clue fromDocument(Document doc) {
        Document place = doc.get("place", Document.class);
        Document inspection = doc.get("fromInspection", Document.class);
        return new Clue(
                doc.getString("_id"),
                Agency.valueOf(doc.getString("agency")),
                doc.getString("region"),
                ClueSource.valueOf(doc.getString("source")),
                doc.getDate("receivedAt").toInstant(),
                doc.getDate("recordedAt").toInstant(),
                place == null
                        ? null
                        : new Place(
                                place.getString("description"),
                                place.getDouble("latitude"),
                                place.getDouble("longitude")),
                doc.getList("speciesCodes", String.class, List.of()),
                doc.getList("behaviours", String.class, List.of()).stream()
                        .map(Behaviour::valueOf)
                        .toList(),
                doc.getString("summary"),
                Clue.Status.valueOf(doc.getString("status")),
                ClueRecorded.Channel.valueOf(doc.getString("channel")),
                doc.getString("referredTo") == null ? null : Agency.valueOf(doc.getString("referredTo")),
                doc.getString("referredFrom"),
                doc.getBoolean("reporterOnFile", false),
                doc.getDate("feedbackAt") == null
                        ? null
                        : doc.getDate("feedbackAt").toInstant(),
                doc.getList("identifiers", Document.class, List.of()).stream()
                        .map(i -> new Identifier(
                                IdentifierType.valueOf(i.getString("type")),
                                cipher.openStored(i.getString("value"), IDENTIFIER_CONTEXT)))
                        .toList(),
                doc.getList("people", String.class, List.of()).stream()
                        .map(p -> cipher.openStored(p, PEOPLE_CONTEXT))
                        .toList(),
                doc.getList("evidence", String.class, List.of()),
                doc.getString("operationId"),
                inspection == null
                        ? null
                        : new ClueRecorded.FromInspection(
                                inspection.getString("findingId"),
                                inspection.getString("inspectionId"),
                                inspection.getString("facilityId")),
                ((Number) doc.get("version")).longValue());
    }
}
