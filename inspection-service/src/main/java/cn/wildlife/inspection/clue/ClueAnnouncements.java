package cn.wildlife.inspection.clue;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.inspection.inspection.InspectionWork;
import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.inspection.results.ClueFacts;
import cn.wildlife.inspection.results.ResultsLedger;
import cn.wildlife.inspection.results.ResultsLedgerBuilder;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The clues case-service records ({@code platform.clues}), read once for two uses: a clue tagged with a joint operation
 * is counted in its results table, and a clue made from one of this service's inspection findings is noted on the
 * inspection, so the inspectors see which agency has it under which id. Both effects are idempotent per clue.
 */
@Component
class ClueAnnouncements {

    private final ClueFacts facts;
    private final InspectionWork inspections;

    ClueAnnouncements(ClueFacts facts, InspectionWork inspections) {
        this.facts = facts;
        this.inspections = inspections;
    }

    // Started once the results tallies exist (ResultsLedgerBuilder): a build would wipe what it counted before.
    @KafkaListener(
            id = ResultsLedgerBuilder.CLUES_LISTENER,
            autoStartup = "false",
            topics = Topics.PLATFORM_CLUES,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onClue(ConsumerRecord<String, Envelope<?>> record) {
        if (!(record.value().data() instanceof ClueRecorded clue)) {
            return;
        }
        facts.apply(clue, ResultsLedger.Position.of(record));
        if (clue.fromInspection() != null) {
            inspections.clueRecorded(
                    clue.fromInspection().inspectionId(),
                    new Inspection.HandedOver(clue.fromInspection().findingId(), clue.clueId(), clue.agency()));
        }
    }
}
