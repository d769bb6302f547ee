package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannel;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.PendingDelivery;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.notification.delivery.domain.WebhookSignature;
import cn.wildlife.support.web.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.stereotype.Component;

/**
 * POSTs a delivery's body to its webhook, signed afresh at each attempt (the timestamp is the attempt's) with the
 * webhook's algorithm, through a {@link WebhookSender} that refuses internal destinations before connecting.
 */
@Component
class WebhookChannel implements DeliveryChannel, AutoCloseable {

    static final String TIMESTAMP = "X-Wildlife-Timestamp";
    static final String SIGNATURE = "X-Wildlife-Signature";
    static final String DELIVERY = "X-Wildlife-Delivery";
    static final String EVENT_TYPE = "X-Wildlife-Event";

    private final WebhookStore webhooks;
    private final Clock clock;
    private final WebhookSender sender;

    WebhookChannel(WebhookStore webhooks, DeliveryProperties properties, Clock clock, Texts texts) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.sender = new WebhookSender(properties.webhook(), SystemDefaultDnsResolver.INSTANCE, texts);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public SendResult send(PendingDelivery delivery) {
        Optional<WebhookStore.Endpoint> endpoint = webhooks.endpoint(delivery.targetId());
        if (endpoint.isEmpty()) {
            return SendResult.gone("the webhook was removed");
        }
        WebhookStore.Endpoint to = endpoint.get();
        byte[] body = delivery.content(WebhookAudience.BODY).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        return sender.post(
                to.url(),
                body,
                Map.of(
                        DELIVERY, delivery.id(),
                        EVENT_TYPE, delivery.eventType(),
                        TIMESTAMP, Long.toString(timestamp),
                        SIGNATURE, WebhookSignature.sign(to.algorithm(), to.secret(), timestamp, body)));
    }

    @Override
    public void close() {
        sender.close();
    }
}
