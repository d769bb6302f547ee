package cn.wildlife.notification.delivery;

import java.util.Map;

/**
 * A delivery to be made: to which target (a webhook or a subscription, by id), by which channel, on behalf of which
 * agency, with its rendered content.
 */
public record Outgoing(String targetId, ChannelType channel, String agency, Map<String, String> content) {

    public Outgoing {
        content = Map.copyOf(content);
    }
}
