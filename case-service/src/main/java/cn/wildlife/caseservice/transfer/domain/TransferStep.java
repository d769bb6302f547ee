package cn.wildlife.caseservice.transfer.domain;

import java.util.Set;

/**
 * Every step of 两法衔接, who takes it, from which states, and where it leads. Event types follow the step name
 * ({@code cn.wildlife.transfer.<event>.v1}): they are what notification-service's rules open and fulfil clocks on.
 */
public enum TransferStep {
    APPROVE("approved", Party.SENDING_AGENCY, true, Set.of(TransferState.REPORTED), TransferState.APPROVED),
    REFUSE("refused", Party.SENDING_AGENCY, true, Set.of(TransferState.REPORTED), TransferState.REFUSED),
    TRANSFER("transferred", Party.SENDING_AGENCY, false, Set.of(TransferState.APPROVED), TransferState.TRANSFERRED),
    RECEIVE(
            "received",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.TRANSFERRED, TransferState.PASSED_ON),
            TransferState.RECEIVED),
    PASS_ON(
            "passed-on",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.TRANSFERRED, TransferState.PASSED_ON),
            TransferState.PASSED_ON),
    FILE(
            "filed",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.RECEIVED, TransferState.FILING_ORDERED),
            TransferState.FILED),
    REFUSE_FILING("not-filed", Party.RECEIVING_POLICE, false, Set.of(TransferState.RECEIVED), TransferState.NOT_FILED),
    HAND_OVER_ITEMS(
            "items-handed-over",
            Party.SENDING_AGENCY,
            false,
            Set.of(TransferState.FILED),
            TransferState.ITEMS_HANDED_OVER),
    REQUEST_RECONSIDERATION(
            "reconsideration-requested",
            Party.SENDING_AGENCY,
            false,
            Set.of(TransferState.NOT_FILED),
            TransferState.RECONSIDERATION_REQUESTED),
    /** The police reconsider and file after all: announced as decided and as filed. */
    RECONSIDER_AND_FILE(
            "reconsideration-decided",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.RECONSIDERATION_REQUESTED),
            TransferState.FILED),
    /** The police reconsider and keep not filing. */
    RECONSIDER_AND_UPHOLD(
            "reconsideration-decided",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.RECONSIDERATION_REQUESTED),
            TransferState.NOT_FILED_UPHELD),
    REQUEST_SUPERVISION(
            "supervision-requested",
            Party.SENDING_AGENCY,
            false,
            Set.of(TransferState.NOT_FILED, TransferState.NOT_FILED_UPHELD),
            TransferState.SUPERVISION_REQUESTED),
    REQUEST_EXPLANATION(
            "explanation-requested",
            Party.PROCURATORATE,
            false,
            Set.of(TransferState.SUPERVISION_REQUESTED),
            TransferState.EXPLANATION_REQUESTED),
    GIVE_EXPLANATION(
            "explanation-given",
            Party.RECEIVING_POLICE,
            false,
            Set.of(TransferState.EXPLANATION_REQUESTED),
            TransferState.EXPLANATION_GIVEN),
    ORDER_FILING(
            "filing-ordered",
            Party.PROCURATORATE,
            false,
            Set.of(TransferState.EXPLANATION_GIVEN),
            TransferState.FILING_ORDERED),
    /** The agency accepts not filing, or the procuratorate finds the explanation sound. */
    ACCEPT_NON_FILING(
            "non-filing-accepted",
            null,
            false,
            Set.of(TransferState.NOT_FILED, TransferState.NOT_FILED_UPHELD, TransferState.EXPLANATION_GIVEN),
            TransferState.CLOSED_NOT_FILED),
    /** The administrative agency accepts a case the police sent back. */
    ACCEPT_RETURN(
            "return-accepted",
            Party.SENDING_AGENCY,
            false,
            Set.of(TransferState.RETURNED),
            TransferState.RETURN_ACCEPTED),
    /**
     * The agency records its own outcome (penalty decision, closure): after a returned case, and after a refused
     * transfer or a non-filing, since not filing is no reason to stop (不得以罚代刑 cuts both ways).
     */
    RECORD_OUTCOME(
            "outcome-recorded",
            Party.SENDING_AGENCY,
            false,
            Set.of(TransferState.RETURN_ACCEPTED, TransferState.CLOSED_NOT_FILED, TransferState.REFUSED),
            TransferState.OUTCOME_RECORDED);

    private final String event;
    private final Party party;
    private final boolean needsHead;
    private final Set<TransferState> from;
    private final TransferState to;

    TransferStep(String event, Party party, boolean needsHead, Set<TransferState> from, TransferState to) {
        this.event = event;
        this.party = party;
        this.needsHead = needsHead;
        this.from = Set.copyOf(from);
        this.to = to;
    }

    /** The CloudEvents type this step is announced with. */
    public String eventType() {
        return "cn.wildlife.transfer." + event + ".v1";
    }

    /**
     * Every event the step is announced with, in order. A reconsideration decision is also a filing (the
     * hand-over clock starts as with any filing) or an upheld refusal (the sender's window to ask the procuratorate
     * opens).
     */
    public java.util.List<String> eventTypes() {
        return switch (this) {
            case RECONSIDER_AND_FILE -> java.util.List.of(eventType(), FILE.eventType());
            case RECONSIDER_AND_UPHOLD ->
                java.util.List.of(eventType(), "cn.wildlife.transfer.reconsideration-upheld.v1");
            default -> java.util.List.of(eventType());
        };
    }

    /** Who takes the step; null for a step either the sending agency or the procuratorate may take. */
    public Party party() {
        return party;
    }

    /** Approving and refusing a transfer are the agency head's (负责人) decisions. */
    public boolean needsHead() {
        return needsHead;
    }

    public Set<TransferState> from() {
        return from;
    }

    public TransferState to() {
        return to;
    }

    /** The URL segment of the step: APPROVE → approve, REQUEST_RECONSIDERATION → request-reconsideration. */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
