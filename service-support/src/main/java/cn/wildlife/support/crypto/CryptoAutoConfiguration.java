package cn.wildlife.support.crypto;

import cn.wildlife.support.ServiceSupportAutoConfiguration;
import cn.wildlife.support.security.Access;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Sealing at rest for every service with a database: the {@link FieldCipher} under the service's {@link DataKeys},
 * the {@link BlindIndex}, and, where the service declares {@link RotationStep}s, {@link KeyRotations}.
 *
 * <p>The cipher and the index are made when a service first needs them (lazily): a service that seals nothing starts
 * without keys, while one that does refuses to start without them ({@link MissingCryptoKey}, reported by
 * {@link MissingCryptoKeyFailureAnalyzer}).
 */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class)
@ConditionalOnBean(MongoDatabase.class)
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    DataKeys dataKeys(MongoDatabase database, CryptoProperties properties) {
        return new DataKeys(
                database,
                properties.algorithm(),
                KeyMaterial.masterKey(properties),
                KeyMaterial.previousMasterKey(properties),
                properties.keyRefresh());
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    FieldCipher fieldCipher(DataKeys keys) {
        return new EnvelopeFieldCipher(keys);
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    BlindIndex blindIndex(CryptoProperties properties) {
        return new HmacSm3BlindIndex(KeyMaterial.indexKey(properties));
    }

    @Bean
    @ConditionalOnBean(RotationStep.class)
    @ConditionalOnMissingBean
    KeyRotations keyRotations(
            MongoDatabase database,
            DataKeys keys,
            ObjectProvider<RotationStep> steps,
            CryptoProperties properties,
            Clock clock) {
        return new KeyRotations(
                database, keys, steps.orderedStream().toList(), properties, clock, Duration.ofSeconds(2));
    }

    /** In a service that seals something and answers REST callers (not in a bare store test). */
    @Bean
    @ConditionalOnBean({RotationStep.class, Access.class})
    KeyRotationController keyRotationController(KeyRotations rotations, Access access) {
        return new KeyRotationController(rotations, access);
    }
}
