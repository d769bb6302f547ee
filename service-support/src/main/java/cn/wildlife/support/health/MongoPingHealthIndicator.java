package cn.wildlife.support.health;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Runs {@code ping} against the service's database. Replaces Boot's indicator, whose {@code hello} command the
 * embedded Mongo-wire store does not answer once a database exists.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        super("MongoDB is not reachable");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // With no reachable server a ping waits for server selection (30 s): the readiness probe would hang instead
        // of answering 503 (fault tests: the store away for 30 s gave no answer at all). The driver's own view of the
        // servers is current within a heartbeat, or at once when an operation failed.
        if (client.getClusterDescription().getServerDescriptions().stream().noneMatch(ServerDescription::isOk)) {
            builder.down().withDetail("database", database).withDetail("reason", "no MongoDB server is reachable");
            return;
        }
        Document result = client.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database).withDetail("ping", result.get("ok"));
    }
}
