package cn.wildlife.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Checks each distinct token's signature once and remembers the verified token for a while. An agency's system
 * sends the same token with every request for hours, and checking its RSA signature again each time was the largest
 * part of a read's cost (a third of a service's request threads' time, half of the gateway's). What a signature
 * check proves cannot change for the same bytes; what can change is checked on every use: the token's expiry and
 * not-before times. A token is remembered no longer than the verifier's key set is cached, so a key withdrawn by
 * the issuer stops working as soon as it would without this.
 */
public final class RememberedTokens implements JwtDecoder {

    /** As long as Spring Security's verifiers cache an issuer's key set. */
    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 10_000;

    private final JwtDecoder verifying;
    private final JwtTimestampValidator stillValid;
    private final Cache<String, Jwt> verified;

    public RememberedTokens(JwtDecoder verifying, Clock clock) {
        this.verifying = verifying;
        this.stillValid = new JwtTimestampValidator();
        this.stillValid.setClock(clock);
        this.verified = Caffeine.newBuilder().expireAfterWrite(REMEMBER_FOR).maximumSize(MOST_TOKENS).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = stillValid.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            // Expired meanwhile: the full check below refuses it with the verifier's own reason.
            verified.invalidate(token);
        }
        Jwt jwt = verifying.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
