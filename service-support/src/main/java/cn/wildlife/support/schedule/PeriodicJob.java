package cn.wildlife.support.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass run every {@code interval} on a daemon thread of its own, a first time soon after the start (a service
 * restarted more often than the interval still runs it): for housekeeping every service does whether or not it
 * enables Spring's scheduling (audit retention, reporter erasure). Every instance runs it, so a pass must be harmless
 * when another instance runs it too. A failed pass is logged and the next one tries again.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);
    private static final Duration FIRST_PASS = Duration.ofMinutes(1);

    private final String name;
    private final Duration interval;
    private final Runnable pass;
    private @Nullable ScheduledExecutorService executor;

    /** @param name the thread's name, and the job's in the log */
    public PeriodicJob(String name, Duration interval, Runnable pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(interval.toMillis(), FIRST_PASS.toMillis());
        executor.scheduleWithFixedDelay(this::runQuietly, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            // The store may be away for a while; the next pass tries again.
            log.warn("{} failed; retrying in {}", name, interval, e);
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
