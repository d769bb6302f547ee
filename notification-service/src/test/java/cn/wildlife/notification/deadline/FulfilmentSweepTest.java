package cn.wildlife.notification.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.notification.delivery.TestStore;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Early fulfilments against the embedded store: the unmatched ones go after their retention, by either instance. */
class FulfilmentSweepTest {

    private static final TestStore STORE = new TestStore();
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void fulfilmentsKeptLongerThanTheRetentionAreSweptOnceAndYoungerOnesStay() {
        MongoDatabase database = STORE.database();
        DeadlineStore store = new DeadlineStore(database);
        FulfilmentProperties properties = new FulfilmentProperties(Duration.ofDays(90), Duration.ofHours(1));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FulfilmentSweep one = new FulfilmentSweep(store, properties, clock);
        FulfilmentSweep two = new FulfilmentSweep(new DeadlineStore(database), properties, clock);

        store.recordFulfilment(
                "RULE:old",
                new DeadlineStore.Fulfilment("e1", "t", NOW.minus(Duration.ofDays(100))),
                NOW.minus(Duration.ofDays(91)));
        store.recordFulfilment(
                "RULE:young",
                new DeadlineStore.Fulfilment("e2", "t", NOW.minus(Duration.ofDays(100))),
                NOW.minus(Duration.ofDays(2)));
        // Kept by an earlier version, without the time it was kept: it gets its full retention from now.
        database.getCollection("fulfilments")
                .insertOne(new Document("_id", "RULE:legacy")
                        .append("eventId", "e3")
                        .append("eventType", "t")
                        .append("at", java.util.Date.from(NOW.minus(Duration.ofDays(400)))));

        assertThat(one.sweepAt(NOW) + two.sweepAt(NOW)).isEqualTo(1);
        assertThat(store.fulfilment("RULE:old")).isEmpty();
        assertThat(store.fulfilment("RULE:young")).isPresent();
        assertThat(store.fulfilment("RULE:legacy")).isPresent();
        assertThat(two.sweepAt(NOW.plus(Duration.ofDays(91)))).isEqualTo(2);
        assertThat(store.keptFulfilments()).isZero();
    }

    @Test
    void aFulfilmentTakenInByItsClockIsForgotten() {
        DeadlineStore store = new DeadlineStore(STORE.database());
        store.recordFulfilment("RULE:s", new DeadlineStore.Fulfilment("e1", "t", NOW), NOW);

        store.forgetFulfilment("RULE:s");

        assertThat(store.fulfilment("RULE:s")).isEmpty();
    }
}
