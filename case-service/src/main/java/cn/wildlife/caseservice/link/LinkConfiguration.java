package cn.wildlife.caseservice.link;

import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

    /** A link's event leaves from the link's own document. */
    @Bean
    OutboxCollection linkOutbox(LinkStore store) {
        return new OutboxCollection(store.links);
    }

    /** A re-sealing run's last step: the index entries of the old format go, every record being re-indexed. */
    @Bean
    @Order(30)
    RotationStep legacyLinkIndex(Linking linking) {
        return linking.dropLegacyIndexStep();
    }
}
