package cn.wildlife.support.security;

import cn.wildlife.events.Agency;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** Reads of one agency's records by another agency: who, what, when and why it was allowed. Append-only. */
public class AuditLog {

    /** One audited read. Named apart in OpenAPI: a service's own "Entry" (a transfer's history) would replace it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AuditEntry")
    public record Entry(
            Instant at,
            String subject,
            String name,
            Agency agency,
            String region,
            String kind,
            String recordId,
            Agency owner,
            Access.Grant grant) {}

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection("audit");
        this.clock = clock;
        entries.createIndex(Indexes.descending("at"));
        entries.createIndex(Indexes.ascending("recordId"));
    }

    void recordRead(Caller caller, String kind, String recordId, Agency owner, Access.Grant grant) {
        entries.insertOne(new Document("at", Date.from(clock.instant()))
                .append("subject", caller.subject())
                .append("name", caller.name())
                .append("agency", caller.agency().name())
                .append("region", caller.region().code())
                .append("kind", kind)
                .append("recordId", recordId)
                .append("owner", owner.name())
                .append("grant", grant.name()));
    }

    public List<Entry> find(@Nullable String recordId, @Nullable Agency readerAgency, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (recordId != null) {
            filters.add(Filters.eq("recordId", recordId));
        }
        if (readerAgency != null) {
            filters.add(Filters.eq("agency", readerAgency.name()));
        }
        return entries.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at"))
                .skip(page * size)
                .limit(size)
                .map(d -> new Entry(
                        d.getDate("at").toInstant(),
                        d.getString("subject"),
                        d.getString("name"),
                        Agency.valueOf(d.getString("agency")),
                        d.getString("region"),
                        d.getString("kind"),
                        d.getString("recordId"),
                        Agency.valueOf(d.getString("owner")),
                        Access.Grant.valueOf(d.getString("grant"))))
                .into(new ArrayList<>());
    }
}
