package cn.wildlife.notification.delivery.digest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.notification.deadline.DeadlineStore;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannels;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.DeliveryStore;
import cn.wildlife.notification.delivery.DeliveryWorker;
import cn.wildlife.notification.delivery.DigestAudience;
import cn.wildlife.notification.delivery.TestStore;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Daily digests with two instances checking at the same moment. */
class DailyDigestsIT {

    private static final TestStore STORE = new TestStore();
    private static final DeliveryProperties SETTINGS = TestStore.properties("08:00");
    /** 08:30 in Beijing. */
    private static final Instant MORNING = Instant.parse("2026-11-26T00:30:00Z");

    @AfterAll
    static void close() {
        STORE.close();
    }

    /** Two offices of forestry and one of the police take digests. */
    private static final class Offices implements DigestAudience {
        final Queue<DailyDigest> rendered = new ConcurrentLinkedQueue<>();

        @Override
        public List<DigestTarget> digestTargets() {
            return List.of(
                    new DigestTarget("sub_city", ChannelType.EMAIL, "FORESTRY", "220100"),
                    new DigestTarget("sub_county", ChannelType.EMAIL, "FORESTRY", "220122"),
                    new DigestTarget("sub_police", ChannelType.EMAIL, "PUBLIC_SECURITY", "220112"));
        }

        @Override
        public Optional<Map<String, String>> render(DigestTarget target, DailyDigest digest) {
            rendered.add(digest);
            return Optional.of(Map.of("to", target.targetId() + "@example.cn"));
        }
    }

    private static DailyDigests instance(MongoDatabase database, Offices offices) {
        DeliveryStore deliveries = new DeliveryStore(database);
        return new DailyDigests(
                List.of(offices),
                new DigestCompiler(new DeadlineStore(database)),
                deliveries,
                new DeliveryWorker(
                        deliveries,
                        new DeliveryChannels(List.of()),
                        SETTINGS,
                        Clock.systemUTC(),
                        new SimpleMeterRegistry()),
                SETTINGS,
                Clock.systemUTC(),
                database);
    }

    @Test
    void eachAgencysDigestIsQueuedOnceADayWhicheverInstanceChecks() throws Exception {
        MongoDatabase database = STORE.database();
        overdueClue(database, "FORESTRY-220112-2026-0007", "220112");
        overdueClue(database, "FORESTRY-220122-2026-0003", "220122");
        Offices offices = new Offices();
        DailyDigests one = instance(database, offices);
        DailyDigests two = instance(database, offices);

        assertThat(one.sendDue(Instant.parse("2026-11-25T23:59:00Z")))
                .as("07:59 in Beijing: not yet")
                .isZero();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> first = threads.submit(() -> {
            start.await();
            return one.sendDue(MORNING);
        });
        Future<Integer> second = threads.submit(() -> {
            start.await();
            return two.sendDue(MORNING);
        });
        start.countDown();
        threads.shutdown();
        assertThat(first.get() + second.get()).isEqualTo(3);
        assertThat(one.sendDue(MORNING.plusSeconds(3600)) + two.sendDue(MORNING.plusSeconds(3600)))
                .isZero();
        assertThat(database.getCollection("deliveries").countDocuments()).isEqualTo(3);
        assertThat(database.getCollection("deliveries")
                        .find(new Document("_id", "digest:FORESTRY:2026-11-26:sub_city"))
                        .first())
                .isNotNull();

        assertThat(offices.rendered)
                .filteredOn(d -> d.region().equals("220100"))
                .singleElement()
                .satisfies(d -> assertThat(d.overdueTotal())
                        .as("the city sees both counties")
                        .isEqualTo(2));
        assertThat(offices.rendered)
                .filteredOn(d -> d.region().equals("220122"))
                .singleElement()
                .satisfies(d -> assertThat(d.overdue())
                        .extracting(DailyDigest.Line::subjectId)
                        .containsExactly("FORESTRY-220122-2026-0003"));
        assertThat(offices.rendered)
                .filteredOn(d -> d.agency().equals("PUBLIC_SECURITY"))
                .singleElement()
                .satisfies(d -> assertThat(d.total()).isZero());

        assertThat(one.sendDue(Instant.parse("2026-11-27T00:30:00Z")))
                .as("the next day")
                .isEqualTo(3);
    }

    @Test
    void aDayLeftHalfCompiledByADeadInstanceIsFinishedByAnotherWithoutDuplicates() {
        MongoDatabase database = STORE.database();
        database.getCollection("digests")
                .insertOne(new Document("_id", "FORESTRY:2026-11-26")
                        .append("agency", "FORESTRY")
                        .append("date", "2026-11-26")
                        .append("state", "COMPILING")
                        .append("claimedBy", "dead-instance")
                        .append("leaseUntil", Date.from(MORNING.plusSeconds(60))));
        Offices offices = new Offices();
        DailyDigests survivor = instance(database, offices);

        assertThat(survivor.sendDue(MORNING))
                .as("forestry's day is leased; the police's is free")
                .isEqualTo(1);
        assertThat(survivor.sendDue(MORNING.plusSeconds(61)))
                .as("the lease ran out")
                .isEqualTo(2);
        assertThat(survivor.sendDue(MORNING.plusSeconds(120))).isZero();
    }

    private static void overdueClue(MongoDatabase database, String clueId, String region) {
        Instant due = Instant.parse("2026-11-20T15:59:59Z");
        database.getCollection("deadlines")
                .insertOne(new Document("_id", "CLUE_CASE_DECISION_DEFAULT:" + clueId)
                        .append("ruleId", "CLUE_CASE_DECISION_DEFAULT")
                        .append("ruleVersion", 1)
                        .append("title", "线索立案决定")
                        .append("legalBasis", "平台默认期限")
                        .append("kind", "DUTY")
                        .append("subjectType", "CLUE")
                        .append("subjectId", clueId)
                        .append("agency", "FORESTRY")
                        .append("region", region)
                        .append("openedByEventId", "e-" + clueId)
                        .append("startedAt", Date.from(due.minusSeconds(86_400 * 21)))
                        .append("dueAt", Date.from(due))
                        .append("dueDate", "2026-11-20")
                        .append("provisional", false)
                        .append("arithmetic", "working days")
                        .append("state", "OVERDUE")
                        .append("version", 2));
    }
}
