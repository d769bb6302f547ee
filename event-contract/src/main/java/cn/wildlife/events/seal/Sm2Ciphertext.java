package cn.wildlife.events.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 encryption through BouncyCastle's {@link SM2Engine} (SM3 inside), whose output is the bare {@code C1||C3||C2},
 * carried in GM/T 0009's DER structure so that other implementations (OpenSSL 3, GmSSL, Tongsuo) read and write it.
 */
final class Sm2Ciphertext {

    /** Bytes of one coordinate of the SM2 curve and of an SM3 digest. */
    private static final int FIELD = 32;

    private Sm2Ciphertext() {}

    static byte[] encrypt(CipherParameters publicKeyWithRandom, byte[] plain) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, publicKeyWithRandom);
        try {
            return toDer(engine.processBlock(plain, 0, plain.length));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 refused to encrypt", e);
        }
    }

    /** @throws InvalidCipherTextException when the bytes are no SM2 ciphertext for this key (C3 does not match) */
    static byte[] decrypt(CipherParameters privateKey, byte[] der) throws InvalidCipherTextException {
        byte[] bare = fromDer(der);
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, privateKey);
        return engine.processBlock(bare, 0, bare.length);
    }

    private static byte[] toDer(byte[] bare) {
        // C1 is an uncompressed point: 0x04, x, y.
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(bare, 1, 1 + FIELD));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(bare, 1 + FIELD, 1 + 2 * FIELD));
        byte[] c3 = Arrays.copyOfRange(bare, 1 + 2 * FIELD, 1 + 3 * FIELD);
        byte[] c2 = Arrays.copyOfRange(bare, 1 + 3 * FIELD, bare.length);
        try {
            return new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(x), new ASN1Integer(y), new DEROctetString(c3), new DEROctetString(c2)
                    })
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("could not encode an SM2 ciphertext", e);
        }
    }

    private static byte[] fromDer(byte[] der) throws InvalidCipherTextException {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCipherTextException("not a DER-encoded SM2 ciphertext (GM/T 0009)");
        }
        if (sequence.size() != 4) {
            throw new InvalidCipherTextException("an SM2 ciphertext holds x, y, C3 and C2");
        }
        try {
            byte[] x = BigIntegers.asUnsignedByteArray(
                    FIELD, ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue());
            byte[] y = BigIntegers.asUnsignedByteArray(
                    FIELD, ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue());
            byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
            byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
            if (c3.length != FIELD) {
                throw new InvalidCipherTextException("C3 must be an SM3 digest of 32 bytes");
            }
            return org.bouncycastle.util.Arrays.concatenate(
                    new byte[] {0x04}, x, y, org.bouncycastle.util.Arrays.concatenate(c3, c2));
        } catch (IllegalArgumentException e) {
            throw new InvalidCipherTextException("not a DER-encoded SM2 ciphertext (GM/T 0009): " + e.getMessage());
        }
    }
}
