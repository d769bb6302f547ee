package cn.wildlife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokensTest {

    private final OAuth2TokenValidator<Jwt> validator =
            AccessTokens.validator("https://idp.example/realms/wildlife", "wildlife-platform");

    private static Jwt token(String header, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("https://idp.example/realms/wildlife")
                .subject("someone")
                .issuedAt(Instant.now().minusSeconds(10))
                .expiresAt(Instant.now().plusSeconds(600))
                .claims(c -> c.putAll(claims));
        if (header != null) {
            jwt.header("typ", header);
        }
        return jwt.build();
    }

    @Test
    void anAccessTokenForThePlatformPasses() {
        assertThat(validator
                        .validate(token("at+jwt", Map.of("aud", List.of("wildlife-platform"))))
                        .hasErrors())
                .isFalse();
        // Keycloak: typ header JWT, typ claim Bearer.
        assertThat(validator
                        .validate(token("JWT", Map.of("aud", List.of("account", "wildlife-platform"), "typ", "Bearer")))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void idTokensOtherTypesAndOtherAudiencesAreRefused() {
        assertThat(validator
                        .validate(token("JWT", Map.of("aud", List.of("wildlife-platform"), "typ", "ID")))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(null, Map.of("aud", List.of("wildlife-platform"))))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token("at+jwt", Map.of("aud", List.of("another-system"))))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token("at+jwt", Map.of())).hasErrors()).isTrue();
        assertThat(validator
                        .validate(token("logout+jwt", Map.of("aud", List.of("wildlife-platform"), "typ", "Bearer")))
                        .hasErrors())
                .isTrue();
    }
}
