package cn.wildlife.caseservice.clue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wildlife.events.Agency;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.clue.ClueRecorded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClueTest {

    static final Instant T0 = Instant.parse("2026-10-12T02:00:00Z");
    static final Instant LATER = T0.plusSeconds(3600);
    static final Clue.StepDetails NOTHING = new Clue.StepDetails(List.of(), null, null, null);

    static Clue received() {
        return Clue.builder()
                .id("FORESTRY-220112-0001")
                .agency(Agency.FORESTRY)
                .region("220112")
                .source(ClueSource.TIP_OFF)
                .receivedAt(T0)
                .recordedAt(T0)
                .summary("饭店收购野生鸟类")
                .channel(ClueRecorded.Channel.REST)
                .build();
    }

    static Clue.StepDetails reasons(String... reasons) {
        return new Clue.StepDetails(List.of(reasons), null, null, null);
    }

    static Clue.StepDetails referTo(Agency agency) {
        return new Clue.StepDetails(List.of("属市场监管部门职责"), null, agency, null);
    }

    @Test
    void aNewClueIsReceivedAtItsFirstVersion() {
        Clue clue = received();

        assertThat(clue.status()).isEqualTo(Clue.Status.RECEIVED);
        assertThat(clue.version()).isEqualTo(1);
        assertThat(clue.allowedSteps())
                .containsExactly(Clue.Step.ASSIGN, Clue.Step.OPEN_CASE, Clue.Step.DISMISS, Clue.Step.REFER);
    }

    @Test
    void aClueIsVerifiedOnlyAfterItIsAssigned() {
        assertThat(catchThrowableOfType(
                                ClueStepRefused.class, () -> received().take(Clue.Step.VERIFY, reasons("现场核实"), T0))
                        .reason())
                .isEqualTo(ClueStepRefused.Reason.NOT_NOW);

        Clue assigned = received().take(Clue.Step.ASSIGN, new Clue.StepDetails(List.of(), null, null, "王警官"), T0);
        assertThat(assigned.take(Clue.Step.VERIFY, reasons("现场核实"), T0).status())
                .isEqualTo(Clue.Status.VERIFIED);
    }

    @Test
    void anAssignmentNamesItsHandler() {
        ClueStepRefused refused =
                catchThrowableOfType(ClueStepRefused.class, () -> received().take(Clue.Step.ASSIGN, NOTHING, T0));

        assertThat(refused.reason()).isEqualTo(ClueStepRefused.Reason.INCOMPLETE);
        assertThat(refused.missing()).extracting(ClueStepRefused.Missing::field).containsExactly("assignee");
    }

    @Test
    void openingACaseNamesTheCase() {
        ClueStepRefused refused =
                catchThrowableOfType(ClueStepRefused.class, () -> received().take(Clue.Step.OPEN_CASE, NOTHING, T0));
        assertThat(refused.missing()).extracting(ClueStepRefused.Missing::field).containsExactly("caseNumber");

        Clue opened = received()
                .take(Clue.Step.OPEN_CASE, new Clue.StepDetails(List.of(), "220112林行〔2026〕1号", null, null), T0);
        assertThat(opened.status()).isEqualTo(Clue.Status.CASE_OPENED);
        assertThat(opened.version()).isEqualTo(2);
    }

    @Test
    void aDismissalGivesItsReasonsInWriting() {
        assertThat(catchThrowableOfType(ClueStepRefused.class, () -> received().take(Clue.Step.DISMISS, NOTHING, T0))
                        .missing())
                .extracting(ClueStepRefused.Missing::field)
                .containsExactly("reasons");
        assertThat(received().take(Clue.Step.DISMISS, reasons("查无实据"), T0).status())
                .isEqualTo(Clue.Status.DISMISSED);
    }

    @Test
    void aDismissedClueTakesNoFurtherStepButTheReportersFeedback() {
        Clue dismissed = received().take(Clue.Step.DISMISS, reasons("查无实据"), T0);

        assertThat(dismissed.allowedSteps()).containsExactly(Clue.Step.GIVE_FEEDBACK);
        ClueStepRefused refused = catchThrowableOfType(
                ClueStepRefused.class,
                () -> dismissed.take(
                        Clue.Step.OPEN_CASE, new Clue.StepDetails(List.of(), "220112林行〔2026〕1号", null, null), T0));
        assertThat(refused.reason()).isEqualTo(ClueStepRefused.Reason.NOT_NOW);
        assertThat(refused.status()).isEqualTo(Clue.Status.DISMISSED);
        assertThat(refused.allowedSteps()).containsExactly(Clue.Step.GIVE_FEEDBACK);
    }

    @Test
    void theReporterIsToldTheOutcomeOnceAndTheStatusStays() {
        Clue told = received()
                .take(Clue.Step.DISMISS, reasons("查无实据"), T0)
                .take(Clue.Step.GIVE_FEEDBACK, reasons("已电话告知举报人"), LATER);

        assertThat(told.status()).isEqualTo(Clue.Status.DISMISSED);
        assertThat(told.feedbackAt()).isEqualTo(LATER);
        assertThat(told.allowedSteps()).isEmpty();
    }

    @Test
    void aClueIsReferredToAnotherAgencyThatHandlesClues() {
        for (Agency wrong : new Agency[] {Agency.FORESTRY, Agency.PROCURATORATE}) {
            ClueStepRefused refused = catchThrowableOfType(
                    ClueStepRefused.class, () -> received().take(Clue.Step.REFER, referTo(wrong), T0));
            assertThat(refused.missing())
                    .extracting(ClueStepRefused.Missing::field)
                    .containsExactly("referredTo");
        }

        Clue referred = received().take(Clue.Step.REFER, referTo(Agency.MARKET_SUPERVISION), T0);
        assertThat(referred.status()).isEqualTo(Clue.Status.REFERRED);
        assertThat(referred.referredTo()).isEqualTo(Agency.MARKET_SUPERVISION);
        assertThat(referred.allowedSteps()).containsExactly(Clue.Step.ACCEPT_REFERRAL, Clue.Step.GIVE_FEEDBACK);
    }

    @Test
    void onlyAReferredClueCanBeAcceptedByTheAgencyItWasReferredTo() {
        assertThat(catchThrowableOfType(
                                ClueStepRefused.class, () -> received().take(Clue.Step.ACCEPT_REFERRAL, NOTHING, T0))
                        .reason())
                .isEqualTo(ClueStepRefused.Reason.NOT_NOW);

        Clue accepted = received()
                .take(Clue.Step.REFER, referTo(Agency.MARKET_SUPERVISION), T0)
                .take(Clue.Step.ACCEPT_REFERRAL, NOTHING, T0);
        assertThat(accepted.status()).isEqualTo(Clue.Status.REFERRAL_ACCEPTED);
        assertThat(accepted.status().hasOutcome()).isTrue();
    }
}
