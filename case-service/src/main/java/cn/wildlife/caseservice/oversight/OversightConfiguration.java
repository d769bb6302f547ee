package cn.wildlife.caseservice.oversight;

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
}
