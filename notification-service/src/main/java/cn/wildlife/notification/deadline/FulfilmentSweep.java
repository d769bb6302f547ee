package cn.wildlife.notification.deadline;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes early fulfilments whose clock never opened once their retention has passed. Every instance sweeps; the
 * deletes are conditional on the age alone, so two sweeping at once remove each document once and nothing younger.
 */
@Component
class FulfilmentSweep {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentSweep.class);

    private final DeadlineStore store;
    private final FulfilmentProperties properties;
    private final Clock clock;

    FulfilmentSweep(DeadlineStore store, FulfilmentProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${platform.deadlines.fulfilments.sweep-interval:PT1H}",
            fixedDelayString = "${platform.deadlines.fulfilments.sweep-interval:PT1H}")
    void sweep() {
        try {
            sweepAt(clock.instant());
        } catch (RuntimeException e) {
            // The store may be away; the next sweep removes whatever is still past its retention.
            log.warn("Fulfilment sweep failed, retrying at the next interval: {}", e.getMessage());
        }
    }

    long sweepAt(Instant now) {
        long removed = store.sweepFulfilments(now, now.minus(properties.retention()));
        if (removed > 0) {
            log.info(
                    "Removed {} early fulfilments kept longer than {} without their clock opening",
                    removed,
                    properties.retention());
        }
        return removed;
    }
}
