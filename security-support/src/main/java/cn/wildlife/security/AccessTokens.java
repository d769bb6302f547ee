package cn.wildlife.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What the gateway and the services accept as a caller's token besides a valid signature: an access token (not an ID
 * token or any other JWT of the realm) issued for the platform's audience, within its validity period.
 *
 * <p>An access token is recognised by its {@code typ} header {@code at+jwt} (RFC 9068, what the development issuer
 * and the gateway mint), or by Keycloak's {@code typ} claim {@code Bearer} (its ID tokens say {@code ID}, its
 * refresh tokens {@code Refresh}). The {@code aud} claim must name the configured audience.
 */
public final class AccessTokens {

    /** The platform's audience unless {@code platform.security.audience} names another. */
    public static final String DEFAULT_AUDIENCE = "wildlife-platform";

    /** The {@code typ} header of an RFC 9068 access token. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private AccessTokens() {}

    /**
     * The checks on every use of a token: times, type and audience, and its issuer when one is given. The JOSE
     * {@code typ} header may be absent, {@code JWT} (then the claim must say {@code Bearer}) or {@code at+jwt}.
     */
    public static OAuth2TokenValidator<Jwt> validator(@Nullable String issuer, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("platform.security.audience is empty: every token must name the platform");
        }
        JwtTypeValidator types = new JwtTypeValidator("JWT", ACCESS_TOKEN_TYPE, "application/" + ACCESS_TOKEN_TYPE);
        types.setAllowEmpty(true);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(types, accessToken(), audience(audience)));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    /** Only access tokens: {@code typ} header {@code at+jwt}, else a {@code typ} claim {@code Bearer}. */
    public static OAuth2TokenValidator<Jwt> accessToken() {
        return jwt -> isAccessToken(jwt)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is not an access token", null));
    }

    static boolean isAccessToken(Jwt jwt) {
        Object header = jwt.getHeaders().get("typ");
        if (header instanceof String type) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.equals(ACCESS_TOKEN_TYPE) || lower.equals("application/" + ACCESS_TOKEN_TYPE)) {
                return true;
            }
        }
        return "Bearer".equals(jwt.getClaims().get("typ"));
    }

    /** The {@code aud} claim (a string or a list) must contain {@code audience}. */
    public static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            Object aud = jwt.getClaims().get("aud");
            boolean named = aud instanceof Collection<?> values ? values.contains(audience) : audience.equals(aud);
            return named
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_TOKEN, "The token is not meant for this platform (aud)", null));
        };
    }
}
