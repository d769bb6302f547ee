package cn.wildlife.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void anOverdueClockIsToldToTheResponsibleOffice() {
        assertThat(DeadlineAlerting.recipients("OVERDUE", Agency.FORESTRY, "220112",
                List.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE"))).containsExactly("FORESTRY@220112");
    }

    @Test
    void anEscalationGoesToTheHeadTheSuperiorRegionAndTheSupervisionOffice() {
        assertThat(DeadlineAlerting.recipients("ESCALATED", Agency.FORESTRY, "220112",
                List.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE"))).containsExactly(
                "FORESTRY@220112", "FORESTRY@220112/AGENCY_HEAD", "FORESTRY@220100", "SUPERVISION_OFFICE@220000");
    }

    @Test
    void aMissedPoliceFilingClockAlsoReachesTheProcuratorate() {
        assertThat(DeadlineAlerting.recipients("ESCALATED", Agency.PUBLIC_SECURITY, "220112",
                List.of("AGENCY_HEAD", "SUPERIOR_REGION", "PROCURATORATE")))
                .contains("PROCURATORATE@220112", "PUBLIC_SECURITY@220100");
    }
}
