package cn.wildlife.notification.delivery.domain;

/** Addresses as they may appear in logs: enough to tell two apart, never the whole address. */
public final class Masking {

    private Masking() {}

    /** {@code zhang.san@example.cn} → {@code z***@example.cn}. */
    public static String email(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String number) {
        if (number == null || number.length() < 7) {
            return "***";
        }
        return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
    }
}
