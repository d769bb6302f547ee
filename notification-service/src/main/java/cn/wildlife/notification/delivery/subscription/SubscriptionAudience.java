package cn.wildlife.notification.delivery.subscription;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.AlertAudience;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannels;
import cn.wildlife.notification.delivery.DigestAudience;
import cn.wildlife.notification.delivery.Outgoing;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import cn.wildlife.notification.delivery.email.EmailMessages;
import cn.wildlife.notification.delivery.sms.SmsMessages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which subscriptions get an alert: the channel is on, the filter matches, and the owner could read the alert in
 * the inbox. Which take the daily digest: office e-mail subscriptions that did not turn it off.
 */
@Component
class SubscriptionAudience implements AlertAudience, DigestAudience {

    private final SubscriptionStore store;
    private final DeliveryChannels channels;
    private final Clock clock;

    SubscriptionAudience(SubscriptionStore store, DeliveryChannels channels, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public List<Outgoing> outgoingFor(String eventId, AlertRaised alert) {
        return store.all().stream()
                .filter(s -> channels.isEnabled(s.channel()))
                .filter(s -> s.filter().matches(alert.kind(), alert.ruleId()))
                .filter(s -> s.reader().mayRead(alert.recipients()))
                .map(s -> new Outgoing(
                        s.id(),
                        s.channel(),
                        s.agency().name(),
                        s.channel() == ChannelType.EMAIL
                                ? EmailMessages.alert(s.address(), alert)
                                : SmsMessages.alert(s.address(), alert)))
                .toList();
    }

    @Override
    public List<DigestTarget> digestTargets() {
        if (!channels.isEnabled(ChannelType.EMAIL)) {
            return List.of();
        }
        return store.all().stream()
                .filter(s -> s.scope() == Subscription.Scope.OFFICE && s.channel() == ChannelType.EMAIL && s.digest())
                .map(s -> new DigestTarget(s.id(), ChannelType.EMAIL, s.agency().name(), s.region()))
                .toList();
    }

    @Override
    public Optional<Map<String, String>> render(DigestTarget target, DailyDigest digest) {
        return store.find(target.targetId()).map(s -> EmailMessages.digest(s.address(), digest, clock.instant()));
    }
}
