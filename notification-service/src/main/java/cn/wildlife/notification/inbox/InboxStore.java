package cn.wildlife.notification.inbox;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.domain.Recipient;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
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
import org.springframework.stereotype.Component;

/** Alerts as they land in an office's inbox: one item per alert and recipient, so a redelivery adds nothing. */
@Component
public class InboxStore {

    /** One item in an office's inbox. */
    public record Item(
            String id,
            String kind,
            String title,
            String legalBasis,
            String subjectType,
            String subjectId,
            String deadlineId,
            Instant dueAt,
            Instant raisedAt,
            @Nullable String role,
            boolean read) {}

    private final MongoCollection<Document> items;

    public InboxStore(MongoDatabase database) {
        this.items = database.getCollection("inbox");
        items.createIndex(Indexes.compoundIndex(
                Indexes.ascending("agency"), Indexes.ascending("region"), Indexes.descending("raisedAt")));
    }

    /** Delivers an alert to each recipient ({@code AGENCY@region} or {@code AGENCY@region/ROLE}). */
    public int deliver(AlertRaised alert) {
        int delivered = 0;
        for (String recipient : alert.recipients()) {
            String[] agencyAndRest = recipient.split("@", 2);
            if (agencyAndRest.length != 2) {
                continue;
            }
            String[] regionAndRole = agencyAndRest[1].split("/", 2);
            Document item = new Document("_id", alert.alertId() + "|" + recipient)
                    .append("agency", agencyAndRest[0])
                    .append("region", regionAndRole[0])
                    .append("role", regionAndRole.length == 2 ? regionAndRole[1] : null)
                    .append("kind", alert.kind())
                    .append("title", alert.title())
                    .append("legalBasis", alert.legalBasis())
                    .append("subjectType", alert.subjectType())
                    .append("subjectId", alert.subjectId())
                    .append("deadlineId", alert.deadlineId())
                    .append("dueAt", Date.from(alert.dueAt()))
                    .append("raisedAt", Date.from(alert.raisedAt()))
                    .append("read", false);
            delivered += MongoSupport.insertIfAbsent(items, item) ? 1 : 0;
        }
        return delivered;
    }

    public List<Item> inbox(
            String agency, String region, List<String> roles, @Nullable Boolean unread, int page, int size) {
        // The office's own items, and those addressed to one of the caller's roles everywhere (*@*/SYSTEM_ADMIN).
        List<Bson> filters = new ArrayList<>(List.of(Filters.or(
                Filters.and(
                        Filters.eq("agency", agency),
                        Filters.eq("region", region),
                        Filters.or(Filters.eq("role", null), Filters.in("role", roles))),
                Filters.and(
                        Filters.eq("agency", Recipient.ANY),
                        Filters.eq("region", Recipient.ANY),
                        Filters.in("role", roles)))));
        if (Boolean.TRUE.equals(unread)) {
            filters.add(Filters.eq("read", false));
        }
        return items.find(Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("raisedAt"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(d -> new Item(
                        d.getString("_id"),
                        d.getString("kind"),
                        d.getString("title"),
                        d.getString("legalBasis"),
                        d.getString("subjectType"),
                        d.getString("subjectId"),
                        d.getString("deadlineId"),
                        d.getDate("dueAt").toInstant(),
                        d.getDate("raisedAt").toInstant(),
                        d.getString("role"),
                        d.getBoolean("read", false)))
                .into(new ArrayList<>());
    }

    /**
     * False when the item is not in the caller's inbox. An item addressed to a role everywhere is shared by its
     * holders, as an office's items are shared by the office.
     */
    public boolean markRead(String id, String agency, String region, List<String> roles) {
        return items.updateOne(
                                Filters.and(
                                        Filters.eq("_id", id),
                                        Filters.or(
                                                Filters.and(Filters.eq("agency", agency), Filters.eq("region", region)),
                                                Filters.and(
                                                        Filters.eq("agency", Recipient.ANY),
                                                        Filters.eq("region", Recipient.ANY),
                                                        Filters.in("role", roles)))),
                                Updates.set("read", true))
                        .getMatchedCount()
                == 1;
    }
}
