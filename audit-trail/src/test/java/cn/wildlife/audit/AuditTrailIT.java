package cn.wildlife.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trail against a real store (embedded, or the image: TestInfrastructure). */
class AuditTrailIT {

    private static final Instant START = Instant.parse("2026-01-05T02:00:00Z");

    static TestMongo store;
    static MongoClient client;

    private MongoDatabase database;
    private MongoCollection<Document> stored;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        client = MongoClients.create(store.uri("audit"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("audit-" + UUID.randomUUID().toString().substring(0, 8));
        stored = database.getCollection(AuditTrail.COLLECTION);
    }

    @Test
    void twoInstancesAppendingAtOnceKeepOneChain() throws Exception {
        AuditTrail first = new AuditTrail(database);
        AuditTrail second = new AuditTrail(database);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                AuditTrail trail = i % 2 == 0 ? first : second;
                int n = i;
                appends.add(threads.submit(() -> trail.append(write(START.plusSeconds(n), "officer-" + n))));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            threads.shutdownNow();
        }

        Verification verification = new AuditTrail(database).verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(100);
        assertThat(verification.lastSequence()).isEqualTo(100);
        assertThat(stored.countDocuments()).isEqualTo(100);
    }

    @Test
    void anEntryChangedInTheStoreIsReportedAtItsSequence() {
        AuditTrail trail = trailOf(5);
        stored.updateOne(Filters.eq("_id", 3L), Updates.set("recordId", "CL-OTHER"));

        Verification verification = trail.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenLink().sequence()).isEqualTo(3);
        assertThat(verification.brokenLink().reason()).isEqualTo(BrokenLink.Reason.ALTERED);
    }

    @Test
    void anEntryChangedToAnotherTypeIsReportedAtItsSequence() {
        AuditTrail trail = trailOf(5);
        stored.updateOne(Filters.eq("_id", 2L), Updates.set("status", "201"));

        assertThat(trail.verify().brokenLink().sequence()).isEqualTo(2);
    }

    @Test
    void aDeletedMiddleEntryIsReportedMissing() {
        AuditTrail trail = trailOf(5);
        stored.deleteOne(Filters.eq("_id", 4L));

        BrokenLink broken = trail.verify().brokenLink();

        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.reason()).isEqualTo(BrokenLink.Reason.MISSING);
    }

    @Test
    void retentionRemovesTheOldestEntriesAndTheChainStillVerifiesFromTheAnchor() {
        AuditTrail trail = new AuditTrail(database);
        for (int day = 0; day < 10; day++) {
            trail.append(write(START.plus(Duration.ofDays(day)), "officer-" + day));
        }
        Instant now = START.plus(Duration.ofDays(10));

        long removed = trail.removeOlderThan(START.plus(Duration.ofDays(4)), now);

        assertThat(removed).isEqualTo(4);
        Anchor anchor = trail.anchor();
        assertThat(anchor.firstSequence()).isEqualTo(5);
        Verification verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstSequence()).isEqualTo(5);
        // Six kept, and the retention's own entry.
        assertThat(verification.entries()).isEqualTo(7);
        assertThat(trail.search(AuditQuery.everything().withAction(AuditAction.RETENTION), 0, 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.entry().target().id()).isEqualTo("5"));
        // A new instance goes on from the newest entry.
        assertThat(new AuditTrail(database).append(write(now, "late")).sequence())
                .isEqualTo(12);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theRetentionJobKeepsTheConfiguredSixMonths() {
        AuditTrail trail = new AuditTrail(database);
        trail.append(write(START, "old"));
        trail.append(write(START.plus(Duration.ofDays(100)), "younger"));
        Instant now = START.plus(Duration.ofDays(181));

        long removed =
                new AuditRetention(trail, Duration.ofDays(180), Clock.fixed(now, ZoneOffset.UTC)).removeExpired();

        assertThat(removed).isEqualTo(1);
        assertThat(trail.search(new AuditQuery(null, null, "old", null, null, null), 0, 10))
                .isEmpty();
        assertThat(trail.search(new AuditQuery(null, null, "younger", null, null, null), 0, 10))
                .hasSize(1);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void removingTheOldestEntriesByHandIsReported() {
        AuditTrail trail = trailOf(5);
        stored.deleteMany(Filters.lt("_id", 3L));

        assertThat(trail.verify().brokenLink().reason()).isEqualTo(BrokenLink.Reason.MISSING);
    }

    @Test
    void searchFindsEntriesByRecordSubjectAgencyActionAndTime() {
        AuditTrail trail = trailOf(5);

        assertThat(trail.search(new AuditQuery(null, null, "officer-2", null, null, null), 0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.sequence()).isEqualTo(2));
        assertThat(trail.search(
                        new AuditQuery(START.plusSeconds(3), START.plusSeconds(5), null, "FORESTRY", null, null),
                        0,
                        10))
                .extracting(ChainedEntry::sequence)
                .containsExactly(4L, 3L);
        assertThat(trail.search(new AuditQuery(null, null, null, null, AuditAction.DENIAL, null), 0, 10))
                .isEmpty();
        assertThat(trail.search(new AuditQuery(null, null, null, null, null, "CL-1"), 1, 2))
                .extracting(ChainedEntry::sequence)
                .containsExactly(3L, 2L);
    }

    private AuditTrail trailOf(int n) {
        AuditTrail trail = new AuditTrail(database);
        for (int i = 1; i <= n; i++) {
            trail.append(write(START.plusSeconds(i), "officer-" + i));
        }
        assertThat(trail.verify().intact()).isTrue();
        return trail;
    }

    private static AuditEntry write(Instant at, String subject) {
        return new AuditEntry(
                at,
                new AuditEntry.Actor(subject, "林业执法员", "FORESTRY", "220102", List.of("OFFICER")),
                AuditAction.WRITE,
                AuditEntry.Target.record("clues", "CL-1"),
                new AuditEntry.Origin(AuditEntry.Origin.REST, "POST", "/api/clues", 201, "req-" + subject));
    }
}
