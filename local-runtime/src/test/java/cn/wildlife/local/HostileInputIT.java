package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forged, expired, unsigned and foreign tokens, spoofed identity headers, oversized bodies and path tricks: each is
 * refused with the right status and a problem-details body, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private PlatformClient client;
    private String gateway;
    private RSAKey platformKey;

    @BeforeAll
    void connect() throws Exception {
        LocalPlatform platform = SharedPlatform.platform();
        client = SharedPlatform.client();
        gateway = platform.gatewayUrl();
        client.token("forestry-officer");
        platformKey = RSAKey.parse(
                Files.readString(platform.dataDir().resolve("dev-issuer").resolve("signing-key.json")));
    }

    private String issuer() {
        return gateway + "/auth/dev";
    }

    private String sign(RSAKey key, String issuer, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("intruder")
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(expires))
                .claim("agency", "PROCURATORATE")
                .claim("region", "220000")
                .claim("roles", List.of("ADMIN"))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertRefused(PlatformClient.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().get("type").asString()).startsWith("urn:cn.wildlife:problem:");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void noTokenIsUnauthorized() {
        assertRefused(client.get(gateway + "/api/clues"), 401);
    }

    @Test
    void aForgedSignatureIsRefusedAtTheGatewayAndAtTheService() {
        String token = client.token("forestry-officer");
        String forged = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

        assertRefused(client.get(gateway + "/api/clues", "Authorization", "Bearer " + forged), 401);
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                        "Authorization",
                        "Bearer " + forged),
                401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();

        assertRefused(
                client.get(
                        gateway + "/api/clues",
                        "Authorization",
                        "Bearer " + sign(stranger, issuer(), Instant.now().plusSeconds(600))),
                401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String expired = sign(platformKey, issuer(), Instant.now().minusSeconds(3600));

        PlatformClient.Answer answer = client.get(gateway + "/api/clues", "Authorization", "Bearer " + expired);
        assertRefused(answer, 401);
        assertThat(answer.body().get("detail").asString()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String foreign = sign(
                platformKey,
                "https://issuer.example/realms/other",
                Instant.now().plusSeconds(600));

        assertRefused(client.get(gateway + "/api/clues", "Authorization", "Bearer " + foreign), 401);
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                        "Authorization",
                        "Bearer " + foreign),
                401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("intruder")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("agency", "PROCURATORATE")
                .claim("region", "220000")
                .build();
        String none = new PlainJWT(claims).serialize();

        assertRefused(client.get(gateway + "/api/clues", "Authorization", "Bearer " + none), 401);
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                        "Authorization",
                        "Bearer " + none),
                401);
    }

    @Test
    void spoofedIdentityHeadersChangeNothing() {
        // At least one forestry clue, whichever tests ran before.
        String clueId = PlatformSliceScenarios.newClueId();
        client.publish(Topics.agencyClues(Agency.FORESTRY), PlatformSliceScenarios.forestryClue(clueId));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(client.get(gateway + "/api/clues/" + clueId, client.as("forestry-officer"))
                                        .status())
                                .isEqualTo(200));
        PlatformClient.Answer own = client.get(gateway + "/api/clues?size=200", client.as("forestry-officer"));
        PlatformClient.Answer spoofed = client.get(
                gateway + "/api/clues?size=200",
                client.as(
                        "forestry-officer",
                        "X-Agency",
                        "PROCURATORATE",
                        "X-Region",
                        "220000",
                        "X-Roles",
                        "ADMIN",
                        "X-User",
                        "procurator"));

        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(spoofed.body()
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("agency").asString())
                        .distinct())
                .containsOnly("FORESTRY");
        assertThat(spoofed.body().get("total")).isEqualTo(own.body().get("total"));
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                        "X-Agency",
                        "PROCURATORATE",
                        "X-Region",
                        "220000"),
                401);
    }

    @Test
    void anOversizedBodyIsRefusedAndNothingIsStored() {
        String clueId = "FORESTRY-220112-BIG-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"clueId":"%s","region":"220112","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"%s"}""".formatted(clueId, "大".repeat(600_000));

        assertRefused(client.post(gateway + "/api/clues", body, client.as("forestry-officer")), 413);
        assertThat(client.get(gateway + "/api/clues/" + clueId, client.as("forestry-officer"))
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "FORESTRY%00", "a%20b", "..;", "$where"})
    void pathTricksInIdsAreRefusedWithoutAServerError(String id) {
        PlatformClient.Answer answer = client.get(gateway + "/api/clues/" + id, client.as("forestry-officer"));

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.raw()).doesNotContain("root:", "Exception", "at cn.wildlife");
    }

    @Test
    void theDevelopmentIssuerRefusesAnUnknownUser() {
        assertThat(client.post(gateway + "/auth/dev/token?user=root", "").status())
                .isEqualTo(400);
    }
}
