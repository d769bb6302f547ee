package cn.wildlife.local.devtoken;

import cn.wildlife.security.AccessTokens;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer, for the local runtime only.
 *
 * @param enabled  switched on by the local runtime; refused outside the {@code local} profile
 * @param issuer   the {@code iss} of its tokens; services must be configured with the same
 * @param keyFile  where its signing key is kept, so tokens stay valid across restarts (in memory when unset)
 * @param lifetime how long a token is valid
 * @param audience the {@code aud} of its tokens: the platform's, which the gateway and the services require
 */
@ConfigurationProperties("platform.dev-issuer")
public record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:8080/auth/dev") String issuer,
        @Nullable Path keyFile,
        @DefaultValue("8h") Duration lifetime,
        @DefaultValue(AccessTokens.DEFAULT_AUDIENCE) String audience) {}
