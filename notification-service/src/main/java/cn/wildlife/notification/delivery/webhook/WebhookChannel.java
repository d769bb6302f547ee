package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannel;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.PendingDelivery;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.notification.delivery.domain.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * POSTs a delivery's body to its webhook, signed afresh at each attempt (the timestamp is the attempt's). Any 2xx is
 * success; anything else, a timeout or a refused connection is a failure to retry. Redirects are not followed: a
 * partner system registers the URL that answers.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    static final String TIMESTAMP = "X-Wildlife-Timestamp";
    static final String SIGNATURE = "X-Wildlife-Signature";
    static final String DELIVERY = "X-Wildlife-Delivery";
    static final String EVENT_TYPE = "X-Wildlife-Event";
    private static final int KEPT_RESPONSE_CHARS = 200;

    private final WebhookStore webhooks;
    private final DeliveryProperties.Webhook settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookChannel(WebhookStore webhooks, DeliveryProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.settings = properties.webhook();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        byte[] body = delivery.content(WebhookAudience.BODY).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.get().url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", WebhookPayloads.CONTENT_TYPE)
                .header("User-Agent", "wildlife-platform-webhooks/1")
                .header(DELIVERY, delivery.id())
                .header(EVENT_TYPE, delivery.eventType())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(endpoint.get().secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                // Only the start of what the receiver said is kept, for the delivery log.
                excerpt = new String(in.readNBytes(KEPT_RESPONSE_CHARS * 4), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendResult.sent(status);
            }
            String said = excerpt.isBlank() ? "" : ": " + excerpt.strip();
            return SendResult.failed(status, "HTTP " + status + (said.length() > KEPT_RESPONSE_CHARS
                    ? said.substring(0, KEPT_RESPONSE_CHARS) : said));
        } catch (HttpTimeoutException e) {
            return SendResult.failed(null, "timed out: " + e.getMessage());
        } catch (ConnectException e) {
            return SendResult.failed(null, "could not connect: " + (e.getMessage() == null ? "refused"
                    : e.getMessage()));
        } catch (IOException e) {
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(null, "interrupted while sending (the instance is stopping)");
        }
    }
}
