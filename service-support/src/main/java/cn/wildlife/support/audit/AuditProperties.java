package cn.wildlife.support.audit;

import cn.wildlife.audit.AuditRetention;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the audit trail records besides every write and every denial, and how long it keeps entries, under
 * {@code platform.audit.*}. Path patterns are Spring's ({@code /api/clues/*}{@code /reporter}, {@code /api/webhooks/**}).
 *
 * @param retention         how long entries are kept; at least {@value AuditRetention#MINIMUM_RETENTION_DAYS} days
 *                          (等保 2.0 level 3 asks that audit records be kept at least six months)
 * @param retentionInterval how often the oldest entries past the retention are looked for
 * @param personalReads     GET paths that read personal data: each such read is recorded, by the owning agency too
 * @param adminActions      paths whose writes are administrative actions (rules, calendars, species, quarantine)
 * @param keyChanges        paths whose writes change keys (API keys, data keys, their rotation)
 * @param webhookChanges    paths whose writes change webhooks
 */
@ConfigurationProperties("platform.audit")
public record AuditProperties(
        @DefaultValue("180d") Duration retention,
        @DefaultValue("1h") Duration retentionInterval,
        @DefaultValue List<String> personalReads,

        @DefaultValue({"/api/deadline-rules/**", "/api/calendar/**", "/api/species/**", "/api/kafka/quarantine/**"})
        List<String> adminActions,

        @DefaultValue({"/api/api-keys/**", "/api/keys/**", "/api/data-keys/**", "/api/key-rotations/**"})
        List<String> keyChanges,

        @DefaultValue("/api/webhooks/**") List<String> webhookChanges) {

    public AuditProperties {
        if (retention.compareTo(Duration.ofDays(AuditRetention.MINIMUM_RETENTION_DAYS)) < 0) {
            throw new IllegalArgumentException(
                    "platform.audit.retention must be at least " + AuditRetention.MINIMUM_RETENTION_DAYS
                            + " days (等保 2.0 level 3: audit records are kept at least six months), was " + retention);
        }
        if (retentionInterval.isNegative() || retentionInterval.isZero()) {
            throw new IllegalArgumentException("platform.audit.retention-interval must be positive");
        }
        personalReads = List.copyOf(personalReads);
        adminActions = List.copyOf(adminActions);
        keyChanges = List.copyOf(keyChanges);
        webhookChanges = List.copyOf(webhookChanges);
    }
}
