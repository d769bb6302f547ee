package cn.wildlife.gateway.devtoken;

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
 */
@ConfigurationProperties("platform.dev-issuer")
public record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:8080/auth/dev") String issuer,
        @Nullable Path keyFile,
        @DefaultValue("8h") Duration lifetime) {}
