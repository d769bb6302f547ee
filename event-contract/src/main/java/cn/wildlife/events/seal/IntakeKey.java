package cn.wildlife.events.seal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The platform's SM2 intake key as an agency's system holds it: the public half, published by case-service at
 * {@code GET /api/intake-key}. An agency seals the suspects' details of a clue report with it before the report goes
 * onto its own topic; only the platform can open them.
 */
public final class IntakeKey {

    static final String PUBLIC_PEM = "PUBLIC KEY";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPublicKeyParameters key;
    private final byte[] encoded;
    private final String id;

    IntakeKey(byte[] subjectPublicKeyInfo) {
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(subjectPublicKeyInfo);
            if (!(parameters instanceof ECPublicKeyParameters ec) || !IntakeKeyPair.isSm2(ec.getParameters())) {
                throw new IllegalArgumentException("the intake key must be an SM2 public key (curve sm2p256v1)");
            }
            this.key = ec;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 public key: " + e.getMessage(), e);
        }
        this.encoded = subjectPublicKeyInfo.clone();
        this.id = idOf(subjectPublicKeyInfo);
    }

    /** The key from its PEM ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes it). */
    public static IntakeKey fromPem(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !PUBLIC_PEM.equals(object.getType())) {
                throw new IllegalArgumentException("expected a PEM block of type " + PUBLIC_PEM);
            }
            return new IntakeKey(
                    SubjectPublicKeyInfo.getInstance(object.getContent()).getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM: " + e.getMessage(), e);
        }
    }

    /** The first 8 bytes of the SM3 digest of the key's DER encoding, in hex: what {@link Sealed#keyId()} names. */
    public String id() {
        return id;
    }

    public String pem() {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(PUBLIC_PEM, encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The details as JSON, SM2-encrypted for the platform. */
    public Sealed seal(PersonalDetails details) {
        byte[] plain;
        try {
            plain = JSON.writeValueAsBytes(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not write the details", e);
        }
        byte[] cipher = Sm2Ciphertext.encrypt(new ParametersWithRandom(key, RANDOM), plain);
        return new Sealed(id, Base64.getEncoder().encodeToString(cipher));
    }

    static String idOf(byte[] subjectPublicKeyInfo) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(subjectPublicKeyInfo, 0, subjectPublicKeyInfo.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
