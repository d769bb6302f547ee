package cn.wildlife.notification.deadline;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Platform facts that may start or fulfil a clock. */
@Component
class DeadlineEventListener {

    private final DeadlineOpening opening;

    DeadlineEventListener(DeadlineOpening opening) {
        this.opening = opening;
    }

    @KafkaListener(id = "deadline-events", topics = {Topics.PLATFORM_CLUES, Topics.PLATFORM_TRANSFERS, Topics.PLATFORM_CASES,
            Topics.PLATFORM_INSPECTIONS, Topics.PLATFORM_OPERATIONS},
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY, concurrency = "2")
    void onPlatformEvent(Envelope<?> event) {
        opening.apply(event);
    }
}
