package cn.wildlife.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.gateway.administrator.Administrator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class AdministratorTest {

    private static Jwt token(String... roles) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("someone")
                .claim("agency", "FORESTRY")
                .claim("region", "220000")
                .claim("roles", List.of(roles))
                .build();
    }

    @Test
    void oneAdministratorsRoleActsAndTwoActAsNone() {
        assertThat(Administrator.of(token("SYSTEM_ADMIN", "OFFICER")).actsAs(Administrator.SYSTEM_ADMIN))
                .isTrue();
        Administrator both = Administrator.of(token("SYSTEM_ADMIN", "AUDIT_ADMIN"));
        assertThat(both.combinesRoles()).isTrue();
        assertThat(both.actsAs(Administrator.SYSTEM_ADMIN)).isFalse();
        assertThat(both.actsAs(Administrator.AUDIT_ADMIN)).isFalse();
        assertThat(both.administratorRoles()).containsExactly("AUDIT_ADMIN", "SYSTEM_ADMIN");
    }

    @Test
    void aTokenCombiningAdministratorsRolesGetsNoneOfThemAsAnAuthority() {
        assertThat(authorities(token("SYSTEM_ADMIN", "OFFICER"))).containsExactly("ROLE_SYSTEM_ADMIN", "ROLE_OFFICER");
        assertThat(authorities(token("SYSTEM_ADMIN", "SECURITY_ADMIN", "OFFICER")))
                .containsExactly("ROLE_OFFICER");
    }

    @Test
    void withoutATokenNobodyActs() {
        Administrator nobody = Administrator.of(null);
        assertThat(nobody.actsAs(Administrator.SYSTEM_ADMIN)).isFalse();
        assertThat(nobody.covers("220112")).isFalse();
    }

    private static List<String> authorities(Jwt jwt) {
        return GatewaySecurityConfiguration.withRoles(jwt)
                .map(auth -> auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList())
                .block();
    }
}
