package cn.wildlife.notification.delivery.domain;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;

/**
 * A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a single address is a block of its own. Addresses of
 * the other family are never inside it (an IPv4-mapped IPv6 address is an IPv4 address by the time Java holds it).
 */
public record NetworkBlock(InetAddress network, int prefixLength) {

    public NetworkBlock {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits + " for "
                    + InetAddresses.toAddrString(network));
        }
        // "10.0.0.5/8" is a typo for one address or for 10.0.0.0/8: say so rather than guess which.
        byte[] bytes = network.getAddress();
        for (int bit = prefixLength; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException(InetAddresses.toAddrString(network) + "/" + prefixLength
                        + " has bits set after the prefix: write the network's first address");
            }
        }
    }

    /**
     * {@code 10.0.0.0/8}, {@code fd00::/8}, or one address ({@code 192.0.2.7}, {@code ::1}). Only plain literals
     * are read (Guava's reading, which never asks DNS and takes no octal or hexadecimal forms).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static NetworkBlock parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!InetAddresses.isInetAddress(address)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        InetAddress network = InetAddresses.forString(address);
        if (slash < 0) {
            return new NetworkBlock(network, network.getAddress().length * 8);
        }
        String length = trimmed.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after the /");
        }
        return new NetworkBlock(network, Integer.parseInt(length));
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(network) + "/" + prefixLength;
    }
}
