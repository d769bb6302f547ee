package cn.wildlife.caseservice.clue;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.inspection.CrimeSuspected;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * inspection-service's findings that suggest a crime ({@code platform.inspections}): each becomes a clue of the
 * agency it is handed to. The topic's other events (facilities, draws, rectifications) are not case-service's.
 */
@Component
class InspectionFindingListener {

    private final ClueRecording recording;

    InspectionFindingListener(ClueRecording recording) {
        this.recording = recording;
    }

    @KafkaListener(
            id = "case-inspection-findings",
            topics = Topics.PLATFORM_INSPECTIONS,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onInspectionEvent(Envelope<?> event) {
        if (event.data() instanceof CrimeSuspected) {
            recording.fromInspection(event.as(CrimeSuspected.class));
        }
    }
}
