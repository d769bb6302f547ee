package cn.wildlife.support.security;

import java.util.function.Predicate;

/**
 * Spring Security's firewall checks every header value it hands out against a Unicode regular expression (assigned
 * characters, no control characters but tab), and a bearer token of ~800 characters is read three or four times per
 * request: a few per cent of a read's CPU in a profile. Printable ASCII and tab, which every token and almost every
 * header is, pass that rule by definition; only other values go to the firewall's own check.
 */
public final class HeaderValues {

    private HeaderValues() {}

    public static Predicate<String> printableAsciiFirst(Predicate<String> firewallsOwn) {
        // An absent header (null) is the firewall's own to judge.
        return value -> value != null && isPrintableAscii(value) || firewallsOwn.test(value);
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
