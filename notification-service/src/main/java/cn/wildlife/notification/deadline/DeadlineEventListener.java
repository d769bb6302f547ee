package cn.wildlife.notification.deadline;

import cn.wildlife.events.Topics;
import cn.wildlife.support.kafka.EventBatches;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Platform facts that may start or fulfil a clock, a polled batch at a time: the clocks a batch opens are written
 * together (three requests to the store per clock made notification-service the slowest stage under load).
 */
@Component
class DeadlineEventListener {

    private final DeadlineOpening opening;
    private final EventBatches batches;

    DeadlineEventListener(DeadlineOpening opening, EventBatches batches) {
        this.opening = opening;
        this.batches = batches;
    }

    @KafkaListener(
            id = "deadline-events",
            topics = {
                Topics.PLATFORM_CLUES,
                Topics.PLATFORM_TRANSFERS,
                Topics.PLATFORM_CASES,
                Topics.PLATFORM_INSPECTIONS,
                Topics.PLATFORM_OPERATIONS
            },
            containerFactory = EventKafkaConfiguration.EVENT_BATCH_LISTENER_FACTORY,
            concurrency = "2")
    void onPlatformEvents(List<ConsumerRecord<String, Object>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, opening::applyAll, opening::apply);
    }
}
