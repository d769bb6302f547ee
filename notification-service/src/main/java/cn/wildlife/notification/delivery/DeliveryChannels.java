package cn.wildlife.notification.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The channels this instance can send through: webhooks always, e-mail and SMS when configured. */
public class DeliveryChannels {

    private final Map<ChannelType, DeliveryChannel> enabled = new EnumMap<>(ChannelType.class);

    public DeliveryChannels(List<DeliveryChannel> channels) {
        channels.stream().filter(DeliveryChannel::enabled).forEach(channel -> enabled.put(channel.type(), channel));
    }

    public boolean isEnabled(ChannelType type) {
        return enabled.containsKey(type);
    }

    public Set<ChannelType> enabled() {
        return Set.copyOf(enabled.keySet());
    }

    DeliveryChannel get(ChannelType type) {
        DeliveryChannel channel = enabled.get(type);
        if (channel == null) {
            throw new IllegalStateException(type + " delivery is off");
        }
        return channel;
    }
}
