package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditRetention;
import cn.wildlife.audit.AuditTrail;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's audit trail, in its own database next to the API keys (so with them: a gateway without keys changes
 * nothing to audit), in the services' collections ({@code audit_trail}, {@code audit_trail_anchor}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayAuditProperties.class)
@ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
public class GatewayAuditConfiguration {

    /** Its indexes are created here, once, at the start: the event loop is not serving yet. */
    @Bean
    AuditTrail gatewayAuditTrail(MongoDatabase gatewayDatabase) {
        return new AuditTrail(gatewayDatabase);
    }

    @Bean
    GatewayAuditFilter gatewayAuditFilter(AuditTrail gatewayAuditTrail) {
        return new GatewayAuditFilter(gatewayAuditTrail, Clock.systemUTC());
    }

    @Bean
    GatewayAuditFilter.CallerCapture gatewayAuditCallerCapture() {
        return new GatewayAuditFilter.CallerCapture();
    }

    @Bean
    RetentionSchedule gatewayAuditRetention(AuditTrail gatewayAuditTrail, GatewayAuditProperties properties) {
        return new RetentionSchedule(
                new AuditRetention(gatewayAuditTrail, properties.retention(), Clock.systemUTC()),
                properties.retentionInterval());
    }
}
