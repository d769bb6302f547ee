package cn.wildlife.gateway.apikey;

import cn.wildlife.security.AccessTokens;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys for partner systems that cannot do OAuth2. The gateway checks a key and forwards the request with a
 * short-lived token of its own, signed by its key, which the services trust like the identity provider's.
 *
 * @param mongodbUri    the gateway's own database, holding the keys
 * @param issuer        the {@code iss} of the gateway's tokens (services list it among their trusted issuers)
 * @param keyFile       where the gateway's signing key is kept (in memory when unset)
 * @param tokenLifetime how long a forwarded token is valid: one request's worth
 * @param cacheFor      how long a checked key is remembered; a revocation reaches other instances within it
 * @param audience      the {@code aud} of the gateway's tokens: the platform's, which the services require
 */
@ConfigurationProperties("platform.gateway.api-keys")
public record ApiKeyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("mongodb://localhost:27017/gateway") String mongodbUri,
        @DefaultValue("http://localhost:8080/auth/gateway") String issuer,
        @Nullable Path keyFile,
        @DefaultValue("2m") Duration tokenLifetime,
        @DefaultValue("30s") Duration cacheFor,
        @DefaultValue(AccessTokens.DEFAULT_AUDIENCE) String audience) {}
