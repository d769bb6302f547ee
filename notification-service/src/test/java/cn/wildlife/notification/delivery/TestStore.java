package cn.wildlife.notification.delivery;

import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A MongoDB (the embedded store in memory, or the image: {@link TestInfrastructure}), a new database at each call, and
 * delivery settings with short waits.
 */
public final class TestStore implements AutoCloseable {

    private final TestMongo store = TestInfrastructure.mongo();
    private final MongoClient client = MongoClients.create(store.uri("test"));

    public MongoDatabase database() {
        return client.getDatabase("deliveries-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Retries after 100 ms, then 200 ms; dead after three tries; a lease of 30 s. */
    public static DeliveryProperties properties(String digestTime) {
        return new DeliveryProperties(
                new DeliveryProperties.Retry(Duration.ofMillis(100), Duration.ofMillis(400), 3),
                new DeliveryProperties.Worker(1, Duration.ofMillis(20), Duration.ofSeconds(30)),
                new DeliveryProperties.Webhook(Duration.ofSeconds(1), Duration.ofSeconds(2), List.of()),
                new DeliveryProperties.Email(
                        null, 25, null, null, "noreply@wildlife.local", false, Duration.ofSeconds(2)),
                new DeliveryProperties.Sms(null, null, "X-Api-Token", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new DeliveryProperties.Digest(true, digestTime, Duration.ofMinutes(1)));
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
