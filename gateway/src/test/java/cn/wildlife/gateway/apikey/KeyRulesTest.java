package cn.wildlife.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.gateway.administrator.Administrator;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 三员分立 for API keys: a key's scope never exceeds its issuer's; its scope is narrowed, never widened. */
class KeyRulesTest {

    private static Administrator admin(String agency, String region, String... roles) {
        return new Administrator("someone", agency, region, Set.of(roles));
    }

    private static ApiKey key(String agency, String region, ApiKey.Operation... operations) {
        return new ApiKey(
                "0123456789abcdef",
                "系统",
                agency,
                region,
                EnumSet.copyOf(List.of(operations)),
                "hash",
                Instant.EPOCH,
                "someone",
                null,
                null);
    }

    private static List<String> fields(List<KeyRules.Refusal> refusals) {
        return refusals.stream().map(KeyRules.Refusal::field).toList();
    }

    @Test
    void aCountySystemAdministratorIssuesKeysForTheirAgencyAndCountyOnly() {
        Administrator county = admin("FORESTRY", "220112", Administrator.SYSTEM_ADMIN);

        assertThat(KeyRules.issuing(county, "FORESTRY", "220112")).isEmpty();
        assertThat(fields(KeyRules.issuing(county, "PUBLIC_SECURITY", "220112")))
                .containsExactly("agency");
        assertThat(fields(KeyRules.issuing(county, "FORESTRY", "220122")))
                .as("a sibling county")
                .containsExactly("region");
        assertThat(fields(KeyRules.issuing(county, "FORESTRY", "220100")))
                .as("the county's city")
                .containsExactly("region");
        assertThat(fields(KeyRules.issuing(county, "MARKET_SUPERVISION", "220000")))
                .containsExactly("agency", "region");
        assertThat(KeyRules.issuing(county, "PUBLIC_SECURITY", "220112").get(0).code())
                .isEqualTo("api-key-outside-issuer-scope");
    }

    @Test
    void aProvincialSystemAdministratorIssuesForAnyRegionOfTheProvince() {
        Administrator province = admin("FORESTRY", "220000", Administrator.SYSTEM_ADMIN);

        assertThat(KeyRules.issuing(province, "FORESTRY", "220122")).isEmpty();
        assertThat(fields(KeyRules.issuing(province, "FORESTRY", "210100"))).containsExactly("region");
    }

    @Test
    void neitherTheSecurityNorTheAuditAdministratorIssuesKeys() {
        for (String role : List.of(Administrator.SECURITY_ADMIN, Administrator.AUDIT_ADMIN, "OFFICER")) {
            List<KeyRules.Refusal> refused = KeyRules.issuing(admin("FORESTRY", "220000", role), "FORESTRY", "220000");
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("missing-role");
                assertThat(r.field()).isNull();
            });
        }
    }

    @Test
    void aTokenCombiningAdministratorsRolesIsRefusedEverything() {
        Administrator both = admin("FORESTRY", "220000", Administrator.SYSTEM_ADMIN, Administrator.SECURITY_ADMIN);

        assertThat(KeyRules.issuing(both, "FORESTRY", "220000"))
                .singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("administrator-roles-combined"));
        assertThat(KeyRules.changing(both))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("administrator-roles-combined"));
        assertThat(KeyRules.listing(both))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("administrator-roles-combined"));
        assertThat(KeyRules.sees(both, key("FORESTRY", "220112", ApiKey.Operation.READ)))
                .isFalse();
    }

    @Test
    void theSecurityAdministratorSeesAndChangesEveryAgencysKeysWithinTheirRegion() {
        Administrator security = admin("FORESTRY", "220100", Administrator.SECURITY_ADMIN);

        assertThat(KeyRules.changing(security)).isEmpty();
        assertThat(KeyRules.listing(security)).isEmpty();
        assertThat(KeyRules.sees(security, key("PUBLIC_SECURITY", "220112", ApiKey.Operation.READ)))
                .isTrue();
        assertThat(KeyRules.sees(security, key("FORESTRY", "220200", ApiKey.Operation.READ)))
                .as("another city")
                .isFalse();
        assertThat(KeyRules.changing(admin("FORESTRY", "220100", Administrator.SYSTEM_ADMIN)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("missing-role"));
    }

    @Test
    void theSystemAdministratorSeesTheirAgencysKeysWithinTheirRegion() {
        Administrator system = admin("FORESTRY", "220100", Administrator.SYSTEM_ADMIN);

        assertThat(KeyRules.listing(system)).isEmpty();
        assertThat(KeyRules.sees(system, key("FORESTRY", "220112", ApiKey.Operation.READ)))
                .isTrue();
        assertThat(KeyRules.sees(system, key("PUBLIC_SECURITY", "220112", ApiKey.Operation.READ)))
                .isFalse();
        assertThat(KeyRules.listing(admin("FORESTRY", "220100", Administrator.AUDIT_ADMIN)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("missing-role"));
    }

    @Test
    void aKeysScopeIsNarrowedNeverWidened() {
        ApiKey city = key("FORESTRY", "220100", ApiKey.Operation.READ);

        assertThat(KeyRules.narrowing(city, EnumSet.of(ApiKey.Operation.READ), "220112"))
                .isEmpty();
        assertThat(fields(
                        KeyRules.narrowing(city, EnumSet.of(ApiKey.Operation.READ, ApiKey.Operation.WRITE), "220100")))
                .containsExactly("operations");
        assertThat(fields(KeyRules.narrowing(city, EnumSet.of(ApiKey.Operation.READ), "220000")))
                .containsExactly("region");
        assertThat(KeyRules.narrowing(city, EnumSet.of(ApiKey.Operation.WRITE), "220200"))
                .extracting(KeyRules.Refusal::code)
                .containsOnly("api-key-scope-widened");
    }
}
