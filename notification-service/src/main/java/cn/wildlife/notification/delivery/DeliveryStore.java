package cn.wildlife.notification.delivery;

import cn.wildlife.notification.delivery.domain.RetryPolicy;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every delivery and its attempts ({@code deliveries}), one document per event and target: the key
 * {@code eventId:targetId} makes a redelivered event add nothing. The document is also the retry queue: an attempt is
 * claimed by one conditional write that leases it to one worker, so however many instances run, each attempt is made
 * by one of them; a lease that runs out (its instance died mid-send) lets another take the delivery over.
 */
@Component
public class DeliveryStore {

    /** Where a delivery is. PENDING waits for its next try, SENDING is leased to a worker. */
    public enum Status {
        PENDING,
        SENDING,
        SENT,
        DEAD,
        CANCELLED
    }

    /** One try, as the delivery log shows it. */
    public record Attempt(
            int attempt,
            Instant at,
            String outcome,
            @Nullable Integer statusCode,
            long durationMillis,
            @Nullable String error) {}

    /** A delivery as listed: what caused it, where it is, and every try. */
    public record View(
            String id,
            String eventId,
            String eventType,
            ChannelType channel,
            String targetId,
            Status status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            Instant createdAt,
            @Nullable Instant sentAt,
            Map<String, Object> about,
            List<Attempt> log) {}

    /** What became of a failed attempt. */
    public enum AfterFailure {
        RETRY,
        DEAD,
        LOST_LEASE
    }

    private final MongoCollection<Document> deliveries;

    public DeliveryStore(MongoDatabase database) {
        this.deliveries = database.getCollection("deliveries");
        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("nextAttemptAt")));
        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("targetId"), Indexes.descending("createdAt")));
    }

    public static String idFor(String eventId, String targetId) {
        return eventId + ":" + targetId;
    }

    /** Records a delivery to be made now; false when this event already went (or is going) to this target. */
    public boolean enqueue(
            String eventId, String eventType, Outgoing outgoing, Map<String, Object> about, Instant now) {
        Document doc = new Document("_id", idFor(eventId, outgoing.targetId()))
                .append("eventId", eventId)
                .append("eventType", eventType)
                .append("targetId", outgoing.targetId())
                .append("channel", outgoing.channel().name())
                .append("agency", outgoing.agency())
                .append("about", new Document(about))
                .append("content", new Document(outgoing.content()))
                .append("status", Status.PENDING.name())
                .append("attempts", 0)
                .append("roundStart", 0)
                .append("nextAttemptAt", Date.from(now))
                .append("createdAt", Date.from(now))
                .append("log", List.of());
        return MongoSupport.insertIfAbsent(deliveries, doc);
    }

    /**
     * Leases the delivery due soonest on one of the channels to {@code worker}: a pending one whose time has come, or
     * one whose previous lease ran out. The attempt counter goes up in the same write.
     */
    public Optional<PendingDelivery> claim(
            Collection<ChannelType> channels, Instant now, Duration lease, String worker) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        Bson due = Filters.and(
                Filters.in("channel", channels.stream().map(Enum::name).toList()),
                Filters.or(
                        Filters.and(
                                Filters.eq("status", Status.PENDING.name()),
                                Filters.lte("nextAttemptAt", Date.from(now))),
                        Filters.and(
                                Filters.eq("status", Status.SENDING.name()),
                                Filters.lte("leaseUntil", Date.from(now)))));
        Document claimed = deliveries.findOneAndUpdate(
                due,
                Updates.combine(
                        Updates.set("status", Status.SENDING.name()),
                        Updates.set("leaseUntil", Date.from(now.plus(lease))),
                        Updates.set("claimedBy", worker),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        Map<String, String> content = new LinkedHashMap<>();
        claimed.get("content", Document.class).forEach((k, v) -> content.put(k, String.valueOf(v)));
        return Optional.of(new PendingDelivery(
                claimed.getString("_id"),
                claimed.getString("eventId"),
                claimed.getString("eventType"),
                ChannelType.valueOf(claimed.getString("channel")),
                claimed.getString("targetId"),
                claimed.getInteger("attempts"),
                content));
    }

    /** Records a successful attempt; false when the lease was lost meanwhile (another worker owns it now). */
    public boolean recordSent(PendingDelivery delivery, Attempt attempt) {
        return deliveries
                        .updateOne(
                                leased(delivery),
                                Updates.combine(
                                        Updates.set("status", Status.SENT.name()),
                                        Updates.set("sentAt", Date.from(attempt.at())),
                                        Updates.unset("leaseUntil"),
                                        Updates.unset("nextAttemptAt"),
                                        Updates.push("log", asDocument(attempt))))
                        .getModifiedCount()
                == 1;
    }

    /** Records a failed attempt: back to pending with its next time, or dead after the last try. */
    public AfterFailure recordFailure(
            PendingDelivery delivery, Attempt attempt, RetryPolicy policy, boolean permanent) {
        Document current = deliveries
                .find(leased(delivery))
                .projection(new Document("roundStart", 1))
                .first();
        if (current == null) {
            return AfterFailure.LOST_LEASE;
        }
        int triesThisRound = delivery.attempt() - current.getInteger("roundStart", 0);
        Optional<Duration> delay = permanent ? Optional.empty() : policy.nextDelay(triesThisRound);
        Bson next = delay.isPresent()
                ? Updates.combine(
                        Updates.set("status", Status.PENDING.name()),
                        Updates.set("nextAttemptAt", Date.from(attempt.at().plus(delay.get()))))
                : Updates.combine(
                        Updates.set("status", Status.DEAD.name()),
                        Updates.unset("nextAttemptAt"),
                        Updates.set("deadAt", Date.from(attempt.at())));
        boolean recorded = deliveries
                        .updateOne(
                                leased(delivery),
                                Updates.combine(
                                        next, Updates.unset("leaseUntil"), Updates.push("log", asDocument(attempt))))
                        .getModifiedCount()
                == 1;
        if (!recorded) {
            return AfterFailure.LOST_LEASE;
        }
        return delay.isPresent() ? AfterFailure.RETRY : AfterFailure.DEAD;
    }

    /**
     * Starts a new round of tries for a dead (or already sent) delivery of this target, due now; false when there is
     * no such delivery or it is still under way.
     */
    public boolean redeliver(String id, String targetId, Instant now) {
        Document current = deliveries
                .find(Filters.and(Filters.eq("_id", id), Filters.eq("targetId", targetId)))
                .first();
        if (current == null) {
            return false;
        }
        String status = current.getString("status");
        if (!List.of(Status.DEAD.name(), Status.SENT.name()).contains(status)) {
            return false;
        }
        int attempts = current.getInteger("attempts", 0);
        return deliveries
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", id),
                                        Filters.eq("status", status),
                                        Filters.eq("attempts", attempts)),
                                Updates.combine(
                                        Updates.set("status", Status.PENDING.name()),
                                        Updates.set("roundStart", attempts),
                                        Updates.set("nextAttemptAt", Date.from(now)),
                                        Updates.unset("deadAt"),
                                        Updates.inc("redeliveries", 1)))
                        .getModifiedCount()
                == 1;
    }

    /** Stops whatever still waits for a target that was removed. */
    public long cancelPending(String targetId) {
        return deliveries
                .updateMany(
                        Filters.and(Filters.eq("targetId", targetId), Filters.eq("status", Status.PENDING.name())),
                        Updates.combine(Updates.set("status", Status.CANCELLED.name()), Updates.unset("nextAttemptAt")))
                .getModifiedCount();
    }

    public Optional<View> find(String id, String targetId) {
        return Optional.ofNullable(deliveries
                        .find(Filters.and(Filters.eq("_id", id), Filters.eq("targetId", targetId)))
                        .first())
                .map(DeliveryStore::view);
    }

    /** A target's deliveries, newest first, optionally in one status (DEAD: the dead-letter list). */
    public List<View> forTarget(String targetId, @Nullable Status status, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("targetId", targetId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        return deliveries
                .find(Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(DeliveryStore::view)
                .into(new ArrayList<>());
    }

    private static Bson leased(PendingDelivery delivery) {
        return Filters.and(
                Filters.eq("_id", delivery.id()),
                Filters.eq("status", Status.SENDING.name()),
                Filters.eq("attempts", delivery.attempt()));
    }

    private static Document asDocument(Attempt attempt) {
        return new Document("attempt", attempt.attempt())
                .append("at", Date.from(attempt.at()))
                .append("outcome", attempt.outcome())
                .append("statusCode", attempt.statusCode())
                .append("durationMillis", attempt.durationMillis())
                .append("error", attempt.error());
    }

    private static View view(Document d) {
        List<Attempt> log = d.getList("log", Document.class, List.of()).stream()
                .map(a -> new Attempt(
                        a.getInteger("attempt"),
                        a.getDate("at").toInstant(),
                        a.getString("outcome"),
                        a.getInteger("statusCode"),
                        ((Number) a.get("durationMillis")).longValue(),
                        a.getString("error")))
                .toList();
        Map<String, Object> about = new LinkedHashMap<>(d.get("about", Document.class));
        return new View(
                d.getString("_id"),
                d.getString("eventId"),
                d.getString("eventType"),
                ChannelType.valueOf(d.getString("channel")),
                d.getString("targetId"),
                Status.valueOf(d.getString("status")),
                d.getInteger("attempts", 0),
                instant(d.getDate("nextAttemptAt")),
                d.getDate("createdAt").toInstant(),
                instant(d.getDate("sentAt")),
                about,
                log);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
