package cn.wildlife.notification.delivery.subscription;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.AlertKind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Subscriptions ({@code subscriptions}). Addresses are personal data: kept here, never logged whole. */
@Component
class SubscriptionStore {

    private final MongoCollection<Document> subscriptions;

    SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection("subscriptions");
        subscriptions.createIndex(Indexes.ascending("subject"));
        subscriptions.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.ascending("region")));
    }

    void insert(Subscription s) {
        subscriptions.insertOne(new Document("_id", s.id())
                .append("scope", s.scope().name())
                .append("subject", s.subject())
                .append("agency", s.agency().name())
                .append("region", s.region())
                .append("roles", s.roles().stream().sorted().toList())
                .append("channel", s.channel().name())
                .append("address", s.address())
                .append(
                        "kinds",
                        s.filter().kinds().stream().map(Enum::name).sorted().toList())
                .append("ruleIds", s.filter().ruleIds().stream().sorted().toList())
                .append("digest", s.digest())
                .append("createdAt", Date.from(s.createdAt()))
                .append("createdBy", s.createdBy()));
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first())
                .map(SubscriptionStore::fromDocument);
    }

    List<Subscription> all() {
        return subscriptions
                .find()
                .sort(Sorts.ascending("_id"))
                .map(SubscriptionStore::fromDocument)
                .into(new ArrayList<>());
    }

    boolean delete(String id) {
        return subscriptions.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    private static Subscription fromDocument(Document d) {
        Set<AlertKind> kinds = new HashSet<>();
        d.getList("kinds", String.class, List.of())
                .forEach(k -> AlertKind.parse(k).ifPresent(kinds::add));
        return new Subscription(
                d.getString("_id"),
                Subscription.Scope.valueOf(d.getString("scope")),
                d.getString("subject"),
                Agency.valueOf(d.getString("agency")),
                d.getString("region"),
                Set.copyOf(d.getList("roles", String.class, List.of())),
                ChannelType.valueOf(d.getString("channel")),
                d.getString("address"),
                new AlertFilter(kinds, Set.copyOf(d.getList("ruleIds", String.class, List.of()))),
                d.getBoolean("digest", false),
                d.getDate("createdAt").toInstant(),
                d.getString("createdBy"));
    }
}
