package cn.wildlife.gateway.apikey;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partner system's API key, for systems that cannot do OAuth2. Only a hash of its secret is kept; the key itself is
 * shown once, when it is issued.
 */
public record ApiKey(
        String id,
        String name,
        String agency,
        String region,
        Set<Operation> operations,
        String secretHash,
        Instant createdAt,
        String createdBy,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    /** What a key may do: read (GET) or also write (every other method). */
    public enum Operation {
        READ,
        WRITE
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
