package cn.wildlife.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.notification.delivery.TestStore;
import cn.wildlife.support.crypto.CryptoAutoConfiguration;
import cn.wildlife.support.crypto.KeyRotations;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Webhook secrets as the service assembles their sealing from its crypto settings ({@code platform.crypto.*}): a
 * secret an earlier version stored in plain is sealed by the service's first re-sealing run and still signs.
 */
class WebhookSealingIT {

    private static final TestStore STORE = new TestStore();

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void aSecretStoredInPlainBeforeSealingIsSealedAtTheServicesFirstStart() {
        MongoDatabase database = STORE.database();
        String plain = "whsec_registeredByAnEarlierVersion";
        database.getCollection(WebhookStore.COLLECTION)
                .insertOne(new Document("_id", "wh_legacy01")
                        .append("name", "长春市林草局执法办案系统")
                        .append("url", "https://partner.example.cn/hooks/wildlife")
                        .append("agency", "FORESTRY")
                        .append("region", "220100")
                        .append("kinds", List.of())
                        .append("ruleIds", List.of())
                        .append("eventTypes", List.of())
                        .append(WebhookStore.SECRET, plain)
                        .append("createdAt", new Date())
                        .append("createdBy", "forestry-head"));

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
                .withBean(MongoDatabase.class, () -> database)
                .withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(WebhookSealing.class)
                .withBean(WebhookStore.class)
                .withPropertyValues("platform.crypto.master-key=" + randomKey(), "platform.crypto.key-refresh=100ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(KeyRotations.class);
                    await().atMost(Duration.ofSeconds(20))
                            .untilAsserted(() -> assertThat(storedSecret(database))
                                    .startsWith("enc:v1:SM4_GCM:")
                                    .doesNotContain(plain));
                    assertThat(context.getBean(WebhookStore.class).endpoint("wh_legacy01"))
                            .get()
                            .extracting(WebhookStore.Endpoint::secret)
                            .isEqualTo(plain);
                });
    }

    private static String storedSecret(MongoDatabase database) {
        Document stored = database.getCollection(WebhookStore.COLLECTION)
                .find(new Document("_id", "wh_legacy01"))
                .first();
        assertThat(stored).isNotNull();
        return stored.getString(WebhookStore.SECRET);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
