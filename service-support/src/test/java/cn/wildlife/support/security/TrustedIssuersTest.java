package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Each token goes to its own issuer's verifier; tokens of no trusted issuer, or of none at all, are refused. */
class TrustedIssuersTest {

    private static final String FORESTRY = "https://id.forestry.example/";
    private static final String POLICE = "https://id.police.example/";

    private final List<String> verified = new ArrayList<>();
    private final TrustedIssuers issuers =
            new TrustedIssuers(Map.of(FORESTRY, verifier(FORESTRY), POLICE, verifier(POLICE)));

    @Test
    void eachTokenIsVerifiedByItsIssuerEveryTime() {
        String forestry = token(FORESTRY);
        String police = token(POLICE);

        authenticate(forestry);
        authenticate(police);
        authenticate(forestry);

        assertThat(verified).containsExactly(FORESTRY, POLICE, FORESTRY);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> authenticate(token("https://id.elsewhere.example/")))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("Invalid issuer");
        assertThat(verified).isEmpty();
    }

    @Test
    void aTokenWithoutIssuerOrNotAJwtIsRefused() {
        assertThatThrownBy(() -> authenticate(
                        new PlainJWT(new JWTClaimsSet.Builder().subject("x").build()).serialize()))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("Missing issuer");
        assertThatThrownBy(() -> authenticate("not-a-jwt")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aTokenItsVerifierRefusesIsRefusedAgainTheNextTime() {
        String forged = token(FORESTRY);
        TrustedIssuers refusing = new TrustedIssuers(Map.of(FORESTRY, authentication -> {
            verified.add(FORESTRY);
            throw new InvalidBearerTokenException("bad signature");
        }));
        AuthenticationManager manager = refusing.resolve(new MockHttpServletRequest());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> manager.authenticate(new BearerTokenAuthenticationToken(forged)))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessage("bad signature");
        }
        assertThat(verified).hasSize(2);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedWhenItsVerifierRefusesItLater() {
        String token = token(FORESTRY);
        List<Boolean> answers = new ArrayList<>(List.of(true, false));
        TrustedIssuers expiring = new TrustedIssuers(Map.of(FORESTRY, authentication -> {
            if (answers.remove(0)) {
                return new TestingAuthenticationToken(FORESTRY, null);
            }
            throw new InvalidBearerTokenException("Jwt expired");
        }));
        AuthenticationManager manager = expiring.resolve(new MockHttpServletRequest());

        manager.authenticate(new BearerTokenAuthenticationToken(token));
        assertThatThrownBy(() -> manager.authenticate(new BearerTokenAuthenticationToken(token)))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("Jwt expired");
    }

    private void authenticate(String token) {
        issuers.resolve(new MockHttpServletRequest()).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private AuthenticationManager verifier(String issuer) {
        return authentication -> {
            verified.add(issuer);
            return new TestingAuthenticationToken(issuer, null);
        };
    }

    private static String token(String issuer) {
        return new PlainJWT(new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("forestry-officer")
                        .build())
                .serialize();
    }
}
