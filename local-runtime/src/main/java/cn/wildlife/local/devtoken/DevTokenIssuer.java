package cn.wildlife.local.devtoken;

import cn.wildlife.gateway.signing.SigningKey;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens for the sample users, so the local platform can be tried without an identity server. The key is
 * RS256, kept in the data folder so that a restart does not invalidate tokens already handed out. Its tokens are
 * access tokens ({@code typ} header {@code at+jwt}) for the platform's audience, as a real identity provider's must be.
 */
public class DevTokenIssuer {

    private final DevIssuerProperties properties;
    private final SigningKey key;
    private final Clock clock;

    public DevTokenIssuer(DevIssuerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = SigningKey.loadOrCreate(properties.keyFile());
    }

    /** A signed token, its lifetime and the claims in it, named as in an OAuth2 token response. */
    public record Issued(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            Map<String, Object> claims) {}

    public Issued issue(DevUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(user.id())
                .audience(properties.audience())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.lifetime())))
                .claim("name", user.name())
                .claim("agency", user.agency())
                .claim("region", user.region())
                .claim("roles", user.roles())
                .build();
        return new Issued(key.sign(claims), "Bearer", properties.lifetime().toSeconds(), claims.toJSONObject());
    }

    /** The public half, for every resource server that verifies these tokens. */
    public Map<String, Object> jwks() {
        return key.jwks();
    }
}
