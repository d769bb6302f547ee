package cn.wildlife.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The header values the gateway lets through without the firewall's own check are ones that check allows. */
class GatewayFirewallTest {

    @Test
    void aValuePassedAtOnceIsOneTheFirewallAllows() {
        Predicate<String> own = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;
        Predicate<String> fast = GatewaySecurityConfiguration.headerValues();
        for (char c = 0; c < 0x100; c++) {
            String value = "Bearer x" + c;
            assertThat(fast.test(value)).as("char %d", (int) c).isEqualTo(own.test(value));
        }
        assertThat(fast.test(null)).isEqualTo(own.test(null));
        assertThat(fast.test("森林公安")).isEqualTo(own.test("森林公安"));
        assertThat(GatewaySecurityConfiguration.isPrintableAscii("a\tb")).isTrue();
        assertThat(GatewaySecurityConfiguration.isPrintableAscii("a\u0000b")).isFalse();
        assertThat(GatewaySecurityConfiguration.isPrintableAscii("森林公安")).isFalse();
    }
}
