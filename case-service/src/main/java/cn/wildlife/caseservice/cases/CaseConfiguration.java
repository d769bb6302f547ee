package cn.wildlife.caseservice.cases;

import cn.wildlife.support.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

    /** Cases carry their events in their own documents; the relay sends them from there. */
    @Bean
    OutboxCollection caseOutbox(CaseStore store) {
        return new OutboxCollection(store.collection());
    }
}
