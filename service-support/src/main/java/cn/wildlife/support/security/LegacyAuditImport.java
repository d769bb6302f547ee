package cn.wildlife.support.security;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the reads an earlier version kept in the unchained {@code audit} collection into the trail, oldest first, so
 * that upgrading loses none of them. The collection is first renamed, which only one instance can do; each read is
 * then claimed by copying it into {@value #IMPORTED} under its own id (a second instance finishing an interrupted
 * import is refused the copy), chained, and removed from the claimed collection. Nothing is deleted that is not kept
 * in {@value #IMPORTED}, and no read is chained twice.
 */
final class LegacyAuditImport {

    static final String LEGACY = "audit";
    static final String CLAIMED = "audit_importing";
    static final String IMPORTED = "audit_imported";

    private static final Logger log = LoggerFactory.getLogger(LegacyAuditImport.class);

    private LegacyAuditImport() {}

    static void run(MongoDatabase database, AuditTrail trail) {
        MongoCollection<Document> legacy = database.getCollection(LEGACY);
        if (legacy.estimatedDocumentCount() > 0) {
            claim(legacy, database);
        }
        MongoCollection<Document> claimed = database.getCollection(CLAIMED);
        if (claimed.estimatedDocumentCount() == 0) {
            return;
        }
        long imported = 0;
        try (MongoCursor<Document> cursor =
                claimed.find().sort(Sorts.ascending("at", "_id")).iterator()) {
            while (cursor.hasNext()) {
                Document read = cursor.next();
                if (MongoSupport.insertIfAbsent(database.getCollection(IMPORTED), read)) {
                    trail.append(entryOf(read));
                    imported++;
                }
                claimed.deleteOne(new Document("_id", read.get("_id")));
            }
        }
        log.info("Imported {} audited reads of the earlier unchained audit collection into the audit trail", imported);
    }

    private static void claim(MongoCollection<Document> legacy, MongoDatabase database) {
        try {
            legacy.renameCollection(new MongoNamespace(database.getName(), CLAIMED));
        } catch (MongoCommandException e) {
            // Another instance claimed it first, or an interrupted import's remainder is in the way: that goes first.
            log.info("The earlier audit collection is being imported elsewhere or later: {}", e.getErrorMessage());
        }
    }

    private static AuditEntry entryOf(Document read) {
        String grant = read.getString("grant");
        return new AuditEntry(
                read.getDate("at").toInstant(),
                new AuditEntry.Actor(
                        read.getString("subject"),
                        read.getString("name"),
                        read.getString("agency"),
                        read.getString("region"),
                        List.of()),
                Access.Grant.OWN_AGENCY.name().equals(grant)
                        ? AuditAction.PERSONAL_READ
                        : AuditAction.CROSS_AGENCY_READ,
                new AuditEntry.Target(
                        read.getString("kind"), read.getString("recordId"), read.getString("owner"), grant),
                AuditEntry.Origin.system());
    }
}
