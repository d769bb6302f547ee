package cn.wildlife.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FieldCipher} under the service's {@link DataKeys}: each value with a random 96-bit nonce, sealed with the
 * active data key's algorithm; the header (version, algorithm, key id) and the context are the associated data.
 */
public final class EnvelopeFieldCipher implements FieldCipher {

    static final String PREFIX = "enc:v1:";

    private static final Pattern SEALED =
            Pattern.compile("^enc:v1:(SM4_GCM|AES_GCM):([A-Za-z0-9_-]{1,40}):([A-Za-z0-9_-]{38,})$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DataKeys keys;

    public EnvelopeFieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String plaintext, String context) {
        DataKeys.DataKey key = keys.active();
        String header = PREFIX + key.algorithm().name() + ":" + key.id() + ":";
        byte[] nonce = new byte[Algorithm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = key.algorithm()
                .encrypt(key.key(), nonce, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(header, context));
        byte[] body = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, body, 0, nonce.length);
        System.arraycopy(sealed, 0, body, nonce.length, sealed.length);
        return header + ENCODER.encodeToString(body);
    }

    @Override
    public String open(String sealed, String context) {
        Matcher m = SEALED.matcher(sealed);
        if (!m.matches()) {
            throw new SealedValueRefused("it is not a sealed value");
        }
        Algorithm algorithm = Algorithm.valueOf(m.group(1));
        String keyId = m.group(2);
        DataKeys.DataKey key = keys.find(keyId)
                .orElseThrow(
                        () -> new SealedValueRefused("its data key " + keyId + " is not in " + DataKeys.COLLECTION));
        if (key.algorithm() != algorithm) {
            throw new SealedValueRefused("its data key " + keyId + " is not an " + algorithm + " key");
        }
        byte[] body;
        try {
            body = DECODER.decode(m.group(3));
        } catch (IllegalArgumentException e) {
            throw new SealedValueRefused("it is not base64url");
        }
        if (body.length < Algorithm.NONCE_BYTES + Algorithm.TAG_BYTES) {
            throw new SealedValueRefused("it is too short");
        }
        String header = sealed.substring(0, sealed.length() - m.group(3).length());
        byte[] plaintext = algorithm.decrypt(
                key.key(),
                Arrays.copyOfRange(body, 0, Algorithm.NONCE_BYTES),
                Arrays.copyOfRange(body, Algorithm.NONCE_BYTES, body.length),
                associatedData(header, context));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    @Override
    public boolean isSealed(String value) {
        return value.startsWith(PREFIX) && SEALED.matcher(value).matches();
    }

    @Override
    public boolean needsResealing(String sealed) {
        Matcher m = SEALED.matcher(sealed);
        if (!m.matches()) {
            return true;
        }
        DataKeys.DataKey active = keys.active();
        return !(m.group(2).equals(active.id())
                && m.group(1).equals(active.algorithm().name()));
    }

    /** The id of the key new values are sealed under. */
    public String activeKeyId() {
        return keys.activeId();
    }

    private static byte[] associatedData(String header, String context) {
        return (header + context).getBytes(StandardCharsets.UTF_8);
    }
}
