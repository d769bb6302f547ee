package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import cn.wildlife.support.web.Texts;
import java.net.UnknownHostException;

/**
 * A webhook's host, as written or as resolved, is one webhooks may not reach. An {@link UnknownHostException} because
 * the HTTP client's resolver may throw only that: the client then gives up before opening any connection.
 */
final class DestinationRefused extends UnknownHostException {

    private final WebhookDestinations.Reason reason;

    DestinationRefused(String host, WebhookDestinations.Reason reason, boolean resolved, Texts texts) {
        // Outside a request, as at delivery, the text is English: it goes to the delivery log.
        super(texts.get(
                resolved ? "webhook.refused.resolved" : "webhook.refused.as-written", host, describe(reason, texts)));
        this.reason = reason;
    }

    WebhookDestinations.Reason reason() {
        return reason;
    }

    /** The kind of destination, in the caller's language, to follow "must not point at" or "resolves to". */
    static String describe(WebhookDestinations.Reason reason, Texts texts) {
        return texts.get("destination." + reason.name());
    }
}
