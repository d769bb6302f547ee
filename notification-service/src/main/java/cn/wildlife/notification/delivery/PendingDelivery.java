package cn.wildlife.notification.delivery;

import java.util.Map;

/**
 * One claimed attempt: the delivery's id (also the receiver's idempotency key), what caused it, where it goes and
 * its content as rendered when the event was consumed, so every retry sends the same thing.
 */
public record PendingDelivery(
        String id,
        String eventId,
        String eventType,
        ChannelType channel,
        String targetId,
        int attempt,
        Map<String, String> content) {

    public PendingDelivery {
        content = Map.copyOf(content);
    }

    public String content(String key) {
        String value = content.get(key);
        if (value == null) {
            throw new IllegalStateException("delivery " + id + " has no " + key);
        }
        return value;
    }
}
