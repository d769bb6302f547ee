package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 三员分立 as {@link Access} applies it: one administrator's role per token, each within its agency and region. */
class AdministratorDutiesTest {

    private static Caller caller(Agency agency, String region, Role... roles) {
        return new Caller("someone", "某人", agency, new RegionCode(region), Set.of(roles));
    }

    private static String refusal(Caller caller, Role duty) {
        return Access.administratorRefusal(caller, duty)
                .map(AccessDeniedProblem::code)
                .orElse("allowed");
    }

    private static String refusal(Caller caller, Role duty, Agency agency, String region) {
        return Access.administratorRefusal(caller, duty, agency, region)
                .map(AccessDeniedProblem::code)
                .orElse("allowed");
    }

    @Test
    void eachAdministratorDoesTheirOwnDutyOnly() {
        Caller system = caller(Agency.FORESTRY, "220000", Role.SYSTEM_ADMIN);
        Caller security = caller(Agency.FORESTRY, "220000", Role.SECURITY_ADMIN);
        Caller audit = caller(Agency.FORESTRY, "220000", Role.AUDIT_ADMIN);

        assertThat(refusal(system, Role.SYSTEM_ADMIN)).isEqualTo("allowed");
        assertThat(refusal(system, Role.AUDIT_ADMIN)).isEqualTo("missing-role");
        assertThat(refusal(security, Role.SECURITY_ADMIN)).isEqualTo("allowed");
        assertThat(refusal(security, Role.AUDIT_ADMIN)).isEqualTo("missing-role");
        assertThat(refusal(audit, Role.AUDIT_ADMIN)).isEqualTo("allowed");
        assertThat(refusal(audit, Role.SYSTEM_ADMIN)).isEqualTo("missing-role");
        assertThat(refusal(audit, Role.SECURITY_ADMIN)).isEqualTo("missing-role");
    }

    @Test
    void aTokenHoldingTwoAdministratorsRolesIsRefusedWhicheverDutyItAsksFor() {
        Caller both = caller(Agency.FORESTRY, "220000", Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN);
        Caller all = caller(Agency.FORESTRY, "220000", Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

        for (Role duty : Role.ADMINISTRATORS) {
            assertThat(refusal(both, duty)).isEqualTo("administrator-roles-combined");
            assertThat(refusal(all, duty)).isEqualTo("administrator-roles-combined");
            assertThat(refusal(both, duty, Agency.FORESTRY, "220112")).isEqualTo("administrator-roles-combined");
        }
        assertThat(Access.administratorRefusal(both, Role.AUDIT_ADMIN).orElseThrow())
                .hasMessageContaining("SYSTEM_ADMIN")
                .hasMessageContaining("AUDIT_ADMIN")
                .hasMessageContaining("三员分立");
    }

    @Test
    void anOfficersRoleBesideOneAdministratorsRoleIsNoConflict() {
        Caller officerAndAdmin = caller(Agency.FORESTRY, "220000", Role.OFFICER, Role.SYSTEM_ADMIN);

        assertThat(refusal(officerAndAdmin, Role.SYSTEM_ADMIN)).isEqualTo("allowed");
    }

    @Test
    void aSystemAdministratorActsForTheirOwnAgencyWithinTheirRegionsSubtree() {
        Caller county = caller(Agency.FORESTRY, "220112", Role.SYSTEM_ADMIN);
        Caller province = caller(Agency.FORESTRY, "220000", Role.SYSTEM_ADMIN);

        assertThat(refusal(county, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220112"))
                .isEqualTo("allowed");
        assertThat(refusal(province, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220112"))
                .isEqualTo("allowed");
        assertThat(refusal(county, Role.SYSTEM_ADMIN, Agency.PUBLIC_SECURITY, "220112"))
                .as("another agency")
                .isEqualTo("other-agency");
        assertThat(refusal(county, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220122"))
                .as("a sibling county")
                .isEqualTo("region-outside-jurisdiction");
        assertThat(refusal(county, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220100"))
                .as("the county's own city")
                .isEqualTo("region-outside-jurisdiction");
        assertThat(Access.administers(province, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220122"))
                .isTrue();
        assertThat(Access.administers(county, Role.SYSTEM_ADMIN, Agency.FORESTRY, "220122"))
                .isFalse();
    }

    @Test
    void onlyTheThreeAdministratorsRolesAreDuties() {
        assertThatThrownBy(() -> Access.administratorRefusal(caller(Agency.FORESTRY, "220000"), Role.OFFICER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noAdministratorReadsRecords() {
        for (Role administrator : Role.ADMINISTRATORS) {
            assertThat(Role.READERS).doesNotContain(administrator);
        }
    }
}
