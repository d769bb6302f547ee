package cn.wildlife.caseservice.link;

import cn.wildlife.events.link.Identifier;
import cn.wildlife.support.crypto.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How identifiers are compared and shown. Agencies write the same phone as 136-0431-0000 or +86 13604310000 and the
 * same plate as 吉A·12345 or 吉a12345: both must meet. The index keeps only a keyed blind index (HMAC-SM3 under the
 * platform's index key) of the normalised value: without the key, nobody can compute the entry of a guessed phone or
 * ID number, as anyone could with the plain SHA-256 kept before.
 */
public final class Identifiers {

    private Identifiers() {}

    public static String normalised(Identifier id) {
        String v = id.value().trim();
        return switch (id.type()) {
            case PHONE -> {
                String digits = v.replaceAll("[^0-9]", "");
                yield digits.length() > 11 && digits.startsWith("86") ? digits.substring(2) : digits;
            }
            case ID_NUMBER -> v.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            case VEHICLE_PLATE -> v.replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
            case ONLINE_SHOP -> v.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        };
    }

    /** The index key: type and the blind index of the normalised value, never the value itself. */
    public static String key(Identifier id, BlindIndex index) {
        return id.type().name() + ":" + index.of("identifier." + id.type().name(), normalised(id));
    }

    /** Enough for an officer to recognise it, not enough to use it. */
    public static String masked(Identifier id) {
        String v = normalised(id);
        return switch (id.type()) {
            case PHONE -> v.length() >= 7 ? v.substring(0, 3) + "****" + v.substring(v.length() - 4) : "****";
            case ID_NUMBER ->
                v.length() >= 8 ? v.substring(0, 3) + "***********" + v.substring(v.length() - 4) : "****";
            case VEHICLE_PLATE -> v.length() >= 4 ? v.substring(0, 2) + "***" + v.substring(v.length() - 2) : "***";
            case ONLINE_SHOP ->
                (v.codePointCount(0, v.length()) > 2 ? v.substring(0, v.offsetByCodePoints(0, 2)) : "") + "***";
        };
    }

    public static boolean valid(Identifier id) {
        String v = normalised(id);
        return switch (id.type()) {
            case PHONE -> v.matches("^[0-9]{5,15}$");
            case ID_NUMBER -> v.matches("^[0-9A-Z]{8,30}$");
            case VEHICLE_PLATE -> v.length() >= 5 && v.length() <= 12;
            case ONLINE_SHOP -> v.length() >= 2 && v.length() <= 200;
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
