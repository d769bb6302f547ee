package cn.wildlife.faults;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * What the services stored, read straight from their databases with the MongoDB driver (not through their APIs,
 * which could hide a duplicate): case-service's clues and cases, notification-service's deadlines.
 */
final class Effects implements AutoCloseable {

    /** Counted effects of one load. */
    record Stored(Set<String> clues, Set<String> cases, Map<String, Set<String>> deadlinesBySubject) {

        Set<String> deadlineIds() {
            Set<String> ids = new HashSet<>();
            deadlinesBySubject.values().forEach(ids::addAll);
            return ids;
        }
    }

    private final MongoClient client;

    Effects(String mongoUri) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                // The store is stopped on purpose in one scenario: fail fast and ask again.
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    Stored of(String prefix) {
        Pattern ours = Pattern.compile("^" + Pattern.quote(prefix));
        Set<String> clues = ids(client.getDatabase("cases").getCollection("clues")
                .find(Filters.regex("_id", ours)).projection(Projections.include("_id")));
        Set<String> cases = ids(client.getDatabase("cases").getCollection("cases")
                .find(Filters.regex("_id", ours)).projection(Projections.include("_id")));
        Map<String, Set<String>> deadlines = new HashMap<>();
        for (Document d : client.getDatabase("notifications").getCollection("deadlines")
                .find(Filters.regex("subjectId", ours)).projection(Projections.include("_id", "subjectId"))) {
            deadlines.computeIfAbsent(d.getString("subjectId"), s -> new HashSet<>()).add(d.getString("_id"));
        }
        return new Stored(clues, cases, deadlines);
    }

    private static Set<String> ids(Iterable<Document> docs) {
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Override
    public void close() {
        client.close();
    }
}
