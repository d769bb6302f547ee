package cn.wildlife.caseservice.link;

import cn.wildlife.support.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

    /** A link's event leaves from the link's own document. */
    @Bean
    OutboxCollection linkOutbox(LinkStore store) {
        return new OutboxCollection(store.links);
    }
}
