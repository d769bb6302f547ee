package cn.wildlife.local.devtoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevIssuerConfigurationTest {

    private final DevIssuerProperties properties = new DevIssuerProperties(
            true, "http://localhost:8080/auth/dev", null, Duration.ofHours(1), "wildlife-platform");

    @Test
    void theDevelopmentIssuerRefusesToStartOutsideTheLocalProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> new DevIssuerConfiguration().devTokenIssuer(properties, production))
                .hasMessageContaining("runs only in the 'local' profile");
    }

    @Test
    void itMintsAccessTokensForThePlatformsAudience() throws Exception {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles(DevIssuerConfiguration.LOCAL_PROFILE);
        DevTokenIssuer issuer = new DevIssuerConfiguration().devTokenIssuer(properties, local);

        SignedJWT token = SignedJWT.parse(
                issuer.issue(new DevUser("forestry-officer", "林草执法员", "FORESTRY", "220112", List.of("OFFICER"), "test"))
                        .accessToken());

        assertThat(token.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("wildlife-platform");
    }

    @Test
    void everySampleAdministratorHoldsOneOfTheThreeRolesOnly() {
        List<String> administrators = List.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN");
        List<DevUser> users = new DevIssuerConfiguration().devUsers();

        assertThat(users)
                .allSatisfy(u -> assertThat(u.roles())
                        .filteredOn(administrators::contains)
                        .hasSizeLessThanOrEqualTo(1));
        assertThat(users.stream().filter(u -> u.roles().contains("SYSTEM_ADMIN")))
                .extracting(DevUser::id)
                .containsExactly("system-admin", "market-system-admin");
        assertThat(users.stream().filter(u -> u.roles().contains("SECURITY_ADMIN")))
                .extracting(DevUser::id)
                .containsExactly("security-admin");
        assertThat(users.stream().filter(u -> u.roles().contains("AUDIT_ADMIN")))
                .extracting(DevUser::id)
                .containsExactly("audit-admin");
        assertThat(users).flatExtracting(DevUser::roles).doesNotContain("ADMIN");
    }
}
