package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditRetention;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway's trail keeps entries, under the services' {@code platform.audit.*} names.
 *
 * @param retention         how long entries are kept; at least {@value AuditRetention#MINIMUM_RETENTION_DAYS} days
 *                          (等保 2.0 level 3 asks that audit records be kept at least six months), which
 *                          {@link AuditRetention} holds to
 * @param retentionInterval how often the oldest entries past the retention are looked for
 */
@ConfigurationProperties("platform.audit")
public record GatewayAuditProperties(
        @DefaultValue("180d") Duration retention,
        @DefaultValue("1h") Duration retentionInterval) {

    public GatewayAuditProperties {
        if (retentionInterval.isNegative() || retentionInterval.isZero()) {
            throw new IllegalArgumentException("platform.audit.retention-interval must be positive");
        }
    }
}
