package cn.wildlife.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * An entry as a flat document (searchable by its fields), and back. Reading back is strict about types: a field
 * changed to another type in the store makes the entry unreadable, which verification reports as altered.
 */
final class AuditDocuments {

    private AuditDocuments() {}

    static Document toDocument(ChainedEntry chained) {
        AuditEntry entry = chained.entry();
        Document document = new Document("_id", chained.sequence()).append("at", Date.from(entry.at()));
        AuditEntry.Actor actor = entry.actor();
        put(document, "subject", actor.subject());
        put(document, "name", actor.name());
        put(document, "agency", actor.agency());
        put(document, "region", actor.region());
        document.append("roles", actor.roles());
        document.append("action", entry.action().name());
        AuditEntry.Target target = entry.target();
        put(document, "recordKind", target.kind());
        put(document, "recordId", target.id());
        put(document, "owner", target.owner());
        put(document, "grant", target.grant());
        put(document, "detail", target.detail());
        AuditEntry.Origin origin = entry.origin();
        put(document, "door", origin.door());
        put(document, "method", origin.method());
        put(document, "path", origin.path());
        if (origin.status() != null) {
            document.append("status", origin.status());
        }
        put(document, "requestId", origin.requestId());
        return document.append("previousHash", chained.previousHash()).append("hash", chained.hash());
    }

    static ChainedEntry fromDocument(Document document) {
        List<String> roles = new ArrayList<>();
        for (Object role : document.getList("roles", Object.class, List.of())) {
            roles.add((String) role);
        }
        Integer status = document.getInteger("status");
        AuditEntry entry = new AuditEntry(
                at(document),
                new AuditEntry.Actor(
                        document.getString("subject"),
                        document.getString("name"),
                        document.getString("agency"),
                        document.getString("region"),
                        roles),
                AuditAction.valueOf(document.getString("action")),
                new AuditEntry.Target(
                        document.getString("recordKind"),
                        document.getString("recordId"),
                        document.getString("owner"),
                        document.getString("grant"),
                        document.getString("detail")),
                new AuditEntry.Origin(
                        document.getString("door"),
                        document.getString("method"),
                        document.getString("path"),
                        status,
                        document.getString("requestId")));
        return new ChainedEntry(
                sequence(document), entry, document.getString("previousHash"), document.getString("hash"));
    }

    static long sequence(Document document) {
        return ((Number) document.get("_id")).longValue();
    }

    static Instant at(Document document) {
        return document.getDate("at").toInstant();
    }

    static @Nullable String string(Document document, String field) {
        return document.get(field) instanceof String value ? value : null;
    }

    private static void put(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
