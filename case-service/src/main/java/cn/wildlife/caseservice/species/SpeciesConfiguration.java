package cn.wildlife.caseservice.species;

import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.outbox.OutboxCollection;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportLimits.class)
class SpeciesConfiguration {

    /** Straight from the database: the relay watches it, and {@link SpeciesImports} needs the relay. */
    @Bean
    OutboxCollection speciesImportOutbox(MongoDatabase database) {
        return new OutboxCollection(database.getCollection(SpeciesImports.COLLECTION));
    }
}
