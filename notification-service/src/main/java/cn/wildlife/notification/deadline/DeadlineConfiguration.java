package cn.wildlife.notification.deadline;

import cn.wildlife.support.outbox.OutboxCollection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
class DeadlineConfiguration {

    @Bean
    OutboxCollection deadlineOutbox(DeadlineStore store) {
        return new OutboxCollection(store.collection());
    }
}
