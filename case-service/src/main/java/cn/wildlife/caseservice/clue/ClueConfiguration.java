package cn.wildlife.caseservice.clue;

import cn.wildlife.support.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClueConfiguration {

    @Bean
    OutboxCollection clueOutbox(ClueStore store) {
        return new OutboxCollection(store.collection());
    }
}
