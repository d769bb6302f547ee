package cn.wildlife.caseservice.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.caseservice.transfer.domain.TransferState;
import org.junit.jupiter.api.Test;

class ReviewedStatesTest {

    @Test
    void aTransferStaysOpenWhileAStepMayFollowAndReviewedNonFilingsAreOpen() {
        assertThat(ReviewedStates.OPEN)
                .contains(TransferState.REPORTED, TransferState.REFUSED, TransferState.CLOSED_NOT_FILED)
                .doesNotContain(TransferState.ITEMS_HANDED_OVER, TransferState.OUTCOME_RECORDED);
        assertThat(ReviewedStates.OPEN).containsAll(ReviewedStates.underReview());
        assertThat(ReviewedStates.underReview())
                .contains(TransferState.RECONSIDERATION_REQUESTED, TransferState.FILING_ORDERED)
                .doesNotContain(TransferState.NOT_FILED);
    }
}
