package cn.wildlife.caseservice.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTest {

    static final Instant OPENED = Instant.parse("2026-11-21T07:00:00Z");
    static final Instant LATER = OPENED.plusSeconds(86_400);
    static final Case.Penalty PENALTY =
            new Case.Penalty("双林罚决〔2026〕12号", LATER, new BigDecimal("5000"), true, "没收大天鹅死体二只，罚款五千元");

    static Case open(CaseKind kind) {
        return Case.builder()
                .id("FORESTRY-220112-2026-00001")
                .number("220112林行〔2026〕1号")
                .kind(kind)
                .agency(Agency.FORESTRY)
                .region("220112")
                .openedAt(OPENED)
                .title("架网猎捕野生鸟类案")
                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                .grade(CaseGrade.GENERAL)
                .build();
    }

    static Case administrative() {
        return open(CaseKind.ADMINISTRATIVE);
    }

    static Case.Seizure seizure(Case c) {
        return new Case.Seizure(
                c.nextItemId(),
                SeizureKind.DEAD,
                null,
                "大天鹅死体",
                BigDecimal.ONE,
                QuantityUnit.ANIMAL,
                List.of(new Case.Custody(CustodyAction.SEIZED, "执法大队", "证物室", OPENED, "fo", null)));
    }

    static CaseChangeRefused.Reason refusal(Runnable change) {
        return catchThrowableOfType(CaseChangeRefused.class, change::run).reason();
    }

    @Test
    void aCaseNewlyOpenedIsOpenAtVersionOneWithNothingSeizedSupervisedOrDecided() {
        Case opened = administrative();

        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.seizures()).isEmpty();
        assertThat(opened.supervision()).isNull();
        assertThat(opened.penalty()).isNull();
        assertThat(opened.transferred()).isFalse();
    }

    @Test
    void aFlagIsPartOfTheChangeThatRaisedItNotAVersionOfItsOwn() {
        Case flagged = administrative().flagged("PENALTY_INSTEAD_OF_PROSECUTION");

        assertThat(flagged.flags()).containsExactly("PENALTY_INSTEAD_OF_PROSECUTION");
        assertThat(flagged.version()).isEqualTo(1);
    }

    @Test
    void anAdministrativeCaseInHandDecidesItsPenalty() {
        Case decided = administrative().penaltyDecided(PENALTY);

        assertThat(decided.status()).isEqualTo(CaseStatus.PENALTY_DECIDED);
        assertThat(decided.fines()).isEqualByComparingTo("5000");
        assertThat(decided.version()).isEqualTo(2);
    }

    @Test
    void aCriminalCaseDecidesNoAdministrativePenalty() {
        assertThat(refusal(() -> open(CaseKind.CRIMINAL).penaltyDecided(PENALTY)))
                .isEqualTo(CaseChangeRefused.Reason.NOT_ADMINISTRATIVE);
    }

    @Test
    void aPenaltyIsDecidedOnceAndNotAfterClosing() {
        CaseChangeRefused refused = catchThrowableOfType(
                CaseChangeRefused.class,
                () -> administrative().penaltyDecided(PENALTY).penaltyDecided(PENALTY));

        assertThat(refused.reason()).isEqualTo(CaseChangeRefused.Reason.NOT_NOW);
        assertThat(refused.state()).isEqualTo(CaseStatus.PENALTY_DECIDED);
        assertThat(refused.allowedFrom()).containsExactly(CaseStatus.OPEN);
        assertThat(refusal(() -> administrative().closed().penaltyDecided(PENALTY)))
                .isEqualTo(CaseChangeRefused.Reason.NOT_NOW);
    }

    @Test
    void aCaseClosesFromAnyStatusButClosedItself() {
        assertThat(administrative().closed().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(administrative().penaltyDecided(PENALTY).closed().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(administrative().transferredToPolice().closed().status()).isEqualTo(CaseStatus.CLOSED);

        CaseChangeRefused refused = catchThrowableOfType(
                CaseChangeRefused.class, () -> administrative().closed().closed());
        assertThat(refused.allowedFrom())
                .containsExactly(CaseStatus.OPEN, CaseStatus.PENALTY_DECIDED, CaseStatus.TRANSFERRED);
    }

    @Test
    void aClosedCaseIsNoLongerUpdatedSeizedOrListed() {
        Case closed = administrative().closed();

        assertThat(refusal(() -> closed.require(CaseChange.UPDATE))).isEqualTo(CaseChangeRefused.Reason.CLOSED);
        assertThat(refusal(() -> closed.withSeizure(seizure(closed)))).isEqualTo(CaseChangeRefused.Reason.CLOSED);
        assertThat(refusal(() -> closed.listedForSupervision(
                        new Case.Supervision("220100", Agency.FORESTRY, "sh", LATER, "督办", null))))
                .isEqualTo(CaseChangeRefused.Reason.CLOSED);
    }

    @Test
    void aCaseIsListedForSupervisionOnce() {
        Case.Supervision listing = new Case.Supervision("220100", Agency.FORESTRY, "sh", LATER, "督办", null);
        Case listed = administrative().listedForSupervision(listing);

        assertThat(listed.supervision()).isEqualTo(listing);
        assertThat(refusal(() -> listed.listedForSupervision(listing)))
                .isEqualTo(CaseChangeRefused.Reason.ALREADY_SUPERVISED);
    }

    @Test
    void aTransferredCaseCanNoLongerBeFlaggedForPenaltyInsteadOfProsecutionAndAClosedOneStaysClosed() {
        Case transferred = administrative().transferredToPolice();
        assertThat(transferred.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(transferred.transferred()).isTrue();

        Case closedThenTransferred = administrative().closed().transferredToPolice();
        assertThat(closedThenTransferred.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closedThenTransferred.transferred()).isTrue();
    }

    @Test
    void theChainOfCustodyMovesForwardAndEndsForGood() {
        Case seized = administrative().withSeizure(seizure(administrative()));
        String item = seized.seizures().get(0).itemId();
        Case.Custody rescue = new Case.Custody(CustodyAction.SENT_TO_RESCUE, "救护中心", "净月区", LATER, "fo", null);

        assertThat(refusal(() ->
                        seized.withCustody(item, new Case.Custody(CustodyAction.SEIZED, "h", "l", LATER, "fo", null))))
                .isEqualTo(CaseChangeRefused.Reason.SEIZED_ONCE);
        assertThat(refusal(() -> seized.withCustody(
                        item,
                        new Case.Custody(CustodyAction.SENT_TO_RESCUE, "h", "l", OPENED.minusSeconds(1), "fo", null))))
                .isEqualTo(CaseChangeRefused.Reason.CUSTODY_BEFORE_LAST);
        assertThat(seized.withCustody(item, rescue).seizures().get(0).last()).isEqualTo(rescue);

        Case.Custody ended = new Case.Custody(CustodyAction.RELEASED, "放飞地", "奢岭水库", LATER, "fo", null);
        Case done = seized.withCustody(item, ended);
        assertThat(refusal(() -> done.withCustody(item, rescue))).isEqualTo(CaseChangeRefused.Reason.CUSTODY_ENDED);
    }

    @Test
    void custodyIsStillRecordedAfterTheCaseIsClosed() {
        Case seized = administrative().withSeizure(seizure(administrative()));
        Case closed = seized.closed();
        Case.Custody rescue = new Case.Custody(CustodyAction.SENT_TO_RESCUE, "救护中心", "净月区", LATER, "fo", null);

        assertThat(closed.withCustody(seized.seizures().get(0).itemId(), rescue)
                        .seizures()
                        .get(0)
                        .last())
                .isEqualTo(rescue);
    }

    @Test
    void itemsStillHeldAreHandedOverWithTheTransferredCase() {
        Case seized = administrative().withSeizure(seizure(administrative()));

        Case handedOver = seized.itemsHandedOver("公安机关（220112）", LATER, "fo", "随案移交");
        assertThat(handedOver.seizures().get(0).last().action()).isEqualTo(CustodyAction.HANDED_OVER);
        assertThat(handedOver
                        .itemsHandedOver("公安机关（220112）", LATER, "fo", "随案移交")
                        .seizures()
                        .get(0)
                        .custody())
                .hasSize(2);
    }

    @Test
    void onlyAnOpenCasesClocksPauseAndOnePauseAtATime() {
        CasePause pause = administrative().pause(null, CasePause.Kind.APPRAISAL, LATER, "鉴定", "fo");
        assertThat(pause.kind()).isEqualTo(CasePause.Kind.APPRAISAL);

        assertThat(refusal(() -> administrative().pause(pause, CasePause.Kind.HEARING, LATER, "听证", "fo")))
                .isEqualTo(CaseChangeRefused.Reason.ALREADY_PAUSED);
        assertThat(refusal(() -> administrative()
                        .penaltyDecided(PENALTY)
                        .pause(null, CasePause.Kind.HEARING, LATER, "听证", "fo")))
                .isEqualTo(CaseChangeRefused.Reason.NOT_NOW);
        assertThat(refusal(() ->
                        administrative().pause(null, CasePause.Kind.APPRAISAL, OPENED.minusSeconds(1), "鉴定", "fo")))
                .isEqualTo(CaseChangeRefused.Reason.PAUSED_BEFORE_OPENED);
    }

    @Test
    void aPauseEndsOnlyAsTheKindItIsAndNotBeforeItStarted() {
        CasePause appraisal = new CasePause(CasePause.Kind.APPRAISAL, LATER, "鉴定", "fo");
        Case c = administrative();

        assertThat(refusal(() -> c.requireResumable(null, CasePause.Kind.APPRAISAL, LATER)))
                .isEqualTo(CaseChangeRefused.Reason.NOT_PAUSED);
        assertThat(refusal(() -> c.requireResumable(appraisal, CasePause.Kind.HEARING, LATER)))
                .isEqualTo(CaseChangeRefused.Reason.PAUSED_FOR_ANOTHER_REASON);
        assertThat(refusal(() -> c.requireResumable(appraisal, CasePause.Kind.APPRAISAL, OPENED)))
                .isEqualTo(CaseChangeRefused.Reason.RESUMED_BEFORE_PAUSED);
        c.requireResumable(appraisal, CasePause.Kind.APPRAISAL, LATER.plusSeconds(1));
    }

    @Test
    void aFlagIsPartOfTheChangeThatRaisedIt() {
        Case decided = administrative().penaltyDecided(PENALTY);

        Case flagged = decided.flagged("PENALTY_INSTEAD_OF_PROSECUTION");
        assertThat(flagged.flags()).containsExactly("PENALTY_INSTEAD_OF_PROSECUTION");
        assertThat(flagged.version()).isEqualTo(decided.version());
    }
}
