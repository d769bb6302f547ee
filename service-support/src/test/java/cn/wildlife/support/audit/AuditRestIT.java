package cn.wildlife.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.audit.AuditTrail;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import cn.wildlife.testinfra.TokenIssuer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service with service-support's audit, through REST against a real store: a write, a denial and a read of a
 * reporter's identity are recorded without the controller doing anything; the audit administrator finds them and
 * verifies the chain, and sees the entry changed in the store reported; the system administrator reads nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditRestIT {

    private static final String DATABASE = "audit-rest";
    private static final String REPORTER_NAME = "张三丰";

    static TestMongo store;
    static MongoClient mongo;
    static TokenIssuer issuer;
    static ConfigurableApplicationContext service;
    static String base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        mongo = MongoClients.create(store.uri(DATABASE));
        int issuerPort = FreePorts.pick();
        issuer = new TokenIssuer(issuerPort);
        String issuerUri = "http://localhost:" + issuerPort + "/auth/dev";
        service = new SpringApplicationBuilder(AuditedService.class)
                .run(
                        "--server.port=0",
                        "--spring.application.name=audited-service",
                        "--spring.main.banner-mode=off",
                        "--spring.config.import=classpath:platform-service-defaults.yml",
                        "--spring.mongodb.uri=" + store.uri(DATABASE),
                        "--spring.kafka.bootstrap-servers=localhost:" + FreePorts.pick(),
                        "--platform.outbox.enabled=false",
                        "--platform.audit.personal-reads=/api/things/*/reporter,/api/things/*/parties",
                        "--PLATFORM_TOKEN_ISSUER=" + issuerUri,
                        "--PLATFORM_JWK_SET_URI=" + issuerUri + "/jwks.json",
                        "--PLATFORM_GATEWAY_ISSUER=" + issuerUri,
                        "--PLATFORM_GATEWAY_JWK_SET_URI=" + issuerUri + "/jwks.json");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        base = "http://localhost:" + port;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        mongo.close();
        store.close();
    }

    @Test
    @Order(1)
    void writesDenialsAndPersonalReadsAreRecordedWithoutTheControllerAskingAndTheChainVerifies() throws Exception {
        assertThat(send("POST", "/api/things", officer(), "write-1").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/things/T-7/approval", officer(), "deny-1").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/things/T-7/reporter", officer(), "read-1").body())
                .contains(REPORTER_NAME);
        assertThat(send("GET", "/api/things/T-7/reporter", null, "anonymous-1").statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/things/T-8/parties", officer(), "read-2").statusCode())
                .isEqualTo(200);
        // An ordinary read is not recorded.
        assertThat(send("GET", "/api/things/T-7", officer(), "plain-1").statusCode())
                .isEqualTo(200);

        HttpResponse<String> answer = send("GET", "/api/audit", auditor(), "audit-1");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> entries = json.readTree(answer.body()).valueStream().toList();
        assertThat(entries)
                .extracting(e -> e.get("requestId").asString())
                .containsExactly("read-2", "anonymous-1", "read-1", "deny-1", "write-1");
        JsonNode write = entry(entries, "write-1");
        assertThat(write.get("action").asString()).isEqualTo("WRITE");
        assertThat(write.get("subject").asString()).isEqualTo("officer-1");
        assertThat(write.get("agency").asString()).isEqualTo("FORESTRY");
        assertThat(write.get("recordKind").asString()).isEqualTo("things");
        assertThat(write.get("recordId").asString()).isEqualTo("T-1");
        assertThat(write.get("door").asString()).isEqualTo("REST");
        assertThat(write.get("method").asString()).isEqualTo("POST");
        assertThat(write.get("status").asInt()).isEqualTo(201);
        assertThat(entry(entries, "deny-1").get("action").asString()).isEqualTo("DENIAL");
        assertThat(entry(entries, "deny-1").get("status").asInt()).isEqualTo(403);
        assertThat(entry(entries, "anonymous-1").get("action").asString()).isEqualTo("DENIAL");
        assertThat(entry(entries, "anonymous-1").get("subject").asString()).isEqualTo("anonymous");
        // Recorded once, by the controller, with the owner and why it was allowed.
        JsonNode read = entry(entries, "read-1");
        assertThat(read.get("action").asString()).isEqualTo("PERSONAL_READ");
        assertThat(read.get("recordKind").asString()).isEqualTo("thing-reporter");
        assertThat(read.get("recordId").asString()).isEqualTo("T-7");
        assertThat(read.get("owner").asString()).isEqualTo("FORESTRY");
        assertThat(read.get("grant").asString()).isEqualTo("OWN_AGENCY");
        assertThat(read.get("path").asString()).isEqualTo("/api/things/T-7/reporter");
        JsonNode parties = entry(entries, "read-2");
        assertThat(parties.get("action").asString()).isEqualTo("PERSONAL_READ");
        assertThat(parties.get("recordKind").asString()).isEqualTo("things");
        assertThat(parties.get("recordId").asString()).isEqualTo("T-8");
        assertThat(parties.get("status").asInt()).isEqualTo(200);

        JsonNode verification = json.readTree(
                send("GET", "/api/audit/verification", auditor(), "verify-1").body());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        // The five above, and the audit read before this verification.
        assertThat(verification.get("entries").asLong()).isEqualTo(6);

        // No personal value is in the trail: bodies are never recorded.
        assertThat(trail().find().into(new java.util.ArrayList<>()).toString()).doesNotContain(REPORTER_NAME);
    }

    @Test
    @Order(2)
    void searchNarrowsByActionSubjectAndRecord() throws Exception {
        List<JsonNode> denials = json.readTree(
                        send("GET", "/api/audit?action=DENIAL", auditor(), null).body())
                .valueStream()
                .toList();
        assertThat(denials)
                .extracting(e -> e.get("action").asString())
                .containsOnly("DENIAL")
                .hasSize(2);
        List<JsonNode> ofT1 = json.readTree(send("GET", "/api/audit?recordId=T-1&subject=officer-1", auditor(), null)
                        .body())
                .valueStream()
                .toList();
        assertThat(ofT1)
                .singleElement()
                .satisfies(e -> assertThat(e.get("action").asString()).isEqualTo("WRITE"));
        assertThat(send("GET", "/api/audit?from=yesterday", auditor(), null).statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(3)
    void theSystemAdministratorCannotReadTheAuditAndTheSecurityAdministratorReadsOnlyAuditReads() throws Exception {
        assertThat(send("GET", "/api/audit", systemAdministrator(), null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/audit/verification", systemAdministrator(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/audit/verification", securityAdministrator(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/audit?action=WRITE", securityAdministrator(), null)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> reviewed = send("GET", "/api/audit", securityAdministrator(), null);
        assertThat(reviewed.statusCode()).isEqualTo(200);
        List<JsonNode> entries = json.readTree(reviewed.body()).valueStream().toList();
        assertThat(entries).isNotEmpty();
        assertThat(entries).extracting(e -> e.get("action").asString()).containsOnly("AUDIT_READ");
        assertThat(entries).extracting(e -> e.get("subject").asString()).contains("auditor-1");
        // The refusals were recorded as denials.
        assertThat(trail().countDocuments(
                                Filters.and(Filters.eq("action", "DENIAL"), Filters.eq("subject", "sysadmin-1"))))
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void anEntryChangedInTheStoreIsReportedAsTheFirstBrokenLink() throws Exception {
        Document write = trail().find(Filters.eq("requestId", "write-1")).first();
        trail().updateOne(Filters.eq("_id", write.get("_id")), Updates.set("subject", "somebody-else"));

        HttpResponse<String> answer = send("GET", "/api/audit/verification", auditor(), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode verification = json.readTree(answer.body());
        assertThat(verification.get("intact").asBoolean()).isFalse();
        JsonNode broken = verification.get("brokenLink");
        assertThat(broken.get("sequence").asLong()).isEqualTo(((Number) write.get("_id")).longValue());
        assertThat(broken.get("reason").asString()).isEqualTo("ALTERED");
        assertThat(broken.get("expectedHash").asString()).isEqualTo(write.getString("hash"));
        assertThat(broken.get("foundHash").asString()).isNotEqualTo(write.getString("hash"));
    }

    private MongoCollection<Document> trail() {
        return mongo.getDatabase(DATABASE).getCollection(AuditTrail.COLLECTION);
    }

    private static JsonNode entry(List<JsonNode> entries, String requestId) {
        return entries.stream()
                .filter(e -> e.has("requestId") && e.get("requestId").asString().equals(requestId))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String requestId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{\"reporter\":\"" + REPORTER_NAME + "\"}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String officer() {
        return token("officer-1", List.of("OFFICER"));
    }

    private static String auditor() {
        return token("auditor-1", List.of("AUDIT_ADMIN"));
    }

    private static String systemAdministrator() {
        return token("sysadmin-1", List.of("SYSTEM_ADMIN"));
    }

    private static String securityAdministrator() {
        return token("secadmin-1", List.of("SECURITY_ADMIN"));
    }

    private static String token(String subject, List<String> roles) {
        return issuer.token(subject, subject, "FORESTRY", "220102", roles, Duration.ofMinutes(10));
    }

    /** A service with service-support and one controller that knows nothing of the audit. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class AuditedService {}

    @RestController
    static class ThingController {

        private final Access access;

        ThingController(Access access) {
            this.access = access;
        }

        @PostMapping("/api/things")
        ResponseEntity<Map<String, String>> create(Caller caller) {
            access.requireReader(caller);
            return ResponseEntity.created(URI.create("/api/things/T-1")).body(Map.of("id", "T-1"));
        }

        @PostMapping("/api/things/{id}/approval")
        Map<String, String> approve(Caller caller, @PathVariable String id) {
            access.requireRole(caller, Role.AGENCY_HEAD);
            return Map.of("id", id);
        }

        @GetMapping("/api/things/{id}")
        Map<String, String> read(Caller caller, @PathVariable String id) {
            access.requireReader(caller);
            return Map.of("id", id);
        }

        /** As a clue's reporter: the controller records the read itself, with the owner. */
        @GetMapping("/api/things/{id}/reporter")
        Map<String, String> reporter(Caller caller, @PathVariable String id) {
            access.requireReader(caller);
            access.auditConfidentialRead(caller, "thing-reporter", id, caller.agency());
            return Map.of("id", id, "name", REPORTER_NAME);
        }

        /** Personal data the controller does not record: the configured path alone has it recorded. */
        @GetMapping("/api/things/{id}/parties")
        Map<String, String> parties(Caller caller, @PathVariable String id) {
            access.requireReader(caller);
            return Map.of("id", id, "name", REPORTER_NAME);
        }
    }
}
