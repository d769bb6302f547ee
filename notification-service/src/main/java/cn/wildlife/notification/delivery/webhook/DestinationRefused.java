package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import java.net.UnknownHostException;

/**
 * A webhook's host, as written or as resolved, is one webhooks may not reach. An {@link UnknownHostException} because
 * the HTTP client's resolver may throw only that: the client then gives up before opening any connection.
 */
final class DestinationRefused extends UnknownHostException {

    private final WebhookDestinations.Reason reason;

    DestinationRefused(String host, WebhookDestinations.Reason reason, boolean resolved) {
        // Outside a request, as at delivery, the text is English: it goes to the delivery log.
        super(NotificationServiceApplication.TEXTS.get(
                resolved ? "webhook.refused.resolved" : "webhook.refused.as-written", host, describe(reason)));
        this.reason = reason;
    }

    WebhookDestinations.Reason reason() {
        return reason;
    }

    /** The kind of destination, in the caller's language, to follow "must not point at" or "resolves to". */
    static String describe(WebhookDestinations.Reason reason) {
        return NotificationServiceApplication.TEXTS.get("destination." + reason.name());
    }
}
