package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.link.Linking;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.crypto.SealedCollection;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxCollection;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

    /** Cases carry their events in their own documents; the relay sends them from there. */
    @Bean
    OutboxCollection caseOutbox(CaseStore store) {
        return new OutboxCollection(store.collection());
    }

    /** A re-sealing run's step for the parties and the suspects' identifiers. */
    @Bean
    @Order(12)
    RotationStep casesSealing(CaseStore store, FieldCipher cipher) {
        return SealedCollection.of(store.collection(), cipher, CaseStore.SEALED_FIELDS.toArray(String[]::new));
    }

    /** Cases registered under the blind index while index entries of the old format are left. */
    @Bean
    @Order(21)
    RotationStep caseLinkIndex(CaseStore store, Linking linking) {
        return linking.reindexStep(
                "identifiers:cases",
                store.collection(),
                new Document(Outbox.ENTRIES, 0).append("timeline", 0).append("_applied", 0),
                document -> {
                    Case c = store.fromDocument(document);
                    return new Linking.Registration(
                            new Linking.RecordRef("CASE", c.id(), c.agency(), c.region()), c.allIdentifiers());
                });
    }
}
