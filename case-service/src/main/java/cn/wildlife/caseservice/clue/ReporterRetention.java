package cn.wildlife.caseservice.clue;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of {@link ReporterErasure} over every clue past the retention period, batch after batch; run by a
 * {@code PeriodicJob} every {@code platform.clues.reporter-retention.interval}. Every instance runs it: erasing twice
 * does no harm.
 */
final class ReporterRetention {

    private static final Logger log = LoggerFactory.getLogger(ReporterRetention.class);

    private final ReporterErasure erasure;
    private final ReporterRetentionProperties properties;
    private final Clock clock;

    ReporterRetention(ReporterErasure erasure, ReporterRetentionProperties properties, Clock clock) {
        this.erasure = erasure;
        this.properties = properties;
        this.clock = clock;
    }

    /** How many reporters were erased. */
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
}
