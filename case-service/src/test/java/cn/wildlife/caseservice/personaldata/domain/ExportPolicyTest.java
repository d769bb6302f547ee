package cn.wildlife.caseservice.personaldata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.support.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportPolicyTest {

    @Test
    void theAgencyHeadMayExport() {
        assertThat(ExportPolicy.refusal(Set.of(Role.OFFICER, Role.AGENCY_HEAD))).isEmpty();
        assertThat(ExportPolicy.refusal(Set.of(Role.AGENCY_HEAD, Role.HANDLER))).isEmpty();
    }

    @Test
    void everyoneElseIsRefusedByDefault() {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.AGENCY_HEAD))) {
            assertThat(ExportPolicy.refusal(Set.of(role))).as(role.name()).isPresent();
        }
        assertThat(ExportPolicy.refusal(Set.of())).contains(ExportPolicy.Refusal.NOT_AGENCY_HEAD);
        assertThat(ExportPolicy.refusal(Set.of(Role.OFFICER, Role.HANDLER)))
                .contains(ExportPolicy.Refusal.NOT_AGENCY_HEAD);
    }

    @Test
    void anAdministratorIsRefusedEvenWhenTheTokenAlsoNamesTheAgencyHead() {
        for (Role administrator : Role.ADMINISTRATORS) {
            assertThat(ExportPolicy.refusal(Set.of(Role.AGENCY_HEAD, administrator)))
                    .as(administrator.name())
                    .contains(ExportPolicy.Refusal.ADMINISTRATOR);
        }
    }

    @Test
    void aPartnerSystemIsRefusedEvenWithTheAgencyHeadsRole() {
        assertThat(ExportPolicy.refusal(Set.of(Role.AGENCY_HEAD, Role.PARTNER_SYSTEM)))
                .contains(ExportPolicy.Refusal.PARTNER_SYSTEM);
    }

    @Test
    void anExportHoldsTheOwnAgencysRecordsInTheOwnRegionSubtreeOnly() {
        ExportPolicy changchunForestry = new ExportPolicy(Agency.FORESTRY, new RegionCode("220100"));

        assertThat(changchunForestry.covers(Agency.FORESTRY, "220100")).isTrue();
        assertThat(changchunForestry.covers(Agency.FORESTRY, "220112"))
                .as("a county of the city")
                .isTrue();
        assertThat(changchunForestry.covers(Agency.FORESTRY, "220200"))
                .as("another city")
                .isFalse();
        assertThat(changchunForestry.covers(Agency.FORESTRY, "220000"))
                .as("the province above")
                .isFalse();
        assertThat(changchunForestry.covers(Agency.PUBLIC_SECURITY, "220112"))
                .as("another agency, same region")
                .isFalse();
    }

    @Test
    void aProcuratorateHeadExportsOnlyItsOwnAgencysRecordsNotThoseItOversees() {
        ExportPolicy procuratorate = new ExportPolicy(Agency.PROCURATORATE, new RegionCode("220100"));

        assertThat(procuratorate.covers(Agency.FORESTRY, "220112")).isFalse();
        assertThat(procuratorate.covers(Agency.PROCURATORATE, "220112")).isTrue();
    }
}
