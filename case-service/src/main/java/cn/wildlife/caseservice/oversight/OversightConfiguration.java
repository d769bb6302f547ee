package cn.wildlife.caseservice.oversight;

import cn.wildlife.support.security.Access;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OversightProperties.class)
class OversightConfiguration {

    @Bean
    OversightViews oversightViews(OversightStore store, OversightProperties properties, Clock clock) {
        return new OversightViews(store, properties, clock);
    }

    @Bean
    OversightReads oversightReads(Access access, OversightProperties properties) {
        return new OversightReads(access, properties);
    }
}
