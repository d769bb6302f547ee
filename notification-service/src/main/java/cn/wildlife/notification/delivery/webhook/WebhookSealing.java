package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.crypto.RotationStep;
import cn.wildlife.support.crypto.SealedCollection;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhook secrets in key rotations: a rotation re-seals them under the new data key, and the service's first
 * re-sealing run seals the secrets stored in plain before they were sealed. The context is the one
 * {@link WebhookStore} seals with.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSealing {

    @Bean
    RotationStep webhookSecrets(MongoDatabase database, FieldCipher cipher) {
        return SealedCollection.of(database.getCollection(WebhookStore.COLLECTION), cipher, WebhookStore.SECRET);
    }
}
