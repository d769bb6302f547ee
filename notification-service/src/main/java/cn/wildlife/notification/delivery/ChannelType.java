package cn.wildlife.notification.delivery;

import java.util.Locale;

/** How a delivery travels. The inbox is not one of these: it is filed by its own consumer. */
public enum ChannelType {
    WEBHOOK,
    EMAIL,
    SMS;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
