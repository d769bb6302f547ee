package cn.wildlife.notification.delivery;

/** Sends one attempt of one delivery. Failures are results, not exceptions: the worker decides what follows. */
public interface DeliveryChannel {

    ChannelType type();

    /** Whether this platform is configured to send through the channel; an unconfigured one sends nothing. */
    default boolean enabled() {
        return true;
    }

    SendResult send(PendingDelivery delivery);
}
