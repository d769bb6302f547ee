package cn.wildlife.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSignInPropertiesTest {

    static final String KEYCLOAK = "http://localhost:8180/realms/wildlife";

    @Test
    void theConsoleSignsInAtTheIssuerTheGatewayTrustsUnlessAnotherIsNamed() {
        var byDefault = new ConsoleSignInProperties(true, null, "wildlife-console", "openid");
        assertThat(byDefault.issuerOr(KEYCLOAK)).contains(KEYCLOAK);
        var named = new ConsoleSignInProperties(true, "https://sso.lcj.jl.gov.cn/realms/wildlife", "c", "openid");
        assertThat(named.issuerOr(KEYCLOAK)).contains("https://sso.lcj.jl.gov.cn/realms/wildlife");
    }

    @Test
    void noProviderWhenSwitchedOffOrNoneIsKnown() {
        assertThat(new ConsoleSignInProperties(false, KEYCLOAK, "c", "openid").issuerOr(KEYCLOAK))
                .isEqualTo(Optional.empty());
        assertThat(new ConsoleSignInProperties(true, " ", "c", "openid").issuerOr(null))
                .isEqualTo(Optional.empty());
    }

    @Test
    void thePagesMayConnectToTheIssuersOriginOnly() {
        assertThat(ConsoleSignInProperties.originOf(KEYCLOAK)).isEqualTo("http://localhost:8180");
        assertThat(ConsoleSignInProperties.originOf("https://sso.example.cn/realms/w"))
                .isEqualTo("https://sso.example.cn");
        assertThatThrownBy(() -> ConsoleSignInProperties.originOf("realms/wildlife"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an absolute URL");
    }
}
