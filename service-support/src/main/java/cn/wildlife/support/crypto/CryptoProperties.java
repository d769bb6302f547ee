package cn.wildlife.support.crypto;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service seals personal data at rest ({@code platform.crypto.*}, docs/data-protection.md). No key has a
 * default: a service that seals data and finds no master key, or no index key, refuses to start.
 *
 * @param algorithm       what new values and data keys are sealed with: {@code SM4_GCM} (default), or {@code AES_GCM}
 *                        for deployments outside China. Values sealed with the other stay readable.
 * @param masterKey       the master key, base64 of 16 to 64 random bytes (32 recommended), e.g. from the environment
 *                        variable {@code PLATFORM_CRYPTO_MASTER_KEY}; it wraps the data keys and never touches data
 * @param masterKeyFile   a file holding the master key in base64, instead of {@code master-key}
 * @param indexKey        the blind index key, base64 of 16 to 64 random bytes: HMAC-SM3 of identifiers for matching
 *                        across agencies; e.g. from {@code PLATFORM_CRYPTO_INDEX_KEY}
 * @param indexKeyFile    a file holding the index key in base64, instead of {@code index-key}
 * @param keyRefresh      how often an instance reads the data keys again, so that a key another instance made active
 *                        is used within this time; a rotation waits as long before it walks the data
 * @param rotationBatch   how many documents a rotation re-seals between two records of its progress
 * @param rotationLease   how long a rotation stays an instance's after its last progress; an interrupted one is taken
 *                        up again by any instance once this has passed
 * @param previousMasterKey     while the master key is being changed, the one before it (base64): data keys still
 *                              wrapped under it are wrapped again under {@code master-key} at the start; remove it
 *                              once every instance runs with the new one ({@code GET /api/data-keys} shows each key's
 *                              {@code wrappedUnder})
 * @param previousMasterKeyFile a file holding the previous master key, instead of {@code previous-master-key}
 */
@ConfigurationProperties("platform.crypto")
public record CryptoProperties(
        @DefaultValue("SM4_GCM") Algorithm algorithm,
        @Nullable String masterKey,
        @Nullable Path masterKeyFile,
        @Nullable String indexKey,
        @Nullable Path indexKeyFile,
        @DefaultValue("10s") Duration keyRefresh,
        @DefaultValue("200") int rotationBatch,
        @DefaultValue("60s") Duration rotationLease,
        @Nullable String previousMasterKey,
        @Nullable Path previousMasterKeyFile) {

    /** The settings, for tests and tools: the given keys (base64) and defaults for the rest. */
    public static CryptoProperties of(Algorithm algorithm, String masterKey, String indexKey) {
        return new CryptoProperties(
                algorithm,
                masterKey,
                null,
                indexKey,
                null,
                Duration.ofSeconds(10),
                200,
                Duration.ofSeconds(60),
                null,
                null);
    }
}
