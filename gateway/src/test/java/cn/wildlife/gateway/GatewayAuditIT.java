package cn.wildlife.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.audit.AuditTrail;
import cn.wildlife.gateway.signing.SigningKey;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own audit trail: API-key changes chained in its database before the answer, read and verified by the
 * audit administrator, a change made in the store found by the verification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayAuditIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private SigningKey identityProvider;
    private String identityIssuer;
    private MongoClient client;
    private String base;

    @BeforeAll
    void start() throws Exception {
        GatewayUnderTest running = GatewayUnderTest.get();
        identityProvider = running.identityProvider;
        identityIssuer = running.identityIssuer();
        base = running.base;
        client = MongoClients.create(running.store.uri(GatewayUnderTest.DATABASE));
    }

    @AfterAll
    void stop() {
        client.close();
    }

    @Test
    void keyChangesAreChainedReadByTheAuditorAndAChangedEntryBreaksTheChain() throws Exception {
        String system = admin("FORESTRY", "220000", "SYSTEM_ADMIN");
        String security = admin("FORESTRY", "220000", "SECURITY_ADMIN");
        String auditor = admin("FORESTRY", "220000", "AUDIT_ADMIN");

        HttpResponse<String> issued = send("POST", "/api/api-keys", """
                {"name":"吉林省林草执法系统","agency":"FORESTRY","region":"220100","operations":["READ","WRITE"]}""", system, "issue-1");
        assertThat(issued.statusCode()).isEqualTo(201);
        String id = json.readTree(issued.body()).get("key").get("id").asString();
        String secret = json.readTree(issued.body()).get("apiKey").asString();
        assertThat(send("PATCH", "/api/api-keys/" + id, """
                        {"operations":["READ"]}""", security, "narrow-1")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/api-keys/" + id, null, security, "revoke-1")
                        .statusCode())
                .isEqualTo(204);

        JsonNode entries = read("/api/audit/gateway?recordId=" + id, auditor);
        assertThat(entries.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("KEY_CHANGE", "KEY_CHANGE", "KEY_CHANGE");
        assertThat(entries.valueStream().map(e -> e.get("method").asString()))
                .as("newest first")
                .containsExactly("DELETE", "PATCH", "POST");
        assertThat(entries.valueStream().map(e -> e.get("status").asInt())).containsExactly(204, 200, 201);
        assertThat(entries.valueStream().map(e -> e.get("requestId").asString()))
                .containsExactly("revoke-1", "narrow-1", "issue-1");
        JsonNode revoke = entries.get(0);
        assertThat(revoke.get("subject").asString()).isEqualTo("forestry-220000-SECURITY_ADMIN");
        assertThat(revoke.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(revoke.get("region").asString()).isEqualTo("220000");
        assertThat(revoke.get("roles").valueStream().map(JsonNode::asString)).containsExactly("SECURITY_ADMIN");
        assertThat(revoke.get("recordKind").asString()).isEqualTo("api-keys");
        assertThat(revoke.get("owner").asString()).isEqualTo("FORESTRY");
        assertThat(revoke.get("door").asString()).isEqualTo("REST");
        assertThat(revoke.get("path").asString()).isEqualTo("/api/api-keys/" + id);
        assertThat(entries.get(2).get("subject").asString()).isEqualTo("forestry-220000-SYSTEM_ADMIN");
        assertThat(entries.get(2).get("owner").asString()).isEqualTo("FORESTRY");

        // Refused attempts are recorded too: a denial, and an invalid request with its outcome.
        assertThat(send("DELETE", "/api/api-keys/" + id, null, system, "refused-1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/api-keys", "{\"agency\":\"FORESTRY\"}", system, "invalid-1")
                        .statusCode())
                .isEqualTo(400);
        JsonNode denials = read("/api/audit/gateway?action=DENIAL", auditor);
        assertThat(denials.valueStream().map(e -> e.get("requestId").asString()))
                .contains("refused-1");
        JsonNode changes = read("/api/audit/gateway?action=KEY_CHANGE&size=1", auditor);
        assertThat(changes.get(0).get("requestId").asString()).isEqualTo("invalid-1");
        assertThat(changes.get(0).get("status").asInt()).isEqualTo(400);

        List<Document> stored = trail().find().into(new java.util.ArrayList<>());
        assertThat(stored.toString()).doesNotContain(secret.substring(secret.lastIndexOf('_') + 1));
        assertThat(read("/api/audit/gateway?action=AUDIT_READ", auditor)
                        .valueStream()
                        .map(e -> e.get("path").asString()))
                .as("the reads of the trail are themselves recorded")
                .contains("/api/audit/gateway");

        long kept = trail().countDocuments();
        JsonNode intact = read("/api/audit/gateway/verification", auditor);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(kept);

        long narrowed = trail().find(Filters.eq("requestId", "narrow-1"))
                .first()
                .get("_id", Number.class)
                .longValue();
        trail().updateOne(Filters.eq("_id", narrowed), Updates.set("agency", "PUBLIC_SECURITY"));

        JsonNode broken = read("/api/audit/gateway/verification", auditor);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("brokenLink").get("sequence").asLong()).isEqualTo(narrowed);
        assertThat(broken.get("brokenLink").get("reason").asString()).isEqualTo("ALTERED");
    }

    @Test
    void onlyTheAuditAdministratorReadsTheTrailAndTheSecurityAdministratorItsAuditReads() throws Exception {
        HttpResponse<String> bySystem =
                call("/api/audit/gateway", admin("FORESTRY", "220000", "SYSTEM_ADMIN"), "read-denied-1");
        assertThat(bySystem.statusCode()).isEqualTo(403);
        assertThat(json.readTree(bySystem.body()).get("type").asString())
                .isEqualTo("urn:cn.wildlife:problem:missing-role");
        assertThat(call("/api/audit/gateway/verification", admin("FORESTRY", "220000", "SECURITY_ADMIN"), "v-1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("/api/audit/gateway?action=KEY_CHANGE", admin("FORESTRY", "220000", "SECURITY_ADMIN"), "s-1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("/api/audit/gateway", admin("FORESTRY", "220000", "AUDIT_ADMIN", "SECURITY_ADMIN"), "c-1")
                        .statusCode())
                .as("two administrators' roles in one token")
                .isEqualTo(403);
        HttpResponse<String> bad =
                call("/api/audit/gateway?from=yesterday&size=0", admin("FORESTRY", "220000", "AUDIT_ADMIN"), "b-1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body())
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("from", "size");

        JsonNode reads = read("/api/audit/gateway", admin("FORESTRY", "220000", "SECURITY_ADMIN"));
        assertThat(reads.valueStream().map(e -> e.get("action").asString())).containsOnly("AUDIT_READ");
        assertThat(read("/api/audit/gateway?action=DENIAL", admin("FORESTRY", "220000", "AUDIT_ADMIN"))
                        .valueStream()
                        .map(e -> e.get("requestId").asString()))
                .contains("read-denied-1", "v-1", "s-1", "c-1");
    }

    private com.mongodb.client.MongoCollection<Document> trail() {
        return client.getDatabase(GatewayUnderTest.DATABASE).getCollection(AuditTrail.COLLECTION);
    }

    private JsonNode read(String path, String authorization) throws Exception {
        HttpResponse<String> response = call(path, authorization, "read-" + System.nanoTime());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(String path, String authorization, String requestId) throws Exception {
        return send("GET", path, null, authorization, requestId);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization, String requestId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization)
                .header("X-Request-Id", requestId)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An administrator's token: {@code Bearer } and the token, of {@code agency} in {@code region}. */
    private String admin(String agency, String region, String... roles) {
        Instant now = Instant.now();
        String subject = agency.toLowerCase(Locale.ROOT) + "-" + region + "-" + String.join("+", roles);
        return "Bearer "
                + identityProvider.sign(new JWTClaimsSet.Builder()
                        .issuer(identityIssuer)
                        .subject(subject)
                        .audience("wildlife-platform")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .claim("agency", agency)
                        .claim("region", region)
                        .claim("roles", List.of(roles))
                        .build());
    }
}
