package cn.wildlife.caseservice.oversight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the oversight views bound their work, under {@code platform.oversight.*}: dashboards poll every 30 s, so one
 * region's counts are computed at most once per {@code cacheFor} however many people watch it.
 *
 * @param cacheFor how long one region's counts are answered from memory
 * @param regions  how many region and scope views are kept at most
 * @param listed   how many records a view names at most (flagged cases, non-filings under review)
 * @param auditRepeatAfter how long a viewer's read of a record a view names is not audited again (the first is)
 */
@ConfigurationProperties("platform.oversight")
public record OversightProperties(
        @DefaultValue("10s") Duration cacheFor,
        @DefaultValue("1000") int regions,
        @DefaultValue("20") int listed,
        @DefaultValue("1h") Duration auditRepeatAfter) {

    public OversightProperties {
        if (cacheFor.isNegative() || auditRepeatAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "platform.oversight.cache-for and audit-repeat-after must not be negative");
        }
        if (regions < 1 || listed < 1 || listed > 200) {
            throw new IllegalArgumentException(
                    "platform.oversight.regions must be at least 1 and platform.oversight.listed 1 to 200");
        }
    }
}
