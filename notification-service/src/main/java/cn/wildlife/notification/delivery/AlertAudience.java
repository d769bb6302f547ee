package cn.wildlife.notification.delivery;

import cn.wildlife.events.alert.AlertRaised;
import java.util.List;

/** A kind of target (webhooks, subscriptions) saying which of its targets get an alert, and what each is sent. */
public interface AlertAudience {

    List<Outgoing> outgoingFor(String eventId, AlertRaised alert);
}
