package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditRetention;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's audit retention, every {@code platform.audit.retention-interval}, a first time soon after the start,
 * on the blocking scheduler (the services run the same {@link AuditRetention} by their {@code PeriodicJob}). Every
 * instance runs it; the trail's anchor only moves forward. A failed pass is logged and the next one tries again.
 */
final class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final Duration FIRST_PASS = Duration.ofMinutes(1);

    private final AuditRetention retention;
    private final Duration interval;
    private @Nullable Disposable running;

    RetentionSchedule(AuditRetention retention, Duration interval) {
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        Duration first = interval.compareTo(FIRST_PASS) < 0 ? interval : FIRST_PASS;
        running = Flux.interval(first, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> runQuietly());
    }

    private void runQuietly() {
        try {
            retention.removeExpired();
        } catch (RuntimeException e) {
            // The store may be away for a while; the next pass tries again.
            log.warn("gateway audit retention failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
