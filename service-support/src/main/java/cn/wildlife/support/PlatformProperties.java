package cn.wildlife.support;

import cn.wildlife.security.AccessTokens;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares, under {@code platform.*}.
 *
 * @param topics  whether a service creates the catalogue's topics at start: off by default, since a service's
 *                principal may not create topics on an authenticated broker (the installation's setup does:
 *                {@code kafka-setup}, or the local runtime); on only against a broker that lets it
 * @param outbox  how the outbox relay polls
 * @param consumer how consumption retries before an event goes to the dead-letter topic, and how long its dead letter
 *                 may take before the record is quarantined instead
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue Topics topics,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Security security) {

    /**
     * @param publicPaths    paths readable without a token besides health, metrics and API documents
     * @param maxBodyBytes   the largest request body accepted (413 above it)
     * @param trustedIssuers whose tokens are accepted: the identity provider's and the gateway's (for API keys)
     * @param audience       what every accepted access token's {@code aud} must name
     */
    public record Security(
            @DefaultValue List<String> publicPaths,
            @DefaultValue("1048576") long maxBodyBytes,
            @DefaultValue List<TrustedIssuer> trustedIssuers,
            @DefaultValue(AccessTokens.DEFAULT_AUDIENCE) String audience) {}

    /** An issuer and where its public keys are published; both required. */
    public record TrustedIssuer(
            @Nullable String issuer, @Nullable String jwkSetUri) {}

    public record Topics(
            @DefaultValue("false") boolean create,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("60s") Duration createTimeout) {}

    /**
     * @param pollInterval how often the relay looks for unpublished events when nobody woke it
     * @param batchSize    aggregates read per look
     */
    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("200") int batchSize) {}

    /**
     * @param attempts          tries of an event whose handling failed for a reason other than the store being away
     * @param initialBackOff    first wait between tries, doubled each time up to {@code maxBackOff}
     * @param deadLetterTimeout the longest a record's dead letter is tried (from when it was started) before the record
     *                          is quarantined instead and its partition moves on: the bound on how long a record holds
     *                          its partition for a fault of its own, after the tries above
     * @param quarantineSize    how many quarantine entries the service keeps, the newest
     * @param syncStore         whether the store is asked to make every write durable ({@code fsync}) before offsets
     *                          are committed: on for the development store, which keeps writes in memory up to 100 ms;
     *                          off for MongoDB, whose acknowledged writes are already journaled (write concern
     *                          majority, its default)
     * @param instanceId        a name this instance keeps across restarts (a StatefulSet pod's, "local" for the local
     *                          runtime): each consumer then joins its group as a static member, and a restarted
     *                          instance takes its partitions back at once instead of after the dead one's session
     *                          timed out; empty for none
     */
    public record Consumer(
            @DefaultValue("4") int attempts,
            @DefaultValue("200ms") Duration initialBackOff,
            @DefaultValue("10s") Duration maxBackOff,
            @DefaultValue("30s") Duration deadLetterTimeout,
            @DefaultValue("10000") int quarantineSize,
            @DefaultValue("false") boolean syncStore,
            @DefaultValue("") String instanceId) {}
}
