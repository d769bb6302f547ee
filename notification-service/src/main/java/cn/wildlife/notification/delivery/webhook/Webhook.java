package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.SignatureAlgorithm;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partner system's endpoint, registered for one agency and region subtree: it receives that agency's alerts there
 * (as filtered) and, when it asks for them, daily digests, signed with the algorithm it chose. Its secret is not part
 * of it: it is shown once and only the sender reads it back.
 */
public record Webhook(
        String id,
        String name,
        String url,
        Agency agency,
        String region,
        AlertFilter filter,
        Set<String> eventTypes,
        SignatureAlgorithm signatureAlgorithm,
        Instant createdAt,
        String createdBy,
        @Nullable Instant secretRotatedAt) {

    public Webhook {
        eventTypes = Set.copyOf(eventTypes);
    }

    public Webhook withSecretRotatedAt(Instant at) {
        return new Webhook(
                id, name, url, agency, region, filter, eventTypes, signatureAlgorithm, createdAt, createdBy, at);
    }

    /** No event types named means alerts only. */
    public boolean wantsAlerts() {
        return eventTypes.isEmpty() || eventTypes.contains(WebhookPayloads.ALERT_TYPE);
    }

    public boolean wantsDigests() {
        return eventTypes.contains(WebhookPayloads.DIGEST_TYPE);
    }
}
