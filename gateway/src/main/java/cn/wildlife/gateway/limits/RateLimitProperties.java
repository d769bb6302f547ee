package cn.wildlife.gateway.limits;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a client may make: a bucket of {@code capacity} requests refilled at {@code perSecond}. A client is a
 * token's subject (a person or a partner system) or, without a token, the caller's address.
 *
 * @param clients limits for named clients (token subjects) that need more or less than the default
 */
@ConfigurationProperties("platform.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Limit authenticated,
        @DefaultValue("60") long anonymousCapacity,
        @DefaultValue("20") long anonymousPerSecond,
        @DefaultValue Map<String, Limit> clients,
        @DefaultValue("1h") Duration forgetIdleAfter) {

    /** One bucket's size and refill. */
    public record Limit(
            @DefaultValue("200") long capacity,
            @DefaultValue("100") long perSecond) {}
}
