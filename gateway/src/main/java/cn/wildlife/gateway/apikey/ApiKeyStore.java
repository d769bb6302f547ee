package cn.wildlife.gateway.apikey;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/** The gateway's own database: API keys ({@code api_keys}). Blocking driver calls; callers move them off the loop. */
public class ApiKeyStore {

    private final MongoCollection<Document> keys;

    public ApiKeyStore(MongoDatabase database) {
        this.keys = database.getCollection("api_keys");
    }

    public void insert(ApiKey key) {
        keys.insertOne(new Document("_id", key.id())
                .append("name", key.name())
                .append("agency", key.agency())
                .append("region", key.region())
                .append(
                        "operations",
                        key.operations().stream().map(Enum::name).sorted().toList())
                .append("secretHash", key.secretHash())
                .append("createdAt", Date.from(key.createdAt()))
                .append("createdBy", key.createdBy()));
    }

    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", id)).first()).map(ApiKeyStore::fromDocument);
    }

    public List<ApiKey> list() {
        return keys.find()
                .sort(Sorts.descending("createdAt"))
                .map(ApiKeyStore::fromDocument)
                .into(new ArrayList<>());
    }

    /** False when there is no such key or it was revoked already. */
    public boolean revoke(String id, Instant at) {
        return keys.updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq("revokedAt", null)),
                                Updates.set("revokedAt", Date.from(at)))
                        .getModifiedCount()
                == 1;
    }

    /** The key with its narrower scope, or empty when there is no such key or it was revoked. */
    public Optional<ApiKey> narrow(String id, Set<ApiKey.Operation> operations, String region) {
        keys.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("revokedAt", null)),
                Updates.combine(
                        Updates.set(
                                "operations",
                                operations.stream().map(Enum::name).sorted().toList()),
                        Updates.set("region", region)));
        return find(id).filter(key -> !key.revoked());
    }

    public void touch(String id, Instant at) {
        keys.updateOne(Filters.eq("_id", id), Updates.set("lastUsedAt", Date.from(at)));
    }

    private static ApiKey fromDocument(Document doc) {
        EnumSet<ApiKey.Operation> operations = EnumSet.noneOf(ApiKey.Operation.class);
        doc.getList("operations", String.class, List.of()).forEach(op -> operations.add(ApiKey.Operation.valueOf(op)));
        Date revoked = doc.getDate("revokedAt");
        Date used = doc.getDate("lastUsedAt");
        return new ApiKey(
                doc.getString("_id"),
                doc.getString("name"),
                doc.getString("agency"),
                doc.getString("region"),
                operations,
                doc.getString("secretHash"),
                doc.getDate("createdAt").toInstant(),
                doc.getString("createdBy"),
                revoked == null ? null : revoked.toInstant(),
                used == null ? null : used.toInstant());
    }
}
