package cn.wildlife.caseservice.clue;

import cn.wildlife.audit.AuditTrail;
import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.caseservice.link.Linking;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.crypto.SealedCollection;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.schedule.PeriodicJob;
import java.time.Clock;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReporterRetentionProperties.class)
class ClueConfiguration {

    @Bean
    ReporterErasure reporterErasure(ClueStore store, ClueReporters reporters, AuditTrail audit, Clock clock) {
        return new ReporterErasure(store.collection(), reporters.collection(), audit, clock);
    }

    /** Reporters' identities erased once their clue's outcome is older than the retention period (PIPL). */
    @Bean
    PeriodicJob reporterRetention(ReporterErasure erasure, ReporterRetentionProperties properties, Clock clock) {
        ReporterRetention retention = new ReporterRetention(erasure, properties, clock);
        return new PeriodicJob("reporter-retention", properties.interval(), retention::erasePastRetention);
    }

    @Bean
    OutboxCollection clueOutbox(ClueStore store) {
        return new OutboxCollection(store.collection());
    }

    /** A re-sealing run's first step: the reporters' identities. */
    @Bean
    @Order(10)
    RotationStep clueReportersSealing(ClueReporters reporters, FieldCipher cipher) {
        return SealedCollection.of(reporters.collection(), cipher, ClueReporters.SEALED_FIELDS.toArray(String[]::new));
    }

    /** Reporters stored before their blind index keys existed get them (a lawful export finds them by these alone). */
    @Bean
    @Order(13)
    RotationStep clueReportersIndex(ClueReporters reporters) {
        return reporters.indexStep();
    }

    /** Then the suspects' identifiers and the people clues name. */
    @Bean
    @Order(11)
    RotationStep cluesSealing(ClueStore store, FieldCipher cipher) {
        return SealedCollection.of(store.collection(), cipher, ClueStore.SEALED_FIELDS.toArray(String[]::new));
    }

    /** Clues registered under the blind index while index entries of the old format are left. */
    @Bean
    @Order(20)
    RotationStep clueLinkIndex(ClueStore store, Linking linking) {
        return linking.reindexStep(
                "identifiers:clues",
                store.collection(),
                new Document(Outbox.ENTRIES, 0).append("steps", 0).append("_applied", 0),
                document -> {
                    Clue clue = store.fromDocument(document);
                    return new Linking.Registration(
                            new Linking.RecordRef("CLUE", clue.id(), clue.agency(), clue.region()), clue.identifiers());
                });
    }
}
