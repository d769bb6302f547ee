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
 */
@ConfigurationProperties("platform.oversight")
public record OversightProperties(
        @DefaultValue("10s") Duration cacheFor,
        @DefaultValue("1000") int regions,
        @DefaultValue("20") int listed) {

    public OversightProperties {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("platform.oversight.cache-for must not be negative, was " + cacheFor);
        }
        if (regions < 1 || listed < 1 || listed > 200) {
            throw new IllegalArgumentException(
                    "platform.oversight.regions must be at least 1 and platform.oversight.listed 1 to 200");
        }
    }
}
