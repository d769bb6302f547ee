package cn.wildlife.notification.oversight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the oversight view of clocks bounds its work, under {@code platform.oversight.*}: dashboards poll every 30 s,
 * so one region's counts are computed at most once per {@code cacheFor} however many people watch it.
 *
 * @param cacheFor how long one region's counts are answered from memory
 * @param regions  how many region and scope views are kept at most
 */
@ConfigurationProperties("platform.oversight")
public record OversightProperties(
        @DefaultValue("10s") Duration cacheFor,
        @DefaultValue("1000") int regions) {

    public OversightProperties {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("platform.oversight.cache-for must not be negative, was " + cacheFor);
        }
        if (regions < 1) {
            throw new IllegalArgumentException("platform.oversight.regions must be at least 1, was " + regions);
        }
    }
}
