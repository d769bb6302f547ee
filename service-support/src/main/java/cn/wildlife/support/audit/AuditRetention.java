package cn.wildlife.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes entries past the retention from the oldest end of the trail, on a thread of its own: the services do not
 * all enable Spring's scheduling, and this must run in each. Every instance runs it; the trail's anchor only moves
 * forward, so two at once do no harm.
 */
public final class AuditRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final Duration FIRST_PASS = Duration.ofMinutes(1);

    private final AuditTrail trail;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public AuditRetention(AuditTrail trail, AuditProperties properties, Clock clock) {
        this.trail = trail;
        this.retention = properties.retention();
        this.interval = properties.retentionInterval();
        this.clock = clock;
    }

    /** One pass: how many entries were removed. */
    public long removeExpired() {
        Instant now = clock.instant();
        long removed = trail.removeOlderThan(now.minus(retention), now);
        if (removed > 0) {
            log.info("Removed {} audit entries older than {} (retention {})", removed, now.minus(retention), retention);
        }
        return removed;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-retention");
            thread.setDaemon(true);
            return thread;
        });
        // A first pass soon after the start: a service restarted more often than the interval still removes.
        long first = Math.min(interval.toMillis(), FIRST_PASS.toMillis());
        executor.scheduleWithFixedDelay(this::removeQuietly, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void removeQuietly() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            // The store may be away for a while; the next pass tries again.
            log.warn("Audit retention failed; retrying in {}", interval, e);
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
