package cn.wildlife.caseservice.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransferTest {

    static final Instant T0 = Instant.parse("2026-09-28T02:00:00Z");
    static final Actor OFFICER = new Actor("fo", Agency.FORESTRY, new RegionCode("220112"), false);
    static final Actor HEAD = new Actor("fh", Agency.FORESTRY, new RegionCode("220100"), true);
    static final Actor SIBLING_HEAD = new Actor("nh", Agency.FORESTRY, new RegionCode("220122"), true);
    static final Actor POLICE = new Actor("po", Agency.PUBLIC_SECURITY, new RegionCode("220112"), false);
    static final Actor OTHER_POLICE = new Actor("p2", Agency.PUBLIC_SECURITY, new RegionCode("220122"), false);
    static final Actor PROCURATOR = new Actor("pr", Agency.PROCURATORATE, new RegionCode("220100"), false);
    static final Transfer.Details NONE = Transfer.Details.none();
    static final Transfer.Details PACKAGE = new Transfer.Details(List.of(), EnumSet.copyOf(PackagePart.REQUIRED), null);

    static Transfer.Details reasons(String... reasons) {
        return new Transfer.Details(List.of(reasons), Set.of(), null);
    }

    static Transfer reported() {
        return Transfer.report("TR-220112-AAAAAAAA", "双林罚〔2026〕17号", "非法猎捕", OFFICER, T0);
    }

    static Transfer received() {
        return reported()
                .take(TransferStep.APPROVE, HEAD, NONE, T0)
                .take(TransferStep.TRANSFER, OFFICER, PACKAGE, T0)
                .take(TransferStep.RECEIVE, POLICE, NONE, T0);
    }

    @Test
    void onlyAdministrativeAgenciesTransferCases() {
        assertThatThrownBy(() -> Transfer.report("TR-1", "n", "s", POLICE, T0)).isInstanceOf(TransferRefused.class);
    }

    @Test
    void theHeadOfTheSendingAgencyDecidesAndNoOneElse() {
        assertThatThrownBy(() -> reported().take(TransferStep.APPROVE, OFFICER, NONE, T0))
                .hasMessageContaining("agency head");
        assertThatThrownBy(() -> reported().take(TransferStep.APPROVE, SIBLING_HEAD, NONE, T0))
                .extracting(e -> ((TransferRefused) e).reason())
                .isEqualTo(TransferRefused.Reason.NOT_YOUR_TURN);
        assertThat(reported().take(TransferStep.APPROVE, HEAD, NONE, T0).state())
                .isEqualTo(TransferState.APPROVED);
    }

    @Test
    void aRefusalNeedsReasons() {
        assertThatThrownBy(() -> reported().take(TransferStep.REFUSE, HEAD, NONE, T0))
                .extracting(e -> ((TransferRefused) e).reason())
                .isEqualTo(TransferRefused.Reason.INCOMPLETE);
        assertThat(reported()
                        .take(TransferStep.REFUSE, HEAD, reasons("情节轻微"), T0)
                        .state())
                .isEqualTo(TransferState.REFUSED);
    }

    @Test
    void theTransferPackageNeedsItsThreeRequiredParts() {
        Transfer approved = reported().take(TransferStep.APPROVE, HEAD, NONE, T0);
        Transfer.Details letterOnly = new Transfer.Details(List.of(), Set.of(PackagePart.TRANSFER_LETTER), null);

        assertThatThrownBy(() -> approved.take(TransferStep.TRANSFER, OFFICER, letterOnly, T0))
                .hasMessageContaining("SEIZED_ITEMS_LIST");
        assertThat(approved.take(TransferStep.TRANSFER, OFFICER, PACKAGE, T0).packageParts())
                .containsAll(PackagePart.REQUIRED);
    }

    @Test
    void aStepTheStateDoesNotAllowIsRefusedWithTheAllowedSteps() {
        TransferRefused refused = (TransferRefused) org.assertj.core.api.Assertions.catchThrowable(
                () -> reported().take(TransferStep.FILE, POLICE, NONE, T0));

        assertThat(refused.reason()).isEqualTo(TransferRefused.Reason.NOT_NOW);
        assertThat(refused.state()).isEqualTo(TransferState.REPORTED);
        assertThat(refused.allowed()).containsExactlyInAnyOrder(TransferStep.APPROVE, TransferStep.REFUSE);
    }

    @Test
    void passingOnHandsTheTurnToTheCompetentPolice() {
        Transfer transferred =
                reported().take(TransferStep.APPROVE, HEAD, NONE, T0).take(TransferStep.TRANSFER, OFFICER, PACKAGE, T0);
        Transfer passed =
                transferred.take(TransferStep.PASS_ON, POLICE, new Transfer.Details(List.of(), Set.of(), "220122"), T0);

        assertThat(passed.receivingRegion()).isEqualTo("220122");
        assertThatThrownBy(() -> passed.take(TransferStep.RECEIVE, POLICE, NONE, T0))
                .isInstanceOf(TransferRefused.class);
        assertThat(passed.take(TransferStep.RECEIVE, OTHER_POLICE, NONE, T0).state())
                .isEqualTo(TransferState.RECEIVED);
    }

    @Test
    void aNonFilingGoesThroughReconsiderationAndSupervisionToAnOrderToFile() {
        Transfer filed = received()
                .take(TransferStep.REFUSE_FILING, POLICE, reasons("证据不足"), T0)
                .take(TransferStep.REQUEST_RECONSIDERATION, OFFICER, reasons("已达标准"), T0)
                .take(TransferStep.RECONSIDER_AND_UPHOLD, POLICE, reasons("维持"), T0)
                .take(TransferStep.REQUEST_SUPERVISION, OFFICER, reasons("应立不立"), T0)
                .take(TransferStep.REQUEST_EXPLANATION, PROCURATOR, NONE, T0)
                .take(TransferStep.GIVE_EXPLANATION, POLICE, reasons("理由"), T0)
                .take(TransferStep.ORDER_FILING, PROCURATOR, NONE, T0)
                .take(TransferStep.FILE, POLICE, NONE, T0);

        assertThat(filed.state()).isEqualTo(TransferState.FILED);
        assertThat(filed.history()).hasSize(12);
        assertThat(filed.version()).isEqualTo(12);
    }

    @Test
    void afterAnExplanationTheProcuratorateNotTheSenderAcceptsTheNonFiling() {
        Transfer explained = received()
                .take(TransferStep.REFUSE_FILING, POLICE, reasons("证据不足"), T0)
                .take(TransferStep.REQUEST_SUPERVISION, OFFICER, reasons("应立不立"), T0)
                .take(TransferStep.REQUEST_EXPLANATION, PROCURATOR, NONE, T0)
                .take(TransferStep.GIVE_EXPLANATION, POLICE, reasons("理由"), T0);

        assertThatThrownBy(() -> explained.take(TransferStep.ACCEPT_NON_FILING, OFFICER, NONE, T0))
                .isInstanceOf(TransferRefused.class);
        assertThat(explained
                        .take(TransferStep.ACCEPT_NON_FILING, PROCURATOR, NONE, T0)
                        .state())
                .isEqualTo(TransferState.CLOSED_NOT_FILED);
    }

    @Test
    void reconsiderationDecisionsAnnounceWhatFollowsFromThem() {
        assertThat(TransferStep.RECONSIDER_AND_FILE.eventTypes())
                .containsExactly("cn.wildlife.transfer.reconsideration-decided.v1", "cn.wildlife.transfer.filed.v1");
        assertThat(TransferStep.RECONSIDER_AND_UPHOLD.eventTypes())
                .containsExactly(
                        "cn.wildlife.transfer.reconsideration-decided.v1",
                        "cn.wildlife.transfer.reconsideration-upheld.v1");
    }

    @Test
    void aCaseThePoliceSendBackIsTrackedUntilTheAgencyRecordsItsOutcome() {
        Transfer returned = Transfer.returnToAgency(
                "TR-220112-BBBBBBBB",
                "双公刑〔2026〕3号",
                "无犯罪事实但有行政违法",
                POLICE,
                Agency.FORESTRY,
                "220112",
                List.of("不构成犯罪，依法应予行政处罚"),
                T0);

        assertThat(returned.direction()).isEqualTo(Transfer.Direction.REVERSE);
        assertThat(returned.allowedSteps()).containsExactly(TransferStep.ACCEPT_RETURN);
        assertThatThrownBy(() -> returned.take(TransferStep.ACCEPT_RETURN, POLICE, NONE, T0))
                .isInstanceOf(TransferRefused.class);
        Transfer accepted = returned.take(TransferStep.ACCEPT_RETURN, OFFICER, NONE, T0);
        assertThatThrownBy(() -> accepted.take(TransferStep.RECORD_OUTCOME, OFFICER, NONE, T0))
                .hasMessageContaining("reasons");
        assertThat(accepted.take(TransferStep.RECORD_OUTCOME, OFFICER, reasons("罚款2000元，没收猎具"), T0)
                        .state())
                .isEqualTo(TransferState.OUTCOME_RECORDED);
    }

    @Test
    void notFilingIsNoReasonToStopTheAgencyRecordsItsOwnOutcome() {
        Transfer refused = reported().take(TransferStep.REFUSE, HEAD, reasons("情节显著轻微"), T0);

        assertThat(refused.take(TransferStep.RECORD_OUTCOME, OFFICER, reasons("警告并处罚款"), T0)
                        .state())
                .isEqualTo(TransferState.OUTCOME_RECORDED);
    }

    @Test
    void onlyThePoliceReturnCasesAndOnlyToAnAdministrativeAgency() {
        assertThatThrownBy(() ->
                        Transfer.returnToAgency("TR-1", "n", "s", OFFICER, Agency.FORESTRY, "220112", List.of("r"), T0))
                .isInstanceOf(TransferRefused.class);
        assertThatThrownBy(() -> Transfer.returnToAgency(
                        "TR-1", "n", "s", POLICE, Agency.PROCURATORATE, "220112", List.of("r"), T0))
                .isInstanceOf(TransferRefused.class);
    }
}
