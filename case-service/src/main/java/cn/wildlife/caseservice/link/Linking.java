package cn.wildlife.caseservice.link;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.RecordsLinked;
import cn.wildlife.support.crypto.BlindIndex;
import cn.wildlife.support.crypto.CollectionWalk;
import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Finds records of different agencies that share a suspect's identifier (same phone, ID number, plate or online
 * shop): what a joint platform is for. The {@code identifiers} index holds blind index keys only (HMAC-SM3 under the
 * index key, {@link Identifiers#key}); a link is found once per pair of records and identifier, kept in {@code links}
 * with its event in the same document.
 *
 * <p>Entries written before the blind index (plain SHA-256 keys, without the {@value #INDEX_FIELD} field) are
 * recomputed by the re-sealing run: its steps register every clue and case again ({@link #reindexStep}), then drop the
 * old entries ({@link #dropLegacyIndexStep}). A pair of records linked under an old entry is not linked again.
 */
@Service
public class Linking {

    /** A clue or case as the link shows it: which record, whose, where; nothing of its content. */
    public record RecordRef(String kind, String id, Agency agency, String region) {

        Document asDocument() {
            return new Document("kind", kind)
                    .append("id", id)
                    .append("agency", agency.name())
                    .append("region", region);
        }

        static RecordRef of(Document d) {
            return new RecordRef(
                    d.getString("kind"),
                    d.getString("id"),
                    Agency.valueOf(d.getString("agency")),
                    d.getString("region"));
        }
    }

    /** A link between two records of different agencies. */
    public record Link(
            String id, String identifierType, String maskedValue, List<RecordRef> records, Instant foundAt) {}

    /** Marks index entries and links made with the blind index; those without it are older. */
    static final String INDEX_FIELD = "index";

    static final String INDEX_FORMAT = "HMAC-SM3";

    /** A record and the identifiers it names, as the re-indexing step reads them. */
    public record Registration(RecordRef record, List<Identifier> identifiers) {}

    private final MongoCollection<Document> identifiers;
    private final MongoCollection<Document> links;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final BlindIndex index;

    public Linking(LinkStore store, Outbox outbox, OutboxRelay relay, Clock clock, BlindIndex index) {
        this.identifiers = store.identifiers;
        this.links = store.links;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.index = index;
    }

    /**
     * Indexes a record's identifiers and links it to every record of another agency sharing one. Safe to repeat:
     * the index adds a record once and a link is inserted once.
     *
     * @return the links found now for the first time
     */
    public List<Link> register(RecordRef record, List<Identifier> found) {
        List<Link> fresh = new ArrayList<>();
        for (Identifier identifier :
                found.stream().filter(Identifiers::valid).distinct().toList()) {
            String key = Identifiers.key(identifier, index);
            identifiers.updateOne(
                    Filters.eq("_id", key),
                    Updates.combine(
                            Updates.addToSet("records", record.asDocument()), Updates.set(INDEX_FIELD, INDEX_FORMAT)),
                    new UpdateOptions().upsert(true));
            Document entry = identifiers.find(Filters.eq("_id", key)).first();
            for (Document other : entry.getList("records", Document.class, List.of())) {
                RecordRef ref = RecordRef.of(other);
                if (ref.agency() == record.agency()) {
                    continue;
                }
                List<RecordRef> pair = new ArrayList<>(List.of(record, ref));
                pair.sort(Comparator.comparing(RecordRef::id));
                String linkId = "LNK-"
                        + Identifiers.sha256(key + "|" + pair.get(0).id() + "|"
                                        + pair.get(1).id())
                                .substring(0, 24);
                String masked = Identifiers.masked(identifier);
                if (linkedBeforeTheBlindIndex(pair, identifier.type().name(), masked)) {
                    continue;
                }
                Instant at = clock.instant();
                Link link = new Link(linkId, identifier.type().name(), masked, pair, at);
                RecordsLinked payload = new RecordsLinked(
                        linkId,
                        identifier.type(),
                        link.maskedValue(),
                        pair.stream()
                                .map(r -> new RecordsLinked.LinkedRecord(r.kind(), r.id(), r.agency(), r.region()))
                                .toList(),
                        at);
                // The event names the newer record's agency and region: its arrival is what found the link.
                Document event = outbox.entry(
                        Topics.PLATFORM_CLUES,
                        Envelope.of(CaseServiceApplication.EVENT_SOURCE, record.agency(), record.region(), payload));
                Document doc = new Document("_id", linkId)
                        .append("identifierType", link.identifierType())
                        .append("maskedValue", link.maskedValue())
                        .append(
                                "records",
                                pair.stream().map(RecordRef::asDocument).toList())
                        .append(
                                "agencies",
                                pair.stream()
                                        .map(r -> r.agency().name())
                                        .distinct()
                                        .toList())
                        .append("foundAt", Date.from(at))
                        .append(INDEX_FIELD, INDEX_FORMAT);
                doc.putAll(outbox.newDocumentFields(List.of(event)));
                if (MongoSupport.insertIfAbsent(links, doc)) {
                    fresh.add(link);
                }
            }
        }
        if (!fresh.isEmpty()) {
            relay.wake();
        }
        return fresh;
    }

    /**
     * Whether the pair was linked by this identifier under an index entry of the old format: such a link has another
     * id, and must not be found a second time.
     */
    private boolean linkedBeforeTheBlindIndex(List<RecordRef> pair, String type, String masked) {
        return links.countDocuments(Filters.and(
                        Filters.eq("records.id", pair.get(0).id()),
                        Filters.eq("records.id", pair.get(1).id()),
                        Filters.eq("identifierType", type),
                        Filters.eq("maskedValue", masked),
                        Filters.exists(INDEX_FIELD, false)))
                > 0;
    }

    /** Whether index entries of the old format (plain SHA-256 keys) are left. */
    public boolean hasLegacyIndex() {
        return identifiers.countDocuments(Filters.exists(INDEX_FIELD, false)) > 0;
    }

    /**
     * A re-sealing run's step that registers every record of a collection again while old index entries are left,
     * so that each is found under the blind index (and links with records recorded since are found); nothing to do
     * otherwise.
     *
     * @param projection the fields {@code read} needs
     */
    public RotationStep reindexStep(
            String name, MongoCollection<Document> records, Bson projection, Function<Document, Registration> read) {
        CollectionWalk walk = new CollectionWalk(name, records, new Document(), projection, document -> {
            Registration registration = read.apply(document);
            register(registration.record(), registration.identifiers());
            return CollectionWalk.Outcome.CHANGED;
        });
        return new RotationStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long total() {
                return hasLegacyIndex() ? walk.total() : 0;
            }

            @Override
            public Batch walk(@Nullable Object afterId, int limit) {
                if (afterId == null && !hasLegacyIndex()) {
                    return new Batch(0, 0, 0, null);
                }
                return walk.walk(afterId, limit);
            }
        };
    }

    /** The last step of a re-sealing run: drops the index entries of the old format, every record being re-indexed. */
    public RotationStep dropLegacyIndexStep() {
        return new RotationStep() {
            @Override
            public String name() {
                return "identifiers";
            }

            @Override
            public long total() {
                return identifiers.countDocuments(Filters.exists(INDEX_FIELD, false));
            }

            @Override
            public Batch walk(@Nullable Object afterId, int limit) {
                if (afterId != null) {
                    return new Batch(0, 0, 0, afterId);
                }
                int dropped = (int) identifiers
                        .deleteMany(Filters.exists(INDEX_FIELD, false))
                        .getDeletedCount();
                return new Batch(dropped, dropped, 0, dropped == 0 ? null : "dropped");
            }
        };
    }

    /**
     * The clues and cases of every agency that name this identifier (a suspect's, or a case party's ID number or
     * phone), found by its blind index entry alone: one read by {@code _id}, nothing decrypted. Entries of the old
     * format are not read; the re-sealing run replaces them.
     */
    public List<RecordRef> recordsNaming(Identifier identifier) {
        if (!Identifiers.valid(identifier)) {
            return List.of();
        }
        Document entry = identifiers
                .find(Filters.eq("_id", Identifiers.key(identifier, index)))
                .first();
        if (entry == null) {
            return List.of();
        }
        return entry.getList("records", Document.class, List.of()).stream()
                .map(RecordRef::of)
                .toList();
    }

    /** Links that involve one record. */
    public List<Link> ofRecord(String recordId) {
        return links.find(Filters.eq("records.id", recordId))
                .sort(Sorts.descending("foundAt"))
                .map(Linking::fromDocument)
                .into(new ArrayList<>());
    }

    /** Links involving an agency's records (any agency's for oversight) in a region subtree, newest first. */
    public List<Link> visibleTo(Agency agency, boolean oversight, String regionPrefix, int page, int size) {
        Bson inRegion = Filters.elemMatch(
                "records",
                oversight
                        ? Regions.within("region", regionPrefix)
                        : Filters.and(Filters.eq("agency", agency.name()), Regions.within("region", regionPrefix)));
        return links.find(inRegion)
                .sort(Sorts.orderBy(Sorts.descending("foundAt"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(Linking::fromDocument)
                .into(new ArrayList<>());
    }

    private static Link fromDocument(Document d) {
        return new Link(
                d.getString("_id"),
                d.getString("identifierType"),
                d.getString("maskedValue"),
                d.getList("records", Document.class, List.of()).stream()
                        .map(RecordRef::of)
                        .toList(),
                d.getDate("foundAt").toInstant());
    }
}
