package cn.wildlife.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void anOverdueClockIsToldToTheResponsibleOffice() {
        assertThat(DeadlineAlerting.recipients(
                        "OVERDUE",
                        Agency.FORESTRY,
                        "220112",
                        List.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE")))
                .containsExactly("FORESTRY@220112");
    }

    @Test
    void anEscalationGoesToTheHeadTheSuperiorRegionAndTheSupervisionOffice() {
        assertThat(DeadlineAlerting.recipients(
                        "ESCALATED",
                        Agency.FORESTRY,
                        "220112",
                        List.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE")))
                .containsExactly(
                        "FORESTRY@220112",
                        "FORESTRY@220112/AGENCY_HEAD",
                        "FORESTRY@220100",
                        "SUPERVISION_OFFICE@220000");
    }

    @Test
    void aMissedPoliceFilingClockAlsoReachesTheProcuratorate() {
        assertThat(DeadlineAlerting.recipients(
                        "ESCALATED",
                        Agency.PUBLIC_SECURITY,
                        "220112",
                        List.of("AGENCY_HEAD", "SUPERIOR_REGION", "PROCURATORATE")))
                .contains("PROCURATORATE@220112", "PUBLIC_SECURITY@220100");
    }

    @Test
    void anOperationsMissedReportIsToldToItsLeadOfficeAndTheSupervisionOfficeAsSoonAsItIsOverdue() {
        List<String> watchers = List.of("FORESTRY@210000", "SUPERVISION_OFFICE@210000");

        assertThat(DeadlineAlerting.recipients("APPROACHING", Agency.FORESTRY, "210100", List.of(), watchers))
                .containsExactly("FORESTRY@210100");
        assertThat(DeadlineAlerting.recipients("OVERDUE", Agency.FORESTRY, "210100", List.of(), watchers))
                .containsExactly("FORESTRY@210100", "FORESTRY@210000", "SUPERVISION_OFFICE@210000");
        assertThat(DeadlineAlerting.recipients(
                        "ESCALATED",
                        Agency.FORESTRY,
                        "210100",
                        List.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE"),
                        watchers))
                .containsExactly(
                        "FORESTRY@210100",
                        "FORESTRY@210000",
                        "SUPERVISION_OFFICE@210000",
                        "FORESTRY@210100/AGENCY_HEAD");
    }
}
