package cn.wildlife.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * The service's audit trail in its own database: one chain ({@link AuditChain}) of entries whose {@code _id} is the
 * sequence, so that two instances appending at once cannot both take the same place: the loser's insert is refused
 * as a duplicate key, and it links again after the winner's entry. The newest entry is remembered, so an append is
 * one insert. Entries are never updated; retention removes the oldest only, moving the anchor first.
 */
public final class AuditTrail {

    public static final String COLLECTION = "audit_trail";
    public static final String ANCHOR_COLLECTION = "audit_trail_anchor";

    private static final String ANCHOR_ID = "anchor";
    /** Appends that lost the race this many times in a row mean something else is wrong. */
    private static final int MAX_ATTEMPTS = 100;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> anchors;
    private @Nullable ChainedEntry head;
    private @Nullable Anchor emptyHead;

    public AuditTrail(MongoDatabase database) {
        this(database, true);
    }

    private AuditTrail(MongoDatabase database, boolean indexed) {
        this.entries = database.getCollection(COLLECTION);
        this.anchors = database.getCollection(ANCHOR_COLLECTION);
        if (indexed) {
            entries.createIndex(Indexes.descending("at"));
            entries.createIndex(Indexes.ascending("recordId"));
            entries.createIndex(Indexes.ascending("subject"));
        }
    }

    /** The trail of a store that is only read (a command verifying a stopped platform's): no index is created. */
    public static AuditTrail toVerify(MongoDatabase database) {
        return new AuditTrail(database, false);
    }

    /** Links the entry after the newest one and stores it. */
    public synchronized ChainedEntry append(AuditEntry entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChainedEntry linked =
                    head != null ? AuditChain.link(head.sequence() + 1, head.hash(), entry) : linkAfterStored(entry);
            if (insertIfAbsent(entries, AuditDocuments.toDocument(linked))) {
                head = linked;
                return linked;
            }
            // Another instance appended since: read where the chain ends now.
            head = null;
        }
        throw new IllegalStateException("could not append to the audit trail after " + MAX_ATTEMPTS + " attempts");
    }

    private ChainedEntry linkAfterStored(AuditEntry entry) {
        Document newest = entries.find().sort(Sorts.descending("_id")).limit(1).first();
        if (newest != null) {
            return AuditChain.link(AuditDocuments.sequence(newest) + 1, String.valueOf(newest.get("hash")), entry);
        }
        Anchor anchor = anchor();
        return AuditChain.link(anchor.firstSequence(), anchor.previousHash(), entry);
    }

    /** Where the kept chain starts: moved by retention, the genesis until then. */
    public Anchor anchor() {
        Document anchor = anchors.find(Filters.eq("_id", ANCHOR_ID)).first();
        if (anchor == null) {
            return Anchor.GENESIS;
        }
        return new Anchor(
                ((Number) anchor.get("firstSequence")).longValue(), String.valueOf(anchor.get("previousHash")));
    }

    /** Entries matching the query, newest first. */
    public List<ChainedEntry> search(AuditQuery query, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (query.from() != null) {
            filters.add(Filters.gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("at", Date.from(query.to())));
        }
        if (query.subject() != null) {
            filters.add(Filters.eq("subject", query.subject()));
        }
        if (query.agency() != null) {
            filters.add(Filters.eq("agency", query.agency()));
        }
        if (query.action() != null) {
            filters.add(Filters.eq("action", query.action().name()));
        }
        if (query.recordId() != null) {
            filters.add(Filters.eq("recordId", query.recordId()));
        }
        return entries.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("_id"))
                .skip(page * size)
                .limit(size)
                .map(AuditDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    /** Walks the whole kept chain, oldest first, and reports the first broken link. */
    public Verification verify() {
        ChainWalk walk = new ChainWalk(anchor());
        try (MongoCursor<Document> cursor =
                entries.find().sort(Sorts.ascending("_id")).batchSize(1000).iterator()) {
            boolean going = true;
            while (going && cursor.hasNext()) {
                Document stored = cursor.next();
                ChainedEntry entry;
                try {
                    entry = AuditDocuments.fromDocument(stored);
                } catch (RuntimeException e) {
                    going = walk.unreadable(AuditDocuments.sequence(stored), AuditDocuments.string(stored, "hash"));
                    continue;
                }
                going = walk.accept(entry);
            }
        }
        return walk.result();
    }

    /**
     * Removes the entries older than {@code cutoff} from the oldest end, up to the first one at or after it (the
     * newest entry is always kept, so the chain goes on from it). First a {@link AuditAction#RETENTION} entry says
     * which entry is the first kept, then the anchor moves, then the older entries go: a crash in between leaves a
     * chain that still verifies.
     *
     * @return how many entries were removed
     */
    public long removeOlderThan(Instant cutoff, Instant now) {
        Document oldest = entries.find().sort(Sorts.ascending("_id")).limit(1).first();
        if (oldest == null || !AuditDocuments.at(oldest).isBefore(cutoff)) {
            return 0;
        }
        Document firstYoung = entries.find(Filters.gte("at", Date.from(cutoff)))
                .sort(Sorts.ascending("_id"))
                .limit(1)
                .first();
        Document newest = entries.find().sort(Sorts.descending("_id")).limit(1).first();
        long firstKept = Math.min(
                firstYoung == null ? Long.MAX_VALUE : AuditDocuments.sequence(firstYoung),
                AuditDocuments.sequence(newest));
        Document lastRemoved = entries.find(Filters.eq("_id", firstKept - 1)).first();
        if (lastRemoved == null || firstKept <= AuditDocuments.sequence(oldest)) {
            return 0;
        }
        append(new AuditEntry(
                now,
                AuditEntry.Actor.system(),
                AuditAction.RETENTION,
                AuditEntry.Target.record(COLLECTION, Long.toString(firstKept)),
                AuditEntry.Origin.system()));
        moveAnchor(new Anchor(firstKept, String.valueOf(lastRemoved.get("hash"))));
        return entries.deleteMany(Filters.lt("_id", firstKept)).getDeletedCount();
    }

    /** Forward only: a slower instance's retention never moves it back. */
    private void moveAnchor(Anchor anchor) {
        long matched = anchors.updateOne(
                        Filters.and(Filters.eq("_id", ANCHOR_ID), Filters.lt("firstSequence", anchor.firstSequence())),
                        Updates.combine(
                                Updates.set("firstSequence", anchor.firstSequence()),
                                Updates.set("previousHash", anchor.previousHash())))
                .getMatchedCount();
        if (matched == 0) {
            insertIfAbsent(
                    anchors,
                    new Document("_id", ANCHOR_ID)
                            .append("firstSequence", anchor.firstSequence())
                            .append("previousHash", anchor.previousHash()));
        }
    }

    /** False when an entry (or the anchor) with the same key is there: another instance was first. */
    private static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
