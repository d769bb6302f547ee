package cn.wildlife.notification.oversight;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OversightProperties.class)
class OversightConfiguration {

    @Bean
    OversightClocks oversightClocks(MongoDatabase database, OversightProperties properties, Clock clock) {
        return new OversightClocks(database, properties, clock);
    }
}
