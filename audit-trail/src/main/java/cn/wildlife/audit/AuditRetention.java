package cn.wildlife.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes entries past the retention from the oldest end of the trail; run every
 * {@code platform.audit.retention-interval} (by a {@code PeriodicJob} in the services, on a scheduler of the gateway's
 * own). Every instance runs it; the trail's anchor only moves forward, so two at once do no harm.
 */
public final class AuditRetention {

    /** 等保 2.0 level 3 asks that audit records be kept at least six months. */
    public static final long MINIMUM_RETENTION_DAYS = 180;

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;

    /** @param retention at least {@value #MINIMUM_RETENTION_DAYS} days */
    public AuditRetention(AuditTrail trail, Duration retention, Clock clock) {
        if (retention.compareTo(Duration.ofDays(MINIMUM_RETENTION_DAYS)) < 0) {
            throw new IllegalArgumentException("platform.audit.retention must be at least " + MINIMUM_RETENTION_DAYS
                    + " days (等保 2.0 level 3: audit records are kept at least six months), was " + retention);
        }
        this.trail = trail;
        this.retention = retention;
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
