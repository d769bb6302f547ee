package cn.wildlife.support.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC (RFC 2104) over SM3 (GB/T 32905): 32 bytes. */
public final class HmacSm3 {

    public static final int BYTES = 32;

    private HmacSm3() {}

    public static byte[] of(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[BYTES];
        mac.doFinal(out, 0);
        return out;
    }
}
