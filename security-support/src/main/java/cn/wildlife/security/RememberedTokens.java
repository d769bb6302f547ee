package cn.wildlife.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each distinct token's signature once and remembers the verified token for a while, in the services
 * ({@link #blocking}) and in the gateway ({@link #reactive}). An agency's system sends the same token with every
 * request for hours, and checking its RSA signature again each time was the largest part of a read's cost. What the
 * signature proves cannot change for the same bytes; the validators (expiry and not-before, and the checks that depend
 * on the request, such as a certificate-bound token's thumbprint) run again on every use. A token is remembered at
 * most five minutes after its signature was checked: a key the issuer withdraws keeps working for the tokens seen in
 * those five minutes, on top of the five minutes the verifier itself caches the issuer's keys.
 */
public final class RememberedTokens {

    public static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    public static final int MOST_TOKENS = 10_000;

    private final OAuth2TokenValidator<Jwt> onEveryUse;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_FOR)
            .maximumSize(MOST_TOKENS)
            .build();

    private RememberedTokens(OAuth2TokenValidator<Jwt> onEveryUse) {
        this.onEveryUse = onEveryUse;
    }

    /** {@code onEveryUse} is the verifier's own validator: what it checks besides the signature. */
    public static JwtDecoder blocking(JwtDecoder verifying, OAuth2TokenValidator<Jwt> onEveryUse) {
        RememberedTokens tokens = new RememberedTokens(onEveryUse);
        return token -> {
            Jwt known = tokens.recall(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = verifying.decode(token);
            tokens.verified.put(token, jwt);
            return jwt;
        };
    }

    /** As {@link #blocking}, for a reactive verifier. */
    public static ReactiveJwtDecoder reactive(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> onEveryUse) {
        RememberedTokens tokens = new RememberedTokens(onEveryUse);
        return token -> {
            Jwt known = tokens.recall(token);
            return known != null
                    ? Mono.just(known)
                    : verifying.decode(token).doOnNext(jwt -> tokens.verified.put(token, jwt));
        };
    }

    /** The token verified before, if the checks of every use still pass; else forgotten, for the full check. */
    private @Nullable Jwt recall(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null || !onEveryUse.validate(known).hasErrors()) {
            return known;
        }
        // Expired meanwhile, say: the full check refuses it with the verifier's own reason.
        verified.invalidate(token);
        return null;
    }
}
