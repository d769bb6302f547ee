package cn.wildlife.support.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The authenticated ciphers a value may be sealed with: both GCM with a 96-bit nonce and a 128-bit tag, the key
 * alone differing in length. SM4 (GB/T 32907) through BouncyCastle is the default, as 密评 (GB/T 39786) expects;
 * AES-256 through the JDK for deployments outside China.
 */
public enum Algorithm {
    SM4_GCM(16),
    AES_GCM(32);

    /** The nonce's length in bytes (96 bits, GCM's natural size). */
    public static final int NONCE_BYTES = 12;
    /** The authentication tag's length in bytes (128 bits). */
    public static final int TAG_BYTES = 16;

    private final int keyBytes;

    Algorithm(int keyBytes) {
        this.keyBytes = keyBytes;
    }

    /** The length of this cipher's keys in bytes: 16 for SM4, 32 for AES-256. */
    public int keyBytes() {
        return keyBytes;
    }

    /** Ciphertext followed by the tag; {@code associatedData} is authenticated, not encrypted. */
    public byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        check(key, nonce);
        if (this == SM4_GCM) {
            GCMModeCipher gcm = sm4(true, key, nonce, associatedData);
            byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
            int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
            try {
                n += gcm.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException(e);
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
        try {
            return aes(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plaintext of {@link #encrypt}'s output; a {@link SealedValueRefused} when the key, the nonce or the
     * associated data differ, or a byte of the ciphertext or tag was changed.
     */
    public byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        check(key, nonce);
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new SealedValueRefused("too short to carry a tag");
        }
        if (this == SM4_GCM) {
            GCMModeCipher gcm = sm4(false, key, nonce, associatedData);
            byte[] out = new byte[gcm.getOutputSize(ciphertextAndTag.length)];
            int n = gcm.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
            try {
                n += gcm.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new SealedValueRefused("its authentication tag does not match");
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
        try {
            return aes(Cipher.DECRYPT_MODE, key, nonce, associatedData).doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new SealedValueRefused("its authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(byte[] key, byte[] nonce) {
        if (key.length != keyBytes) {
            throw new IllegalArgumentException(name() + " needs a " + keyBytes * 8 + "-bit key");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a nonce has " + NONCE_BYTES + " bytes");
        }
    }

    private static GCMModeCipher sm4(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, associatedData));
        return gcm;
    }

    private static Cipher aes(int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
