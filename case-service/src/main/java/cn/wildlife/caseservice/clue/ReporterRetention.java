package cn.wildlife.caseservice.clue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link ReporterErasure} every {@code interval} on a thread of its own (the service does not enable Spring's
 * scheduling), a first time a minute after the start. Every instance runs it: erasing twice does no harm.
 */
final class ReporterRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReporterRetention.class);
    private static final Duration FIRST_PASS = Duration.ofMinutes(1);

    private final ReporterErasure erasure;
    private final ReporterRetentionProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;

    ReporterRetention(ReporterErasure erasure, ReporterRetentionProperties properties, Clock clock) {
        this.erasure = erasure;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass, batch after batch until none is due: how many reporters were erased. */
    long erasePastRetention() {
        Instant cutoff = clock.instant().minus(properties.period());
        long erased = 0;
        int batch;
        do {
            batch = erasure.eraseReachedOutcomeBefore(cutoff, properties.batch());
            erased += batch;
        } while (batch == properties.batch());
        if (erased > 0) {
            log.info("Erased the identity of {} reporters whose clue had its outcome before {}", erased, cutoff);
        }
        return erased;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reporter-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(
                this::eraseQuietly, Math.min(interval, FIRST_PASS.toMillis()), interval, TimeUnit.MILLISECONDS);
    }

    private void eraseQuietly() {
        try {
            erasePastRetention();
        } catch (RuntimeException e) {
            // The store may be away for a while; the next pass tries again.
            log.warn("Reporter retention failed; retrying in {}", properties.interval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
