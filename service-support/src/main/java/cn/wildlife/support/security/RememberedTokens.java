package cn.wildlife.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each distinct token's signature once and remembers the verified token for a while. An agency's system
 * sends the same token with every request for hours, and checking its RSA signature again each time was the largest
 * part of a read's cost (a third of a service's request threads' time, half of the gateway's). What the signature
 * proves cannot change for the same bytes; the validators (expiry and not-before, and the checks that depend on the
 * request, such as a certificate-bound token's thumbprint) run again on every use. A token is remembered at most
 * five minutes after its signature was checked: a key the issuer withdraws keeps working for the tokens seen in
 * those five minutes, on top of the five minutes the verifier itself caches the issuer's keys.
 */
public final class RememberedTokens implements JwtDecoder {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 10_000;

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> onEveryUse;
    private final Cache<String, Jwt> verified;

    /** {@code onEveryUse} is the verifier's own validator: what it checks besides the signature. */
    public RememberedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> onEveryUse) {
        this.verifying = verifying;
        this.onEveryUse = onEveryUse;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBER_FOR)
                .maximumSize(MOST_TOKENS)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = onEveryUse.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            // Expired meanwhile, say: the full check below refuses it with the verifier's own reason.
            verified.invalidate(token);
        }
        Jwt jwt = verifying.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
