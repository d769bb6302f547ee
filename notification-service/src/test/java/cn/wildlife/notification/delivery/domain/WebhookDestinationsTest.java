package cn.wildlife.notification.delivery.domain;

import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.INTERNAL_NAME;
import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.LINK_LOCAL;
import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.LOOPBACK;
import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.NON_CANONICAL;
import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.PRIVATE;
import static cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason.SPECIAL_PURPOSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.notification.delivery.domain.WebhookDestinations.Reason;
import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nothing here asks DNS: hosts are judged as written, addresses as given. */
class WebhookDestinationsTest {

    private final WebhookDestinations none = WebhookDestinations.noneAllowed();

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        // The cloud metadata service and the rest of link-local.
        "169.254.169.254,     LINK_LOCAL",
        "[fe80::1],           LINK_LOCAL",
        "127.0.0.1,           LOOPBACK",
        "127.255.255.254,     LOOPBACK",
        "[::1],               LOOPBACK",
        "localhost,           LOOPBACK",
        "LocalHost.,          LOOPBACK",
        "api.localhost,       LOOPBACK",
        "10.0.0.5,            PRIVATE",
        "172.16.0.1,          PRIVATE",
        "172.31.255.255,      PRIVATE",
        "192.168.1.1,         PRIVATE",
        "[fd00::1],           PRIVATE",
        "[fc00::1],           PRIVATE",
        "100.64.0.1,          SHARED",
        "100.127.255.255,     SHARED",
        "0.0.0.0,             UNSPECIFIED",
        "0.1.2.3,             UNSPECIFIED",
        "[::],                UNSPECIFIED",
        "224.0.0.1,           MULTICAST",
        "[ff02::1],           MULTICAST",
        "255.255.255.255,     RESERVED",
        "240.0.0.1,           RESERVED",
        "192.0.0.8,           SPECIAL_PURPOSE",
        "198.18.0.1,          SPECIAL_PURPOSE",
        "198.19.255.255,      SPECIAL_PURPOSE",
        "[2001:db8::1],       SPECIAL_PURPOSE",
        // inet_aton would read each of these as 127.0.0.1 (or 8.8.8.8): no plain form, no judgement of the number.
        "0x7f000001,          NON_CANONICAL",
        "2130706433,          NON_CANONICAL",
        "0177.0.0.1,          NON_CANONICAL",
        "127.1,               NON_CANONICAL",
        "0x7f.0.0.1,          NON_CANONICAL",
        "134744072,           NON_CANONICAL",
        // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4.
        "[::ffff:127.0.0.1],  LOOPBACK",
        "[::ffff:169.254.169.254], LINK_LOCAL",
        "[::ffff:7f00:1],     LOOPBACK",
        "[::127.0.0.1],       LOOPBACK",
        "[::10.0.0.5],        PRIVATE",
        "[64:ff9b::a00:5],    PRIVATE",
        "[2002:a00:5::1],     PRIVATE",
        // The compose stack's hosts and other names only an internal resolver answers.
        "mongo,               INTERNAL_NAME",
        "kafka,               INTERNAL_NAME",
        "printer.local,       INTERNAL_NAME",
        "db.internal,         INTERNAL_NAME",
        "nas.home.arpa,       INTERNAL_NAME",
    })
    void internalDestinationsAreRefusedAsWritten(String host, Reason reason) {
        assertThat(none.judgeHost(host)).contains(reason);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource({
        "partner.example.cn",
        "hooks.forestry.gov.cn.",
        "8.8.8.8",
        "1.1.1.1",
        "100.128.0.1",
        "172.32.0.1",
        "192.169.0.1",
        "[2400:3200::1]",
        "[::ffff:8.8.8.8]",
        "[64:ff9b::808:808]",
        "xn--fiqs8s.cn"
    })
    void theInternetIsAllowed(String host) {
        assertThat(none.judgeHost(host)).isEmpty();
    }

    @Test
    void everyResolvedAddressIsJudgedByItsBlock() {
        assertThat(none.judgeResolved("partner.example.cn", address("10.0.0.5")))
                .contains(PRIVATE);
        assertThat(none.judgeResolved("partner.example.cn", address("127.0.0.1")))
                .contains(LOOPBACK);
        assertThat(none.judgeResolved("partner.example.cn", address("203.0.113.9")))
                .contains(SPECIAL_PURPOSE);
        assertThat(none.judgeResolved("partner.example.cn", address("8.8.4.4"))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressBuiltFromBytesIsJudgedAsItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 5};
        assertThat(none.judgeAddress(Inet6Address.getByAddress(null, mapped, -1)))
                .contains(PRIVATE);
    }

    @Test
    void anAllowListedNetworkOpensItsAddressesAndNoOthers() {
        WebhookDestinations loopback = WebhookDestinations.allowing(List.of("127.0.0.0/8", "::1"));
        assertThat(loopback.judgeHost("127.0.0.1")).isEmpty();
        assertThat(loopback.judgeHost("127.3.4.5")).isEmpty();
        assertThat(loopback.judgeHost("[::1]")).isEmpty();
        assertThat(loopback.judgeHost("localhost")).as("localhost is 127.0.0.1").isEmpty();
        assertThat(loopback.judgeHost("[::ffff:127.0.0.1]")).isEmpty();
        assertThat(loopback.judgeResolved("partner.example.cn", address("127.0.0.1")))
                .isEmpty();
        assertThat(loopback.judgeHost("10.0.0.5")).contains(PRIVATE);
        assertThat(loopback.judgeHost("169.254.169.254")).contains(LINK_LOCAL);
        assertThat(loopback.judgeHost("0x7f000001"))
                .as("still no numeric tricks")
                .contains(NON_CANONICAL);

        WebhookDestinations relays = WebhookDestinations.allowing(List.of("10.20.0.0/16", "fd12:3456::/32"));
        assertThat(relays.judgeHost("10.20.255.1")).isEmpty();
        assertThat(relays.judgeHost("10.21.0.1")).contains(PRIVATE);
        assertThat(relays.judgeHost("[fd12:3456:1::9]")).isEmpty();
        assertThat(relays.judgeHost("[fd12:3457::9]")).contains(PRIVATE);
    }

    @Test
    void anAllowListedHostNameIsAllowedWhateverItResolvesTo() {
        WebhookDestinations relay = WebhookDestinations.allowing(List.of(" Relay.Agency.example ", "mongo-relay"));
        assertThat(relay.judgeHost("relay.agency.example")).isEmpty();
        assertThat(relay.judgeHost("RELAY.AGENCY.EXAMPLE.")).isEmpty();
        assertThat(relay.judgeHost("mongo-relay")).isEmpty();
        assertThat(relay.judgeResolved("relay.agency.example", address("10.1.2.3")))
                .isEmpty();
        assertThat(relay.judgeResolved("other.agency.example", address("10.1.2.3")))
                .contains(PRIVATE);
        assertThat(relay.judgeHost("mongo")).contains(INTERNAL_NAME);
    }

    @Test
    void aMalformedAllowListEntryIsRefusedAtStartUp() {
        for (String bad : List.of(
                "10.0.0.0/33",
                "10.0.0.5/8",
                "10.0.0.0/",
                "0x7f000001",
                "127.1",
                "bad host",
                "fe80::/129",
                "10.0.0.0/8x")) {
            assertThatThrownBy(() -> WebhookDestinations.allowing(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBlockHoldsExactlyItsPrefix() {
        NetworkBlock block = NetworkBlock.parse("100.64.0.0/10");
        assertThat(block.contains(address("100.64.0.0"))).isTrue();
        assertThat(block.contains(address("100.127.255.255"))).isTrue();
        assertThat(block.contains(address("100.128.0.0"))).isFalse();
        assertThat(block.contains(address("100.63.255.255"))).isFalse();
        assertThat(block.contains(address("::ffff:100.64.0.1")))
                .as("Java holds it as IPv4")
                .isTrue();
        assertThat(NetworkBlock.parse("fe80::/10").contains(address("febf::1"))).isTrue();
        assertThat(NetworkBlock.parse("fe80::/10").contains(address("fec0::1"))).isFalse();
        assertThat(NetworkBlock.parse("0.0.0.0/0").contains(address("::1")))
                .as("not across families")
                .isFalse();
        assertThat(NetworkBlock.parse("192.0.2.7")).hasToString("192.0.2.7/32");
    }

    private static InetAddress address(String literal) {
        return InetAddresses.forString(literal);
    }
}
