package cn.wildlife.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each distinct token's signature once and remembers the verified token for a while (the services do the
 * same, see service-support's {@code RememberedTokens}): checking the RSA signature of the same token on every
 * request was half of the gateway's work per request. Spring Security's default validators (expiry and not-before,
 * the token type, a certificate-bound token's thumbprint) run again on every use; the issuer and audience checks
 * cannot answer differently for the same bytes. A token is remembered at most five minutes after its signature was
 * checked.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 10_000;

    private final ReactiveJwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> onEveryUse;
    private final Cache<String, Jwt> verified;

    RememberedTokens(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> onEveryUse) {
        this.verifying = verifying;
        this.onEveryUse = onEveryUse;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBER_FOR)
                .maximumSize(MOST_TOKENS)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!onEveryUse.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            // Expired meanwhile, say: the full check refuses it with the verifier's own reason.
            verified.invalidate(token);
        }
        return verifying.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
