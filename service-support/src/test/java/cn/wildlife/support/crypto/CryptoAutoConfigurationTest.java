package cn.wildlife.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Secure by default: a service that seals data does not start without its keys, one that seals nothing does. */
class CryptoAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
            .withBean(MongoDatabase.class, () -> mock(MongoDatabase.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Configuration(proxyBeanMethods = false)
    static class SealingService {

        @Bean
        String store(FieldCipher cipher) {
            return "a store that seals";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MatchingService {

        @Bean
        String matcher(BlindIndex index) {
            return "a matcher";
        }
    }

    @Test
    void aServiceThatSealsRefusesToStartWithoutAMasterKeyNamingTheSettings() {
        runner.withUserConfiguration(SealingService.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new MissingCryptoKeyFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("No master key is configured")
                    .contains("platform.crypto.master-key")
                    .contains("PLATFORM_CRYPTO_MASTER_KEY")
                    .contains("platform.crypto.master-key-file");
            assertThat(analysis.getAction()).contains("platform.crypto.index-key");
        });
    }

    @Test
    void aServiceThatMatchesIdentifiersRefusesToStartWithoutAnIndexKey() {
        runner.withUserConfiguration(MatchingService.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new MissingCryptoKeyFailureAnalyzer()
                            .analyze(context.getStartupFailure())
                            .getDescription())
                    .contains("No index key is configured", "platform.crypto.index-key");
        });
        runner.withUserConfiguration(MatchingService.class)
                .withPropertyValues("platform.crypto.index-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(BlindIndex.class));
    }

    @Test
    void aServiceThatSealsNothingStartsWithoutKeys() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(KeyRotations.class);
            assertThat(context.getBean(CryptoProperties.class).algorithm()).isEqualTo(Algorithm.SM4_GCM);
        });
    }
}
