package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees the oversight dashboard's counts, and of what: deny by default. */
class OversightScopeTest {

    /** The scope is decided without writing to the audit, so no audit log is needed here. */
    private final Access access = new Access(null);

    private static Caller caller(Agency agency, String region, Role... roles) {
        return new Caller("someone", "某人", agency, new RegionCode(region), Set.of(roles));
    }

    private String refusal(Caller caller, String region) {
        try {
            access.oversightScope(caller, region);
            return "allowed";
        } catch (AccessDeniedProblem denied) {
            return denied.code();
        }
    }

    @Test
    void theOversightAgenciesSeeEveryAgencyOfTheAskedRegionInTheirOwn() {
        Caller procurator = caller(Agency.PROCURATORATE, "220100", Role.OFFICER);
        assertThat(access.oversightScope(procurator, "220112")).isEqualTo(new Access.Scope(null, "220112"));
        assertThat(access.oversightScope(procurator, null)).isEqualTo(new Access.Scope(null, "2201"));
        Caller supervisor = caller(Agency.SUPERVISION_OFFICE, "220000", Role.OFFICER);
        assertThat(access.oversightScope(supervisor, "220100")).isEqualTo(new Access.Scope(null, "2201"));
    }

    @Test
    void anAgencyHeadSeesTheirOwnAgencyOnly() {
        Caller head = caller(Agency.FORESTRY, "220100", Role.OFFICER, Role.AGENCY_HEAD);
        assertThat(access.oversightScope(head, "220112")).isEqualTo(new Access.Scope(Agency.FORESTRY, "220112"));
    }

    @Test
    void officersAdministratorsAndOtherRegionsAreRefused() {
        assertThat(refusal(caller(Agency.FORESTRY, "220112", Role.OFFICER, Role.HANDLER), null))
                .isEqualTo("missing-role");
        assertThat(refusal(caller(Agency.PROCURATORATE, "220100", Role.AUDIT_ADMIN), null))
                .isEqualTo("missing-role");
        assertThat(refusal(caller(Agency.PROCURATORATE, "220100", Role.OFFICER), "220000"))
                .isEqualTo("region-outside-jurisdiction");
        assertThat(refusal(caller(Agency.SUPERVISION_OFFICE, "220000", Role.OFFICER), "210100"))
                .isEqualTo("region-outside-jurisdiction");
        assertThatThrownBy(() -> access.oversightScope(caller(Agency.FORESTRY, "220100", Role.AGENCY_HEAD), "220212"))
                .isInstanceOf(AccessDeniedProblem.class);
    }
}
