package cn.wildlife.caseservice.oversight.domain;

import cn.wildlife.caseservice.transfer.domain.TransferState;
import cn.wildlife.caseservice.transfer.domain.TransferStep;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Which transfers an oversight view counts as open, and which non-filings are under review. */
public final class ReviewedStates {

    /**
     * Open: some step may still follow. A refused transfer and a closed non-filing stay open until the agency records
     * its own outcome (不得以罚代刑 cuts both ways); a filed case until its items are handed over.
     */
    public static final Set<TransferState> OPEN = open();

    /** A non-filing the agency asked the police to reconsider (复议), awaiting their decision. */
    public static final Set<TransferState> RECONSIDERATION = Set.of(TransferState.RECONSIDERATION_REQUESTED);

    /** A non-filing under the procuratorate's filing supervision (立案监督), until filing or acceptance. */
    public static final Set<TransferState> SUPERVISION = Set.of(
            TransferState.SUPERVISION_REQUESTED,
            TransferState.EXPLANATION_REQUESTED,
            TransferState.EXPLANATION_GIVEN,
            TransferState.FILING_ORDERED);

    private ReviewedStates() {}

    private static Set<TransferState> open() {
        Set<TransferState> open = EnumSet.noneOf(TransferState.class);
        Arrays.stream(TransferStep.values()).forEach(step -> open.addAll(step.from()));
        return Set.copyOf(open);
    }

    /** Under reconsideration or supervision: what the procuratorate follows among the non-filings. */
    public static Set<TransferState> underReview() {
        Set<TransferState> both = EnumSet.copyOf(RECONSIDERATION);
        both.addAll(SUPERVISION);
        return Set.copyOf(both);
    }
}
