package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.support.PlatformProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class ServiceSecurityConfigurationTest {

    @Test
    void aServiceWithoutAnIdentityProviderRefusesToStartWithOneClearMessage() {
        // What platform-service-defaults.yml binds when PLATFORM_TOKEN_ISSUER and the rest are not set.
        List<PlatformProperties.TrustedIssuer> unset =
                List.of(new PlatformProperties.TrustedIssuer("", ""), new PlatformProperties.TrustedIssuer(null, null));

        assertThatThrownBy(() -> ServiceSecurityConfiguration.issuers(unset, "wildlife-platform"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No identity provider is configured: set PLATFORM_TOKEN_ISSUER");
        assertThatThrownBy(() -> ServiceSecurityConfiguration.issuers(List.of(), "wildlife-platform"))
                .hasMessageStartingWith("No identity provider is configured");
    }

    @Test
    void anIdentityProviderThatIsConfiguredIsAccepted() {
        assertThat(ServiceSecurityConfiguration.issuers(
                        List.of(new PlatformProperties.TrustedIssuer(
                                "https://idp.example/realms/wildlife",
                                "https://idp.example/realms/wildlife/protocol/openid-connect/certs")),
                        "wildlife-platform"))
                .isNotNull();
    }

    @Test
    void aTokenCombiningAdministratorsRolesGetsNoneOfThemAsAnAuthority() {
        assertThat(authorities("SYSTEM_ADMIN", "OFFICER")).containsExactly("ROLE_SYSTEM_ADMIN", "ROLE_OFFICER");
        assertThat(authorities("SYSTEM_ADMIN", "AUDIT_ADMIN", "OFFICER")).containsExactly("ROLE_OFFICER");
        assertThat(authorities("SECURITY_ADMIN", "AUDIT_ADMIN")).isEmpty();
    }

    private static List<String> authorities(String... roles) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("someone")
                .claim("roles", List.of(roles))
                .build();
        return ServiceSecurityConfiguration.withRoles(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
