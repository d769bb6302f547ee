package cn.wildlife.events;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseReported;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.clue.ClueStepTaken;
import cn.wildlife.events.deadline.DeadlineExtended;
import cn.wildlife.events.deadline.DeadlineOpened;
import cn.wildlife.events.facility.FacilityChanged;
import cn.wildlife.events.facility.FacilityRegistered;
import cn.wildlife.events.inspection.CrimeSuspected;
import cn.wildlife.events.inspection.DrawMade;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.inspection.RectificationChanged;
import cn.wildlife.events.link.RecordsLinked;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.events.species.SpeciesCatalogueChanged;
import cn.wildlife.events.transfer.TransferStepRequested;
import cn.wildlife.events.transfer.TransferStepTaken;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every event type on the platform: its CloudEvents {@code type}, payload record and JSON Schema. A payload change
 * that is not backwards compatible is a new type with the next version suffix, never an edit of an existing one.
 */
public enum EventType {
    CLUE_REPORTED(
            "cn.wildlife.clue.reported.v1",
            ClueReported.class,
            "clue-reported.v1.json",
            "An agency's system reports a clue it received."),
    CLUE_RECORDED(
            "cn.wildlife.clue.recorded.v1",
            ClueRecorded.class,
            "clue-recorded.v1.json",
            "case-service recorded a clue."),
    CLUE_ASSIGNED(
            "cn.wildlife.clue.assigned.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: a clue was assigned to a handler."),
    CLUE_VERIFIED(
            "cn.wildlife.clue.verified.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: the handling agency verified the clue (核实)."),
    CLUE_REFERRAL_ACCEPTED(
            "cn.wildlife.clue.referral-accepted.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: the agency a clue was referred to accepted it; it records the clue as its own."),
    CLUE_FEEDBACK_GIVEN(
            "cn.wildlife.clue.feedback-given.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: the reporter was told the outcome (反馈处理结果); never who the reporter is."),
    CLUE_CASE_OPENED(
            "cn.wildlife.clue.case-opened.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: a case was opened on a clue."),
    CLUE_DISMISSED(
            "cn.wildlife.clue.dismissed.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: a clue was dismissed with reasons."),
    CLUE_REFERRED(
            "cn.wildlife.clue.referred.v1",
            ClueStepTaken.class,
            "clue-step-taken.v1.json",
            "A clue step: a clue was referred to another agency."),
    CASE_REPORTED(
            "cn.wildlife.case.reported.v1",
            CaseReported.class,
            "case-reported.v1.json",
            "An agency's system reports a case it opened."),
    TRANSFER_STEP_REQUESTED(
            "cn.wildlife.transfer.step-requested.v1",
            TransferStepRequested.class,
            "transfer-step-requested.v1.json",
            "An agency's system takes a transfer step for its agency (the event "
                    + "door to the same state machine as the REST steps)."),
    CASE_OPENED(
            "cn.wildlife.case.opened.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "case-service recorded a case (by either door)."),
    CASE_UPDATED(
            "cn.wildlife.case.updated.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "A case's facts changed: behaviours, species, value, parties' count, evidence, operation."),
    CASE_REPORTED_UPWARD(
            "cn.wildlife.case.reported-upward.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "A case graded major or above is reported to the superior region (superiorRegion)."),
    CASE_SUPERVISION_LISTED(
            "cn.wildlife.case.supervision-listed.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "A superior region listed the case for supervision (挂牌督办)."),
    CASE_SEIZURE_RECORDED(
            "cn.wildlife.case.seizure-recorded.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "A seized item was recorded or its custody changed (where it is, who holds it, what happened)."),
    CASE_PENALTY_DECIDED(
            "cn.wildlife.case.penalty-decided.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The administrative penalty decision (处罚决定) was made; fulfils the Art. 60 clock."),
    CASE_TRANSFERRED(
            "cn.wildlife.case.transferred.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The case went to public security with a transfer."),
    CASE_CLOSED("cn.wildlife.case.closed.v1", CaseChanged.class, "case-changed.v1.json", "The case was closed (结案)."),
    CASE_PENALTY_INSTEAD_OF_PROSECUTION(
            "cn.wildlife.case.penalty-instead-of-prosecution.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "以罚代刑 check: an administrative case punished with a penalty crosses a "
                    + "prosecution threshold and was never transferred; flagged to the procuratorate."),
    RECORDS_LINKED(
            "cn.wildlife.link.found.v1",
            RecordsLinked.class,
            "records-linked.v1.json",
            "Records of two agencies share a suspect's identifier (masked): both agencies' handlers see the link."),
    CASE_APPRAISAL_STARTED(
            "cn.wildlife.case.appraisal-started.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "An appraisal (鉴定) of the case started: the time it takes does not count towards its clocks."),
    CASE_APPRAISAL_FINISHED(
            "cn.wildlife.case.appraisal-finished.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The appraisal (鉴定) finished: the case's paused clocks run again."),
    CASE_HEARING_STARTED(
            "cn.wildlife.case.hearing-started.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "A hearing (听证) of the case started: the time it takes does not count towards its clocks."),
    CASE_HEARING_FINISHED(
            "cn.wildlife.case.hearing-finished.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The hearing (听证) finished: the case's paused clocks run again."),
    CASE_SUSPENDED(
            "cn.wildlife.case.suspended.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The case was suspended (中止): the time it stays suspended does not count towards its clocks."),
    CASE_RESUMED(
            "cn.wildlife.case.resumed.v1",
            CaseChanged.class,
            "case-changed.v1.json",
            "The suspended case resumed (恢复): its paused clocks run again."),
    DEADLINE_OPENED(
            "cn.wildlife.deadline.opened.v1",
            DeadlineOpened.class,
            "deadline-opened.v1.json",
            "notification-service opened a deadline from a rule."),
    DEADLINE_EXTENDED(
            "cn.wildlife.deadline.extended.v1",
            DeadlineExtended.class,
            "deadline-extended.v1.json",
            "An extension the rule allows was approved for a deadline: it is due later."),
    FACILITY_REGISTERED(
            "cn.wildlife.facility.registered.v1",
            FacilityRegistered.class,
            "facility-registered.v1.json",
            "inspection-service registered a captive-breeding facility."),
    FACILITY_LEDGER_CHANGED(
            "cn.wildlife.facility.ledger-changed.v1",
            FacilityChanged.class,
            "facility-changed.v1.json",
            "A facility's species-count ledger changed (dated and sourced)."),
    FACILITY_MEASURE_APPLIED(
            "cn.wildlife.facility.measure-applied.v1",
            FacilityChanged.class,
            "facility-changed.v1.json",
            "A measure was applied to a facility: suspend breeding, introduction or "
                    + "export, or suspend business (停业整顿)."),
    FACILITY_MEASURE_LIFTED(
            "cn.wildlife.facility.measure-lifted.v1",
            FacilityChanged.class,
            "facility-changed.v1.json",
            "A measure on a facility was lifted."),
    INSPECTION_DRAW_MADE(
            "cn.wildlife.inspection.draw-made.v1",
            DrawMade.class,
            "draw-made.v1.json",
            "A 双随机 draw of facilities and inspectors was made, with its seed."),
    INSPECTION_DRAW_PUBLISHED(
            "cn.wildlife.inspection.draw-published.v1",
            DrawMade.class,
            "draw-made.v1.json",
            "A draw's result was published (一公开)."),
    INSPECTION_PLANNED(
            "cn.wildlife.inspection.planned.v1",
            InspectionChanged.class,
            "inspection-changed.v1.json",
            "An inspection was planned, by hand or by a draw."),
    INSPECTION_RECORDED(
            "cn.wildlife.inspection.recorded.v1",
            InspectionChanged.class,
            "inspection-changed.v1.json",
            "An inspection was carried out and recorded with its checklist and " + "findings."),
    INSPECTION_CRIME_SUSPECTED(
            "cn.wildlife.inspection.crime-suspected.v1",
            CrimeSuspected.class,
            "crime-suspected.v1.json",
            "An inspection finding suggests a crime: a clue for public security."),
    RECTIFICATION_ORDERED(
            "cn.wildlife.rectification.ordered.v1",
            RectificationChanged.class,
            "rectification-changed.v1.json",
            "A finding became a rectification order with its own deadline "
                    + "(责令限期整改); opens the rectification clock."),
    RECTIFICATION_ACCEPTED(
            "cn.wildlife.rectification.accepted.v1",
            RectificationChanged.class,
            "rectification-changed.v1.json",
            "The re-inspection accepted the rectification (检查验收合格)."),
    RECTIFICATION_REJECTED(
            "cn.wildlife.rectification.rejected.v1",
            RectificationChanged.class,
            "rectification-changed.v1.json",
            "The re-inspection did not accept the rectification."),
    OPERATION_ENTERED(
            "cn.wildlife.operation.entered.v1",
            OperationChanged.class,
            "operation-changed.v1.json",
            "A joint special operation was entered with its phases, duties and report schedule."),
    OPERATION_SORTIE_RECORDED(
            "cn.wildlife.operation.sortie-recorded.v1",
            SortieRecorded.class,
            "sortie-recorded.v1.json",
            "An agency recorded a patrol or sortie of an operation."),
    OPERATION_REPORT_SUBMITTED(
            "cn.wildlife.operation.report-submitted.v1",
            ReportSubmitted.class,
            "report-submitted.v1.json",
            "A region submitted an operation report (monthly summary or final)."),
    SPECIES_CATALOGUE_CHANGED(
            "cn.wildlife.species.catalogue-changed.v1",
            SpeciesCatalogueChanged.class,
            "species-catalogue-changed.v1.json",
            "case-service's species catalogue changed (an administrator's "
                    + "import): the species new or corrected, for the services that check species codes."),
    ALERT_RAISED(
            "cn.wildlife.alert.raised.v1",
            AlertRaised.class,
            "alert-raised.v1.json",
            "notification-service raised an approaching, overdue or escalated alert, or told the administrators that "
                    + "a year's holiday calendar is missing."),
    TRANSFER_RETURNED(
            "cn.wildlife.transfer.returned.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: the police sent a case back to the administrative agency."),
    TRANSFER_RETURN_ACCEPTED(
            "cn.wildlife.transfer.return-accepted.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: the agency accepted a returned case."),
    TRANSFER_OUTCOME_RECORDED(
            "cn.wildlife.transfer.outcome-recorded.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: the agency recorded its administrative outcome."),
    TRANSFER_REPORTED(
            "cn.wildlife.transfer.reported.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: reported."),
    TRANSFER_APPROVED(
            "cn.wildlife.transfer.approved.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: approved."),
    TRANSFER_REFUSED(
            "cn.wildlife.transfer.refused.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: refused."),
    TRANSFER_TRANSFERRED(
            "cn.wildlife.transfer.transferred.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: transferred."),
    TRANSFER_PASSED_ON(
            "cn.wildlife.transfer.passed-on.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: passed on."),
    TRANSFER_RECEIVED(
            "cn.wildlife.transfer.received.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: received."),
    TRANSFER_FILED(
            "cn.wildlife.transfer.filed.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: filed."),
    TRANSFER_NOT_FILED(
            "cn.wildlife.transfer.not-filed.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: not filed."),
    TRANSFER_ITEMS_HANDED_OVER(
            "cn.wildlife.transfer.items-handed-over.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: items handed over."),
    TRANSFER_RECONSIDERATION_REQUESTED(
            "cn.wildlife.transfer.reconsideration-requested.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: reconsideration requested."),
    TRANSFER_RECONSIDERATION_DECIDED(
            "cn.wildlife.transfer.reconsideration-decided.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: reconsideration decided."),
    TRANSFER_RECONSIDERATION_UPHELD(
            "cn.wildlife.transfer.reconsideration-upheld.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: the police upheld not filing on reconsideration."),
    TRANSFER_SUPERVISION_REQUESTED(
            "cn.wildlife.transfer.supervision-requested.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: supervision requested."),
    TRANSFER_EXPLANATION_REQUESTED(
            "cn.wildlife.transfer.explanation-requested.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: explanation requested."),
    TRANSFER_EXPLANATION_GIVEN(
            "cn.wildlife.transfer.explanation-given.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: explanation given."),
    TRANSFER_FILING_ORDERED(
            "cn.wildlife.transfer.filing-ordered.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: filing ordered."),
    TRANSFER_NON_FILING_ACCEPTED(
            "cn.wildlife.transfer.non-filing-accepted.v1",
            TransferStepTaken.class,
            "transfer-step-taken.v1.json",
            "A transfer step: non filing accepted.");

    /** Where the schemas live on the classpath. */
    public static final String SCHEMA_FOLDER = "/cn/wildlife/events/schemas/";

    private final String ceType;
    private final Class<? extends EventPayload> payloadType;
    private final String schemaFile;
    private final String description;

    EventType(String ceType, Class<? extends EventPayload> payloadType, String schemaFile, String description) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.schemaFile = schemaFile;
        this.description = description;
    }

    /** The CloudEvents {@code type} attribute. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public String schemaFile() {
        return schemaFile;
    }

    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFile;
    }

    /** The CloudEvents {@code dataschema} attribute: names the schema without pretending to be a fetchable URL. */
    public URI dataSchema() {
        return URI.create("urn:cn.wildlife:schema:" + schemaFile.replace(".json", ""));
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    /** The one type a payload class travels as; a payload shared by several types must name its type. */
    public static EventType of(Class<? extends EventPayload> payloadType) {
        List<EventType> matching = Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(
                    matching.isEmpty()
                            ? "no event type for " + payloadType.getName()
                            : payloadType.getSimpleName() + " travels as several types; name the type");
        }
        return matching.get(0);
    }
}
