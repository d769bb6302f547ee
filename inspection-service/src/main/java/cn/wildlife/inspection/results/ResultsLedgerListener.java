package cn.wildlife.inspection.results;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Sorties and inspections as this service announces them, counted in the results tallies. */
@Component
class ResultsLedgerListener {

    private final ResultsLedger ledger;

    ResultsLedgerListener(ResultsLedger ledger) {
        this.ledger = ledger;
    }

    // Started by ResultsLedgerBuilder once the tallies exist: an event taken before a build would be wiped by it.
    @KafkaListener(
            id = ResultsLedgerBuilder.RESULTS_LISTENER,
            autoStartup = "false",
            topics = {Topics.PLATFORM_OPERATIONS, Topics.PLATFORM_INSPECTIONS},
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onRecord(ConsumerRecord<String, Envelope<?>> record) {
        ResultsLedger.Position at = ResultsLedger.Position.of(record);
        if (record.value().data() instanceof SortieRecorded s) {
            ledger.countSortie(s, at);
        } else if (record.value().data() instanceof InspectionChanged i) {
            ledger.countInspection(i, at);
        }
    }
}
