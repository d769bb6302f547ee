package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.transfer.TransferWorkflow;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.events.cases.CaseReported;
import cn.wildlife.events.transfer.TransferStepRequested;
import cn.wildlife.events.transfer.TransferStepTaken;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The events that change cases: the agencies' own case reports and transfer steps, the transfers a case goes with, and the alerts that
 * say one of its clocks is overdue (what the "overdue" search filter reads).
 */
@Component
class CaseEventListener {

    private final CaseOpening opening;
    private final TransferFollowing following;
    private final CaseStore store;
    private final TransferWorkflow transfers;

    CaseEventListener(CaseOpening opening, TransferFollowing following, CaseStore store, TransferWorkflow transfers) {
        this.opening = opening;
        this.following = following;
        this.store = store;
        this.transfers = transfers;
    }

    @KafkaListener(
            id = "agency-cases",
            topics = "#{T(cn.wildlife.events.Topics).allAgencyCaseTopics()}",
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY,
            concurrency = "2")
    void onAgencyCase(Envelope<?> event) {
        if (event.data() instanceof TransferStepRequested) {
            transfers.apply(event.as(TransferStepRequested.class));
            return;
        }
        if (!(event.data() instanceof CaseReported report)) {
            throw new InvalidEventException(event.type().ceType() + " does not belong on a case topic");
        }
        Agency agency = event.agency();
        if (agency == null) {
            throw new InvalidEventException("a case report needs the agency extension");
        }
        if (!report.caseId().startsWith(agency.name() + "-")) {
            throw new InvalidEventException("case id " + report.caseId() + " must start with the reporting agency's "
                    + "code: " + agency.name() + "-");
        }
        if (event.region() != null && !report.region().equals(event.region())) {
            throw new InvalidEventException(
                    "the region extension " + event.region() + " differs from the case's region " + report.region());
        }
        if (!report.kind().handledBy(agency)) {
            throw new InvalidEventException(agency + " does not handle " + report.kind() + " cases");
        }
        try {
            opening.open(
                    new CaseOpening.NewCase(
                            report.caseId(),
                            report.kind(),
                            agency,
                            report.region(),
                            report.openedAt(),
                            report.title(),
                            report.behaviours(),
                            report.species(),
                            report.value(),
                            List.of(),
                            List.of(),
                            List.of(),
                            report.grade(),
                            report.clueId(),
                            report.operationId()),
                    new ChangedBy(
                            agency.name() + "@" + report.region(),
                            agency.label() + "业务系统",
                            agency,
                            ChangedBy.Door.EVENT),
                    event.id());
        } catch (cn.wildlife.support.web.InvalidRequestException e) {
            // Unknown species and the like: the dead-letter topic says which, the event is not silently dropped.
            throw new InvalidEventException(e.errors().stream()
                    .map(f -> f.field() + ": " + f.message() + " (" + f.rejectedValue() + ")")
                    .toList()
                    .toString());
        }
    }

    @KafkaListener(
            id = "case-transfers",
            topics = Topics.PLATFORM_TRANSFERS,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onTransferStep(Envelope<?> event) {
        if (event.data() instanceof TransferStepTaken) {
            following.onTransferStep(event.as(TransferStepTaken.class));
        }
    }

    @KafkaListener(
            id = "case-alerts",
            topics = Topics.PLATFORM_ALERTS,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onAlert(Envelope<?> event) {
        if (event.data() instanceof AlertRaised alert
                && "CASE".equals(alert.subjectType())
                && ("OVERDUE".equals(alert.kind()) || "ESCALATED".equals(alert.kind()))) {
            store.markOverdue(alert.subjectId(), alert.deadlineId(), true);
        }
    }
}
