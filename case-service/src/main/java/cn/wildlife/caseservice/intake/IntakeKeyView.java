package cn.wildlife.caseservice.intake;

import org.jspecify.annotations.Nullable;

/**
 * The public half of the intake key, for agencies' systems.
 *
 * @param keyId         what a sealed field names ({@code sealed.keyId})
 * @param previousKeyId while the key changes, the one before it, still opened
 */
public record IntakeKeyView(
        String keyId,
        String algorithm,
        String ciphertextFormat,
        String publicKey,
        @Nullable String previousKeyId) {}
