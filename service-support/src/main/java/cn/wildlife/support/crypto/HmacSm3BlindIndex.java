package cn.wildlife.support.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The blind index: HMAC-SM3 under the index key of {@code purpose}, a zero byte and the value (UTF-8). The index key
 * is its own, never a data key, so a rotation of the data keys leaves every index key as it was.
 */
public final class HmacSm3BlindIndex implements BlindIndex {

    private static final byte[] SEPARATOR = {0};

    private final byte[] key;

    public HmacSm3BlindIndex(byte[] key) {
        if (key.length < KeyMaterial.MIN_BYTES) {
            throw new IllegalArgumentException("an index key has at least " + KeyMaterial.MIN_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    @Override
    public String of(String purpose, String normalisedValue) {
        if (purpose.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a purpose has no zero character");
        }
        return HexFormat.of()
                .formatHex(HmacSm3.of(
                        key,
                        purpose.getBytes(StandardCharsets.UTF_8),
                        SEPARATOR,
                        normalisedValue.getBytes(StandardCharsets.UTF_8)));
    }
}
