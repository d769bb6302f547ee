package cn.wildlife.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes entries past the retention from the oldest end of the trail; run by a {@code PeriodicJob} every
 * {@code platform.audit.retention-interval}. Every instance runs it; the trail's anchor only moves forward, so two at
 * once do no harm.
 */
public final class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;

    public AuditRetention(AuditTrail trail, AuditProperties properties, Clock clock) {
        this.trail = trail;
        this.retention = properties.retention();
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
}
