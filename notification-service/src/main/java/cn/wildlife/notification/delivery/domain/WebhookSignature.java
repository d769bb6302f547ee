package cn.wildlife.notification.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature a receiver checks: the webhook's HMAC ({@link SignatureAlgorithm}) keyed with the UTF-8 bytes of its
 * secret over {@code timestamp + "." + body}, where the timestamp (Unix seconds) travels in its own header. Signing
 * the timestamp with the body makes a captured request useless after the receiver's tolerance (five minutes) has
 * passed: it cannot be replayed with a new time.
 *
 * <p>The header's value is {@code <scheme>=<lower-case hex>}, {@code sha256=...} or {@code sm3=...}: the shape
 * receivers of HMAC-SHA256 already parse, naming the algorithm so that a receiver checks with the right one.
 */
public final class WebhookSignature {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: 32 random bytes, URL-safe, with a prefix that makes a leaked one easy to recognise. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The signature header's value for this timestamp and body. */
    public static String sign(SignatureAlgorithm algorithm, String secret, long timestamp, byte[] body) {
        byte[] mac = algorithm.mac(
                secret.getBytes(StandardCharsets.UTF_8), (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return algorithm.scheme() + "=" + HexFormat.of().formatHex(mac);
    }

    /**
     * What a receiver does: the timestamp is within the tolerance of its own clock and the signature matches,
     * compared in constant time. The algorithm is the one the receiver registered, not the one the header names: a
     * request is never trusted to say how it should be checked.
     */
    public static boolean verify(
            SignatureAlgorithm algorithm,
            String secret,
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            Instant now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(algorithm, secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return signatureHeader != null
                && MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.UTF_8));
    }
}
