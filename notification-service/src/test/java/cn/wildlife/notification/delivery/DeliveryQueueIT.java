package cn.wildlife.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The delivery queue in the Mongo-wire store, as several instances share it. */
class DeliveryQueueIT {

    private static final TestStore STORE = new TestStore();
    private static final DeliveryProperties SETTINGS = TestStore.properties("08:00");

    @AfterAll
    static void close() {
        STORE.close();
    }

    /** A webhook channel that records what it sends and answers as told. */
    private static final class RecordingChannel implements DeliveryChannel {
        final Queue<String> sent = new ConcurrentLinkedQueue<>();
        volatile Function<PendingDelivery, SendResult> answer = d -> SendResult.sent(200);

        @Override
        public ChannelType type() {
            return ChannelType.WEBHOOK;
        }

        @Override
        public SendResult send(PendingDelivery delivery) {
            sent.add(delivery.id() + "#" + delivery.attempt());
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.apply(delivery);
        }
    }

    private static DeliveryWorker worker(DeliveryStore store, DeliveryChannel channel, SimpleMeterRegistry meters) {
        return new DeliveryWorker(store, new DeliveryChannels(List.of(channel)), SETTINGS, Clock.systemUTC(), meters);
    }

    private static Outgoing webhook(String target) {
        return new Outgoing(target, ChannelType.WEBHOOK, "FORESTRY", Map.of("body", "{}"));
    }

    @Test
    void twoInstancesDrainingOneQueueSendEachAttemptOnce() throws Exception {
        var database = STORE.database();
        DeliveryStore first = new DeliveryStore(database);
        DeliveryStore second = new DeliveryStore(database);
        RecordingChannel channel = new RecordingChannel();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<DeliveryWorker> workers = List.of(worker(first, channel, meters), worker(second, channel, meters));
        for (int i = 0; i < 40; i++) {
            first.enqueue("event-" + i, "cn.wildlife.alert.raised.v1", webhook("wh_partner"), Map.of(), Instant.now());
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            DeliveryWorker worker = workers.get(t % 2);
            threads.submit(() -> {
                start.await();
                while (worker.sendOne()) {
                    Thread.onSpinWait();
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(channel.sent).hasSize(40).doesNotHaveDuplicates().allMatch(s -> s.endsWith("#1"));
        assertThat(meters.get("platform.alerts.delivered")
                        .tags("channel", "webhook", "outcome", "sent")
                        .counter()
                        .count())
                .isEqualTo(40);
        assertThat(first.forTarget("wh_partner", DeliveryStore.Status.SENT, 0, 100))
                .hasSize(40);
    }

    @Test
    void theSameEventForTheSameTargetIsQueuedOnce() {
        DeliveryStore store = new DeliveryStore(STORE.database());
        assertThat(store.enqueue("event-1", "t", webhook("wh_a"), Map.of(), Instant.now()))
                .isTrue();
        assertThat(store.enqueue("event-1", "t", webhook("wh_a"), Map.of(), Instant.now()))
                .isFalse();
        assertThat(store.enqueue("event-1", "t", webhook("wh_b"), Map.of(), Instant.now()))
                .isTrue();
    }

    @Test
    void aFailingDeliveryBacksOffIsDeadLetteredAfterItsLastTryAndCanBeSentAgain() {
        DeliveryStore store = new DeliveryStore(STORE.database());
        RecordingChannel channel = new RecordingChannel();
        channel.answer = d -> SendResult.failed(500, "HTTP 500");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeliveryWorker worker = worker(store, channel, meters);
        store.enqueue("event-x", "t", webhook("wh_down"), Map.of(), Instant.now());
        String id = DeliveryStore.idFor("event-x", "wh_down");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    worker.sendOne();
                    return store.find(id, "wh_down").orElseThrow().status() == DeliveryStore.Status.DEAD;
                });
        DeliveryStore.View dead = store.find(id, "wh_down").orElseThrow();
        assertThat(dead.log()).hasSize(3).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo("FAILED");
            assertThat(a.statusCode()).isEqualTo(500);
            assertThat(a.error()).isEqualTo("HTTP 500");
        });
        assertThat(Duration.between(dead.log().get(0).at(), dead.log().get(1).at()))
                .as("the first back-off")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(dead.log().get(1).at(), dead.log().get(2).at()))
                .as("doubled")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(store.forTarget("wh_down", DeliveryStore.Status.DEAD, 0, 10))
                .extracting(DeliveryStore.View::id)
                .containsExactly(id);
        assertThat(meters.get("platform.alerts.delivered")
                        .tags("channel", "webhook", "outcome", "dead")
                        .counter()
                        .count())
                .isEqualTo(1);

        channel.answer = d -> SendResult.sent(204);
        assertThat(store.redeliver(id, "wh_down", Instant.now())).isTrue();
        assertThat(store.redeliver(id, "wh_down", Instant.now()))
                .as("already queued again")
                .isFalse();
        assertThat(worker.sendOne()).isTrue();
        DeliveryStore.View sent = store.find(id, "wh_down").orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStore.Status.SENT);
        assertThat(sent.log()).hasSize(4).last().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(4);
            assertThat(a.statusCode()).isEqualTo(204);
        });
    }

    @Test
    void anAttemptLeftByADeadInstanceIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        DeliveryStore store = new DeliveryStore(STORE.database());
        RecordingChannel channel = new RecordingChannel();
        store.enqueue("event-y", "t", webhook("wh_slow"), Map.of(), Instant.now());
        PendingDelivery abandoned = store.claim(
                        List.of(ChannelType.WEBHOOK), Instant.now(), Duration.ofMillis(50), "instance-that-died")
                .orElseThrow();
        DeliveryWorker worker = worker(store, channel, new SimpleMeterRegistry());
        assertThat(worker.sendOne()).as("still leased").isFalse();

        Thread.sleep(80);
        assertThat(worker.sendOne()).isTrue();
        assertThat(channel.sent).containsExactly(abandoned.id() + "#2");
        assertThat(store.recordSent(abandoned, new DeliveryStore.Attempt(1, Instant.now(), "SENT", 200, 1, null)))
                .as("the first instance's late answer changes nothing")
                .isFalse();
        assertThat(store.find(abandoned.id(), "wh_slow").orElseThrow().log())
                .singleElement()
                .satisfies(a -> assertThat(a.attempt()).isEqualTo(2));
    }

    @Test
    void channelsThatAreOffSendNothing() {
        DeliveryStore store = new DeliveryStore(STORE.database());
        AtomicBoolean called = new AtomicBoolean();
        DeliveryChannel off = new DeliveryChannel() {
            @Override
            public ChannelType type() {
                return ChannelType.EMAIL;
            }

            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public SendResult send(PendingDelivery delivery) {
                called.set(true);
                return SendResult.sent(null);
            }
        };
        store.enqueue(
                "event-z",
                "t",
                new Outgoing("sub_1", ChannelType.EMAIL, "FORESTRY", Map.of()),
                Map.of(),
                Instant.now());
        DeliveryWorker worker = new DeliveryWorker(
                store, new DeliveryChannels(List.of(off)), SETTINGS, Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(worker.sendOne()).isFalse();
        assertThat(called).isFalse();
    }
}
