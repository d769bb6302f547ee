package cn.wildlife.support.security;

import cn.wildlife.security.RememberedTokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * One verifier per trusted issuer, chosen by the token's {@code iss}; a token of any other issuer is refused, with
 * the refusals of Spring Security's {@code JwtIssuerAuthenticationManagerResolver}. Unlike it, the issuer of a token
 * that was accepted is remembered (as long as {@link RememberedTokens} remembers the token): finding it meant
 * decoding and parsing the token's claims again on every request. Tokens that were refused are not remembered, so
 * that made-up ones cannot fill the memory.
 */
final class TrustedIssuers implements AuthenticationManagerResolver<HttpServletRequest> {

    private final Map<String, AuthenticationManager> verifiers;
    private final Cache<String, String> issuerOfAccepted = Caffeine.newBuilder()
            .expireAfterWrite(RememberedTokens.REMEMBER_FOR)
            .maximumSize(RememberedTokens.MOST_TOKENS)
            .build();
    private final AuthenticationManager byIssuer = this::authenticate;

    TrustedIssuers(Map<String, AuthenticationManager> verifiers) {
        this.verifiers = Map.copyOf(verifiers);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return byIssuer;
    }

    private Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new IllegalArgumentException("Authentication must be of type BearerTokenAuthenticationToken");
        }
        String token = bearer.getToken();
        String remembered = issuerOfAccepted.getIfPresent(token);
        String issuer = remembered != null ? remembered : issuerOf(bearer);
        AuthenticationManager verifier = verifiers.get(issuer);
        if (verifier == null) {
            throw refused(new InvalidBearerTokenException("Invalid issuer"), bearer);
        }
        try {
            Authentication accepted = verifier.authenticate(bearer);
            if (remembered == null) {
                // Written once: kept no longer than the verified token it goes with.
                issuerOfAccepted.put(token, issuer);
            }
            return accepted;
        } catch (AuthenticationException e) {
            throw refused(e, bearer);
        }
    }

    private static String issuerOf(BearerTokenAuthenticationToken bearer) {
        String issuer;
        try {
            issuer = JWTParser.parse(bearer.getToken()).getJWTClaimsSet().getIssuer();
        } catch (Exception e) {
            throw refused(new InvalidBearerTokenException(e.getMessage(), e), bearer);
        }
        if (issuer == null) {
            throw refused(new InvalidBearerTokenException("Missing issuer"), bearer);
        }
        return issuer;
    }

    private static AuthenticationException refused(AuthenticationException e, Authentication request) {
        e.setAuthenticationRequest(request);
        return e;
    }
}
