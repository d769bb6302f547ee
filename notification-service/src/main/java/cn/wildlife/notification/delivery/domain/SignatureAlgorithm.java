package cn.wildlife.notification.delivery.domain;

import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The MAC a webhook's deliveries are signed with, chosen at registration. HMAC-SHA256 is the default, so receivers
 * built before the choice existed keep working; HMAC-SM3 (the SM3 hash of GB/T 32905 in the HMAC construction of
 * GB/T 15852.2) is for receivers assessed under 密评, which expect the national algorithms.
 *
 * <p>Both go through BouncyCastle's lightweight API rather than a JCA provider: SM3 is in no JDK, and nothing has to
 * be registered globally for it.
 */
public enum SignatureAlgorithm {
    HMAC_SHA256("sha256", "HMAC-SHA256", SHA256Digest::new),
    HMAC_SM3("sm3", "HMAC-SM3", SM3Digest::new);

    private final String scheme;
    private final String displayName;
    private final Supplier<Digest> digest;

    SignatureAlgorithm(String scheme, String displayName, Supplier<Digest> digest) {
        this.scheme = scheme;
        this.displayName = displayName;
        this.digest = digest;
    }

    /** The name before {@code =} in the signature header: {@code sha256} or {@code sm3}. */
    public String scheme() {
        return scheme;
    }

    /** The name as standards and documentation write it: {@code HMAC-SM3}. */
    public String displayName() {
        return displayName;
    }

    /** The MAC of {@code parts} in order, as if they were one message. */
    byte[] mac(byte[] key, byte[]... parts) {
        HMac hmac = new HMac(digest.get());
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            hmac.update(part, 0, part.length);
        }
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
