package cn.wildlife.caseservice.clue;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The agencies' door: every agency's {@code agency.<agency>.clues} topic. */
@Component
class ClueEventListener {

    private final ClueRecording recording;

    ClueEventListener(ClueRecording recording) {
        this.recording = recording;
    }

    @KafkaListener(
            id = "agency-clues",
            topics = "#{T(cn.wildlife.events.Topics).allAgencyClueTopics()}",
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY,
            concurrency = "2")
    void onClueEvent(Envelope<?> event) {
        if (!(event.data() instanceof ClueReported)) {
            throw new InvalidEventException(event.type().ceType() + " does not belong on a clue topic");
        }
        recording.apply(event.as(ClueReported.class));
    }
}
