package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.AlertAudience;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DigestAudience;
import cn.wildlife.notification.delivery.Outgoing;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import cn.wildlife.notification.delivery.domain.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Which webhooks get an alert or a digest: their agency is addressed in their region's subtree, and they asked. */
@Component
class WebhookAudience implements AlertAudience, DigestAudience {

    static final String BODY = "body";

    private final WebhookStore store;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookAudience(WebhookStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<Outgoing> outgoingFor(String eventId, AlertRaised alert) {
        List<Webhook> wanting = store.all().stream()
                .filter(Webhook::wantsAlerts)
                .filter(w -> w.filter().matches(alert.kind(), alert.ruleId()))
                .filter(w -> Reader.system(w.agency().name(), w.region()).mayRead(alert.recipients()))
                .toList();
        if (wanting.isEmpty()) {
            return List.of();
        }
        String body = WebhookPayloads.alert(json, eventId, alert);
        return wanting.stream()
                .map(w -> new Outgoing(w.id(), ChannelType.WEBHOOK, w.agency().name(), Map.of(BODY, body)))
                .toList();
    }

    @Override
    public List<DigestTarget> digestTargets() {
        return store.all().stream()
                .filter(Webhook::wantsDigests)
                .map(w ->
                        new DigestTarget(w.id(), ChannelType.WEBHOOK, w.agency().name(), w.region()))
                .toList();
    }

    @Override
    public Optional<Map<String, String>> render(DigestTarget target, DailyDigest digest) {
        return Optional.of(Map.of(BODY, WebhookPayloads.digest(json, digest, clock.instant())));
    }
}
