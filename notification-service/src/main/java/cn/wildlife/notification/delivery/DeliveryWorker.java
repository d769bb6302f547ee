package cn.wildlife.notification.delivery;

import cn.wildlife.notification.delivery.domain.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends whatever is due, on a few threads of its own (a slow partner system must not hold up the alert scan): claims
 * one delivery at a time from the store, sends it through its channel and records the outcome with the delivery.
 * Woken when the consumer queues something, otherwise it looks again every poll interval, which is also how retries
 * and deliveries left by a stopped instance are picked up.
 */
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliveryChannels channels;
    private final DeliveryProperties.Worker settings;
    private final RetryPolicy retry;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String workerId = "worker-" + UUID.randomUUID();
    private final Semaphore signal = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public DeliveryWorker(
            DeliveryStore store,
            DeliveryChannels channels,
            DeliveryProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.channels = channels;
        this.settings = properties.worker();
        this.retry = properties.retry().policy();
        this.clock = clock;
        this.meters = meters;
        // Zero rather than absent, so a dashboard shows a channel that never failed.
        for (ChannelType type : channels.enabled()) {
            for (String outcome : List.of("sent", "failed", "dead")) {
                counter(type, outcome);
            }
        }
    }

    /** Tells the worker that something was just queued. */
    public void wake() {
        signal.release(Math.max(0, settings.threads() - signal.availablePermits()));
    }

    /** Sends at most one due delivery; false when none was due. Used by the threads, and by tests directly. */
    public boolean sendOne() {
        Optional<PendingDelivery> claimed =
                store.claim(channels.enabled(), clock.instant(), settings.lease(), workerId);
        if (claimed.isEmpty()) {
            return false;
        }
        PendingDelivery delivery = claimed.get();
        DeliveryChannel channel = channels.get(delivery.channel());
        long started = System.nanoTime();
        SendResult result;
        try {
            result = channel.send(delivery);
        } catch (RuntimeException e) {
            result = SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Instant now = clock.instant();
        if (result.sent()) {
            store.recordSent(
                    delivery,
                    new DeliveryStore.Attempt(delivery.attempt(), now, "SENT", result.statusCode(), millis, null));
            counter(delivery.channel(), "sent").increment();
            return true;
        }
        DeliveryStore.AfterFailure after = store.recordFailure(
                delivery,
                new DeliveryStore.Attempt(
                        delivery.attempt(), now, "FAILED", result.statusCode(), millis, result.error()),
                retry,
                result.permanent());
        counter(delivery.channel(), "failed").increment();
        if (after == DeliveryStore.AfterFailure.DEAD) {
            counter(delivery.channel(), "dead").increment();
            log.warn(
                    "Delivery {} ({}) dead-lettered after attempt {}: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.attempt(),
                    result.error());
        } else {
            log.info(
                    "Delivery {} ({}) attempt {} failed, will retry: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.attempt(),
                    result.error());
        }
        return true;
    }

    private Counter counter(ChannelType channel, String outcome) {
        return Counter.builder("platform.alerts.delivered")
                .description(
                        "alert and digest deliveries by channel: sent and failed attempts, dead-lettered deliveries")
                .tag("channel", channel.tag())
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            Thread thread = new Thread(this::loop, "delivery-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!sendOne()) {
                    signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store is away: whatever was claimed stays leased and is taken up again when the lease ends.
                log.warn("Delivery worker could not reach the store, retrying: {}", e.getMessage());
                try {
                    Thread.sleep(settings.pollInterval().multipliedBy(5).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        signal.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
