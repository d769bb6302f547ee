package cn.wildlife.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
    private final KeyPair keys = rsa();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final JwtTimestampValidator timestamps = timestamps();
    private final JwtDecoder verifying = verifier();
    private final JwtDecoder tokens = RememberedTokens.blocking(verifying, timestamps);

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() throws Exception {
        String token = signed("forestry-officer", clock.instant().plus(Duration.ofHours(8)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("forestry-officer");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("forestry-officer");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() throws Exception {
        String token = signed("forestry-officer", clock.instant().plus(Duration.ofMinutes(2)));
        tokens.decode(token);

        clock.move(Duration.ofMinutes(4));

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTime() throws Exception {
        String token = signed("forestry-officer", clock.instant().plus(Duration.ofHours(1)));
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void theGatewaysReactiveVerifierRemembersTokensToo() throws Exception {
        String token = signed("forestry-officer", clock.instant().plus(Duration.ofHours(8)));
        ReactiveJwtDecoder reactive =
                RememberedTokens.reactive(t -> Mono.fromCallable(() -> verifying.decode(t)), timestamps);

        assertThat(reactive.decode(token).block().getSubject()).isEqualTo("forestry-officer");
        assertThat(reactive.decode(token).block().getSubject()).isEqualTo("forestry-officer");
        assertThat(signatureChecks).hasValue(1);

        clock.move(Duration.ofHours(9));

        assertThatThrownBy(() -> reactive.decode(token).block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    private JwtDecoder verifier() {
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        nimbus.setJwtValidator(timestamps);
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private JwtTimestampValidator timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        return validator;
    }

    private String signed(String subject, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issueTime(Date.from(clock.instant()))
                        .expirationTime(Date.from(expiresAt))
                        .build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
