package cn.wildlife.caseservice.transfer;

import cn.wildlife.caseservice.transfer.domain.PackagePart;
import cn.wildlife.caseservice.transfer.domain.Transfer;
import cn.wildlife.caseservice.transfer.domain.TransferState;
import cn.wildlife.events.Agency;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code transfers} collection: one document per transfer, its history and outbox inside it. */
@Component
public class TransferStore {

    private final MongoCollection<Document> transfers;

    public TransferStore(MongoDatabase database) {
        this.transfers = database.getCollection("transfers");
        transfers.createIndex(
                Indexes.compoundIndex(Indexes.ascending("sendingAgency"), Indexes.ascending("sendingRegion")));
        transfers.createIndex(Indexes.ascending("receivingRegion"));
        transfers.createIndex(Indexes.ascending("state"));
        transfers.createIndex(Indexes.ascending("caseNumber"));
    }

    MongoCollection<Document> collection() {
        return transfers;
    }

    /** Inserts a new transfer with its first events; false when its id is taken (a redelivered report). */
    public boolean insert(
            Transfer transfer,
            List<Document> outboxEntries,
            Outbox outbox,
            @org.jspecify.annotations.Nullable String appliedEventId) {
        Document doc =
                asDocument(transfer).append("_applied", appliedEventId == null ? List.of() : List.of(appliedEventId));
        doc.putAll(outbox.newDocumentFields(outboxEntries));
        return cn.wildlife.support.mongo.MongoSupport.insertIfAbsent(transfers, doc);
    }

    /**
     * Saves a step if nobody else changed the transfer since it was read (its version is still the one before);
     * false when someone did: the caller answers 409 rather than overwrite their step.
     */
    public boolean update(
            Transfer after,
            List<Document> outboxEntries,
            Outbox outbox,
            @org.jspecify.annotations.Nullable String appliedEventId) {
        Transfer.Entry last = after.history().get(after.history().size() - 1);
        List<Bson> filter =
                new ArrayList<>(List.of(Filters.eq("_id", after.id()), Filters.eq("version", after.version() - 1)));
        if (appliedEventId != null) {
            filter.add(Filters.ne("_applied", appliedEventId));
        }
        Bson change = Updates.combine(
                appliedEventId == null ? new Document() : Updates.push("_applied", appliedEventId),
                Updates.set("state", after.state().name()),
                Updates.set("receivingRegion", after.receivingRegion()),
                Updates.set(
                        "packageParts",
                        after.packageParts().stream().map(Enum::name).sorted().toList()),
                Updates.set("version", after.version()),
                Updates.set("updatedAt", Date.from(last.at())),
                Updates.push("history", entry(last)),
                outbox.append(outboxEntries));
        return transfers.updateOne(Filters.and(filter), change).getModifiedCount() == 1;
    }

    /** Whether an agency's step event was applied to the transfer already. */
    public boolean applied(String id, String eventId) {
        // Looked up by id alone: a count, or a filter on the list, reads the whole collection on the embedded store.
        Document applied = transfers
                .find(Filters.eq("_id", id))
                .projection(new Document("_applied", 1))
                .first();
        return applied != null
                && applied.getList("_applied", String.class, List.of()).contains(eventId);
    }

    public Optional<Transfer> find(String id) {
        return Optional.ofNullable(transfers.find(Filters.eq("_id", id)).first())
                .map(TransferStore::fromDocument);
    }

    /** Transfers an agency sent in a region subtree, or that public security of that subtree receives. */
    /**
     * The transfers an agency sent or receives in its region (oversight: all in its region), newest change first;
     * only those naming one of {@code caseNumbers} when some are given (a case's page lists its transfers, which name
     * the case by its platform id or by its number).
     */
    public List<Transfer> visibleTo(
            Agency agency, String regionPrefix, boolean oversight, List<String> caseNumbers, int page, int size) {
        Bson region = Filters.or(
                Regions.within("sendingRegion", regionPrefix), Regions.within("receivingRegion", regionPrefix));
        Bson filter = oversight
                ? region
                : agency == Agency.PUBLIC_SECURITY
                        ? Regions.within("receivingRegion", regionPrefix)
                        : Filters.and(
                                Filters.eq("sendingAgency", agency.name()),
                                Regions.within("sendingRegion", regionPrefix));
        if (!caseNumbers.isEmpty()) {
            filter = Filters.and(Filters.in("caseNumber", caseNumbers), filter);
        }
        return transfers
                .find(filter)
                .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(TransferStore::fromDocument)
                .into(new ArrayList<>());
    }

    static Document asDocument(Transfer t) {
        return new Document("_id", t.id())
                .append("caseNumber", t.caseNumber())
                .append("summary", t.summary())
                .append("sendingAgency", t.sendingAgency().name())
                .append("sendingRegion", t.sendingRegion())
                .append("receivingRegion", t.receivingRegion())
                .append("state", t.state().name())
                .append(
                        "packageParts",
                        t.packageParts().stream().map(Enum::name).sorted().toList())
                .append(
                        "history",
                        t.history().stream().map(TransferStore::entry).toList())
                .append("version", t.version())
                .append("direction", t.direction().name())
                .append(
                        "updatedAt",
                        Date.from(t.history().get(t.history().size() - 1).at()));
    }

    private static Document entry(Transfer.Entry e) {
        return new Document("step", e.step())
                .append("state", e.state().name())
                .append("by", e.by())
                .append("byAgency", e.byAgency().name())
                .append("at", Date.from(e.at()))
                .append("reasons", e.reasons());
    }

    static Transfer fromDocument(Document doc) {
        EnumSet<PackagePart> parts = EnumSet.noneOf(PackagePart.class);
        doc.getList("packageParts", String.class, List.of()).forEach(p -> parts.add(PackagePart.valueOf(p)));
        List<Transfer.Entry> history = doc.getList("history", Document.class, List.of()).stream()
                .map(e -> new Transfer.Entry(
                        e.getString("step"),
                        TransferState.valueOf(e.getString("state")),
                        e.getString("by"),
                        Agency.valueOf(e.getString("byAgency")),
                        e.getDate("at").toInstant(),
                        e.getList("reasons", String.class, List.of())))
                .toList();
        return new Transfer(
                doc.getString("_id"),
                doc.getString("caseNumber"),
                doc.getString("summary"),
                Agency.valueOf(doc.getString("sendingAgency")),
                doc.getString("sendingRegion"),
                doc.getString("receivingRegion"),
                TransferState.valueOf(doc.getString("state")),
                parts,
                history,
                ((Number) doc.get("version")).longValue(),
                Transfer.Direction.valueOf(
                        doc.getString("direction") == null ? "FORWARD" : doc.getString("direction")));
    }
}
