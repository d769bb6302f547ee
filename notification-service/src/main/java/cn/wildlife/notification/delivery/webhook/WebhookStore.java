package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.AlertKind;
import cn.wildlife.notification.delivery.domain.SignatureAlgorithm;
import cn.wildlife.support.crypto.FieldCipher;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Registered webhooks ({@code webhooks}). The secret must be kept whole to sign with it (a hash would not do), so it
 * is stored with the webhook, sealed ({@link FieldCipher}, context {@value #SECRET_CONTEXT}): a copy of the store
 * or its files does not let anyone sign as the platform. It is returned by no read but {@link #endpoint}, and never
 * logged. A secret stored in plain before secrets were sealed is still read as it is, until the service's first
 * re-sealing run ({@link WebhookSealing}) seals it.
 */
@Component
class WebhookStore {

    static final String COLLECTION = "webhooks";
    static final String SECRET = "secret";
    static final String SECRET_CONTEXT = COLLECTION + "." + SECRET;

    /** Where to send and what to sign with, and how. */
    record Endpoint(String url, String secret, SignatureAlgorithm algorithm) {}

    private final MongoCollection<Document> webhooks;
    private final FieldCipher cipher;

    WebhookStore(MongoDatabase database, FieldCipher cipher) {
        this.webhooks = database.getCollection(COLLECTION);
        this.cipher = cipher;
        webhooks.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.ascending("region")));
    }

    void insert(Webhook webhook, String secret) {
        webhooks.insertOne(new Document("_id", webhook.id())
                .append("name", webhook.name())
                .append("url", webhook.url())
                .append("agency", webhook.agency().name())
                .append("region", webhook.region())
                .append(
                        "kinds",
                        webhook.filter().kinds().stream()
                                .map(Enum::name)
                                .sorted()
                                .toList())
                .append("ruleIds", webhook.filter().ruleIds().stream().sorted().toList())
                .append("eventTypes", webhook.eventTypes().stream().sorted().toList())
                .append("signatureAlgorithm", webhook.signatureAlgorithm().name())
                .append(SECRET, cipher.seal(secret, SECRET_CONTEXT))
                .append("createdAt", Date.from(webhook.createdAt()))
                .append("createdBy", webhook.createdBy()));
    }

    Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.find(Filters.eq("_id", id))
                        .projection(Projections.exclude(SECRET))
                        .first())
                .map(WebhookStore::fromDocument);
    }

    Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(webhooks.find(Filters.eq("_id", id)).first())
                .map(d -> new Endpoint(d.getString("url"), open(d.getString(SECRET)), algorithmOf(d)));
    }

    List<Webhook> all() {
        return webhooks.find()
                .projection(Projections.exclude(SECRET))
                .sort(Sorts.ascending("_id"))
                .map(WebhookStore::fromDocument)
                .into(new ArrayList<>());
    }

    boolean delete(String id) {
        return webhooks.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    boolean rotateSecret(String id, String secret, Instant at) {
        return webhooks.updateOne(
                                Filters.eq("_id", id),
                                Updates.combine(
                                        Updates.set(SECRET, cipher.seal(secret, SECRET_CONTEXT)),
                                        Updates.set("secretRotatedAt", Date.from(at))))
                        .getModifiedCount()
                == 1;
    }

    private static Webhook fromDocument(Document d) {
        Set<AlertKind> kinds = new HashSet<>();
        d.getList("kinds", String.class, List.of())
                .forEach(k -> AlertKind.parse(k).ifPresent(kinds::add));
        Date rotated = d.getDate("secretRotatedAt");
        return new Webhook(
                d.getString("_id"),
                d.getString("name"),
                d.getString("url"),
                Agency.valueOf(d.getString("agency")),
                d.getString("region"),
                new AlertFilter(kinds, Set.copyOf(d.getList("ruleIds", String.class, List.of()))),
                Set.copyOf(d.getList("eventTypes", String.class, List.of())),
                algorithmOf(d),
                d.getDate("createdAt").toInstant(),
                d.getString("createdBy"),
                rotated == null ? null : rotated.toInstant());
    }

    private String open(String stored) {
        return cipher.isSealed(stored) ? cipher.open(stored, SECRET_CONTEXT) : stored;
    }

    /** Webhooks registered before the choice existed have no algorithm stored, and were signed with HMAC-SHA256. */
    private static SignatureAlgorithm algorithmOf(Document d) {
        String stored = d.getString("signatureAlgorithm");
        return stored == null ? SignatureAlgorithm.HMAC_SHA256 : SignatureAlgorithm.valueOf(stored);
    }
}
