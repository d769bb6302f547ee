package cn.wildlife.notification.delivery;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each alert consumed from {@code platform.alerts} into one queued delivery per target that may read it and
 * wants it. Delivery starts here and never inside the alert scan: the scan only writes the event, and a slow or dead
 * receiver cannot hold it up. Each delivery is keyed by the event id and the target, so a redelivered event queues
 * nothing new.
 */
@Component
class AlertFanout {

    private static final Logger log = LoggerFactory.getLogger(AlertFanout.class);

    private final List<AlertAudience> audiences;
    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final Clock clock;

    AlertFanout(List<AlertAudience> audiences, DeliveryStore store, DeliveryWorker worker, Clock clock) {
        this.audiences = audiences;
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    @KafkaListener(
            id = "alert-delivery",
            topics = Topics.PLATFORM_ALERTS,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onAlert(Envelope<?> event) {
        if (event.data() instanceof AlertRaised alert) {
            int queued = fanOut(event.id(), event.type().ceType(), alert);
            if (queued > 0) {
                log.info("Alert {} queued for {} deliveries", alert.alertId(), queued);
                worker.wake();
            }
        }
    }

    int fanOut(String eventId, String eventType, AlertRaised alert) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("alertId", alert.alertId());
        about.put("kind", alert.kind());
        about.put("ruleId", alert.ruleId());
        about.put("deadlineId", alert.deadlineId());
        about.put("subjectId", alert.subjectId());
        int queued = 0;
        for (AlertAudience audience : audiences) {
            for (Outgoing outgoing : audience.outgoingFor(eventId, alert)) {
                queued += store.enqueue(eventId, eventType, outgoing, about, clock.instant()) ? 1 : 0;
            }
        }
        return queued;
    }
}
