package cn.wildlife.notification.delivery.domain;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a webhook may send: the internet, and an internal address only where an administrator allow-listed its host
 * name or network. Whoever registers a webhook reads its delivery log (status, error, the start of the answer), so a
 * webhook that could reach this machine, the cloud metadata service or the platform's own Kafka and MongoDB would be
 * a port scanner for anyone allowed to register one.
 *
 * <p>A URL's host is judged as written, at registration and again before each delivery ({@link #judgeHost}); then
 * every address it resolves to is judged ({@link #judgeResolved}) before anything connects. The blocks follow the
 * IANA IPv4 and IPv6 special-purpose address registries.
 */
public final class WebhookDestinations {

    /** Why a destination is refused; each is a kind of address or name that is not a partner system's. */
    public enum Reason {
        LOOPBACK,
        PRIVATE,
        LINK_LOCAL,
        SHARED,
        UNSPECIFIED,
        MULTICAST,
        RESERVED,
        SPECIAL_PURPOSE,
        /** An IP address in a form other than four plain decimal numbers or an IPv6 literal ("0x7f000001"). */
        NON_CANONICAL,
        /** A name only an internal resolver answers: no dot ("mongo"), or an internal-use domain (".local"). */
        INTERNAL_NAME
    }

    private record Refused(NetworkBlock block, Reason reason) {}

    private static final List<Refused> REFUSED = List.of(
            refused("0.0.0.0/8", Reason.UNSPECIFIED),
            refused("10.0.0.0/8", Reason.PRIVATE),
            refused("100.64.0.0/10", Reason.SHARED),
            refused("127.0.0.0/8", Reason.LOOPBACK),
            refused("169.254.0.0/16", Reason.LINK_LOCAL),
            refused("172.16.0.0/12", Reason.PRIVATE),
            refused("192.0.0.0/24", Reason.SPECIAL_PURPOSE),
            refused("192.0.2.0/24", Reason.SPECIAL_PURPOSE),
            refused("192.88.99.0/24", Reason.SPECIAL_PURPOSE),
            refused("192.168.0.0/16", Reason.PRIVATE),
            refused("198.18.0.0/15", Reason.SPECIAL_PURPOSE),
            refused("198.51.100.0/24", Reason.SPECIAL_PURPOSE),
            refused("203.0.113.0/24", Reason.SPECIAL_PURPOSE),
            refused("224.0.0.0/4", Reason.MULTICAST),
            // Includes the limited broadcast address 255.255.255.255.
            refused("240.0.0.0/4", Reason.RESERVED),
            refused("::/128", Reason.UNSPECIFIED),
            refused("::1/128", Reason.LOOPBACK),
            refused("64:ff9b:1::/48", Reason.PRIVATE),
            refused("100::/64", Reason.SPECIAL_PURPOSE),
            refused("2001:db8::/32", Reason.SPECIAL_PURPOSE),
            refused("fc00::/7", Reason.PRIVATE),
            refused("fe80::/10", Reason.LINK_LOCAL),
            // Site-local: deprecated, but still routed inside some networks.
            refused("fec0::/10", Reason.PRIVATE),
            refused("ff00::/8", Reason.MULTICAST));

    /** NAT64's well-known prefix: the last 32 bits are the IPv4 host the gateway connects to. */
    private static final NetworkBlock NAT64 = NetworkBlock.parse("64:ff9b::/96");

    /** What inet_aton reads as a number: a last label of digits or 0x-hex is an IPv4 address, never a domain. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?" + "(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    /** Special-use domains that no public resolver answers (RFC 6761, 6762, 8375, and ICANN's .internal). */
    private static final List<String> INTERNAL_DOMAINS = List.of(".local", ".internal", ".home.arpa", ".localdomain");

    private static final InetAddress IPV4_LOOPBACK = InetAddresses.forString("127.0.0.1");

    private final Set<String> allowedHosts;
    private final List<NetworkBlock> allowedNetworks;

    private WebhookDestinations(Set<String> allowedHosts, List<NetworkBlock> allowedNetworks) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedNetworks = List.copyOf(allowedNetworks);
    }

    /**
     * Internal destinations allowed by an administrator: host names ({@code relay.agency.example}) and IP addresses
     * or CIDR blocks ({@code 127.0.0.0/8}, {@code ::1}, {@code 10.20.0.0/16}).
     *
     * @throws IllegalArgumentException for an entry that is neither
     */
    public static WebhookDestinations allowing(Collection<String> entries) {
        Set<String> hosts = new HashSet<>();
        List<NetworkBlock> networks = new ArrayList<>();
        for (String entry : entries) {
            String name = unbracketed(normalise(entry.strip()));
            if (name.contains("/") || InetAddresses.isInetAddress(name)) {
                networks.add(NetworkBlock.parse(name));
            } else if (HOST_NAME.matcher(name).matches()
                    && !NUMERIC_LABEL.matcher(lastLabel(name)).matches()) {
                hosts.add(name);
            } else {
                throw new IllegalArgumentException(
                        "'" + entry + "' is neither a host name nor an IP address or " + "CIDR block");
            }
        }
        return new WebhookDestinations(hosts, networks);
    }

    public static WebhookDestinations noneAllowed() {
        return allowing(List.of());
    }

    /**
     * The host of a URL as written ({@code partner.example.cn}, {@code 10.0.0.5}, {@code [fd00::1]}), without asking
     * DNS: IP literals by their block, numeric tricks and internal names outright.
     */
    public Optional<Reason> judgeHost(String host) {
        String name = normalise(host);
        if (allowedHosts.contains(name)) {
            return Optional.empty();
        }
        String literal = unbracketed(name);
        if (InetAddresses.isInetAddress(literal)) {
            return judgeAddress(InetAddresses.forString(literal));
        }
        if (name.isEmpty()
                || name.startsWith("[")
                || name.contains(":")
                || NUMERIC_LABEL.matcher(lastLabel(name)).matches()) {
            // An IPv6 literal Guava does not read (with a zone, say) or an IPv4 address spelt for inet_aton.
            return Optional.of(Reason.NON_CANONICAL);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            // RFC 6761: always this machine, whatever a resolver says.
            return judgeAddress(IPV4_LOOPBACK);
        }
        if (!name.contains(".") || INTERNAL_DOMAINS.stream().anyMatch(name::endsWith)) {
            return Optional.of(Reason.INTERNAL_NAME);
        }
        return Optional.empty();
    }

    /** One address that {@code host} resolved to; any address of an allow-listed host name is allowed. */
    public Optional<Reason> judgeResolved(String host, InetAddress address) {
        return allowedHosts.contains(normalise(host)) ? Optional.empty() : judgeAddress(address);
    }

    /** An address by its block; an IPv4 address carried inside an IPv6 one is judged as itself. */
    public Optional<Reason> judgeAddress(InetAddress address) {
        if (allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        for (Refused refused : REFUSED) {
            if (refused.block().contains(address)) {
                return Optional.of(refused.reason());
            }
        }
        if (address instanceof Inet6Address v6) {
            Optional<InetAddress> embedded = embeddedIPv4(v6);
            if (embedded.isPresent()) {
                return judgeAddress(embedded.get());
            }
        }
        return Optional.empty();
    }

    /**
     * IPv4-mapped, NAT64, IPv4-compatible, 6to4 and Teredo addresses all lead to an IPv4 host. (Java turns a mapped
     * address it parses or resolves into an IPv4 one; one built from bytes may still be IPv6.)
     */
    private static Optional<InetAddress> embeddedIPv4(Inet6Address address) {
        byte[] bytes = address.getAddress();
        if (NAT64.contains(address) || address.isIPv4CompatibleAddress() || isMapped(bytes)) {
            return Optional.of(
                    InetAddresses.fromInteger(ByteBuffer.wrap(bytes, 12, 4).getInt()));
        }
        if (InetAddresses.hasEmbeddedIPv4ClientAddress(address)) {
            return Optional.of(InetAddresses.getEmbeddedIPv4ClientAddress(address));
        }
        return Optional.empty();
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    private static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String lastLabel(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Refused refused(String block, Reason reason) {
        return new Refused(NetworkBlock.parse(block), reason);
    }
}
