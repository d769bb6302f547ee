package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import com.nimbusds.jose.JOSEObjectType;
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

    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

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

    /** An access token for the platform but for what each test changes: this one's key, issuer or expiry. */
    private String sign(RSAKey key, String issuer, Instant expires) throws Exception {
        return sign(
                key,
                AT_JWT,
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("intruder")
                        .audience("wildlife-platform")
                        .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(expires))
                        .claim("agency", "PROCURATORATE")
                        .claim("region", "220000")
                        .claim("roles", List.of("SYSTEM_ADMIN"))
                        .build());
    }

    private static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(type)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * A token signed by the platform's issuer for a forestry officer in 双阳区, valid ten minutes: {@code typ} header
     * and claim, audience and roles as each test needs.
     */
    private String officer(JOSEObjectType header, String typClaim, String audience, List<String> roles)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("officer-" + UUID.randomUUID())
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("agency", "FORESTRY")
                .claim("region", "220112")
                .claim("roles", roles);
        if (audience != null) {
            claims.audience(audience);
        }
        if (typClaim != null) {
            claims.claim("typ", typClaim);
        }
        return sign(platformKey, header, claims.build());
    }

    private void assertRefusedEverywhere(String token, int status) {
        assertRefused(client.get(gateway + "/api/clues", "Authorization", "Bearer " + token), status);
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/clues",
                        "Authorization",
                        "Bearer " + token),
                status);
    }

    @Test
    void anIdTokenIsRefusedAtTheGatewayAndAtTheService() throws Exception {
        // Keycloak's ID token: typ header JWT, typ claim ID, the client as its audience.
        assertRefusedEverywhere(officer(JOSEObjectType.JWT, "ID", "wildlife-platform", List.of("OFFICER")), 401);
        // A JWT that does not say what it is.
        assertRefusedEverywhere(officer(JOSEObjectType.JWT, null, "wildlife-platform", List.of("OFFICER")), 401);
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() throws Exception {
        assertRefusedEverywhere(officer(AT_JWT, null, "another-system", List.of("OFFICER")), 401);
        assertRefusedEverywhere(officer(AT_JWT, null, null, List.of("OFFICER")), 401);
    }

    @Test
    void aKeycloakStyleAccessTokenForThePlatformIsAccepted() throws Exception {
        String token = officer(JOSEObjectType.JWT, "Bearer", "wildlife-platform", List.of("OFFICER"));

        assertThat(client.get(gateway + "/api/clues", "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutAnOfficersRoleReadsNothing() throws Exception {
        String roleless = officer(AT_JWT, null, "wildlife-platform", List.of());
        for (String path : List.of("/api/clues", "/api/cases", "/api/links", "/api/deadlines", "/api/facilities")) {
            assertRefused(client.get(gateway + path, "Authorization", "Bearer " + roleless), 403);
        }
        assertRefused(
                client.get(
                        SharedPlatform.platform().serviceUrl("case-service") + "/api/cases",
                        "Authorization",
                        "Bearer " + roleless),
                403);
        // An administrator administers; it does not read agencies' records.
        assertRefused(client.get(gateway + "/api/clues", client.as("system-admin")), 403);
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
                        "SYSTEM_ADMIN",
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
