package cn.wildlife.support.crypto;

import org.jspecify.annotations.Nullable;

/**
 * Seals a personal value before it is stored and opens it when it is read: what a user sees through the API is
 * unchanged. A sealed value is text that names its format version, algorithm and data key id
 * ({@code enc:v1:SM4_GCM:k1:<base64url of nonce, ciphertext and tag>}), so values sealed under an earlier key or
 * algorithm stay readable while a rotation re-seals them.
 *
 * <p>{@code context} names where the value lives (for example {@code "clue_reporters.phone"}); it is bound to the
 * ciphertext as associated data, so a sealed value copied into another field does not open. A value in an array
 * of sub-documents names the array and field without the position ({@code "cases.parties.name"}): that is what
 * {@link SealedCollection} re-seals with.
 */
public interface FieldCipher {

    String seal(String plaintext, String context);

    /**
     * Opens a value {@link #seal} produced; a value that is not sealed, changed, or sealed for another context is
     * refused ({@link SealedValueRefused}), never returned as is.
     */
    String open(String sealed, String context);

    /** Whether {@code value} has the shape of a sealed value (of any key or algorithm this cipher knows). */
    boolean isSealed(String value);

    /** Whether {@code sealed} was sealed under a key or algorithm other than the active one: a rotation re-seals it. */
    boolean needsResealing(String sealed);

    /** {@link #seal}, with null (an absent value) left null. */
    default @Nullable String sealNullable(@Nullable String plaintext, String context) {
        return plaintext == null ? null : seal(plaintext, context);
    }

    /**
     * A value as stored, opened: null stays null, a sealed value is opened, and a plain value (stored before values
     * were sealed) is returned as is until a re-sealing run seals it.
     */
    default @Nullable String openStored(@Nullable String stored, String context) {
        if (stored == null) {
            return null;
        }
        return isSealed(stored) ? open(stored, context) : stored;
    }
}
