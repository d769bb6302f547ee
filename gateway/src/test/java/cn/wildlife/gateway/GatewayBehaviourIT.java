package cn.wildlife.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.gateway.signing.SigningKey;
import cn.wildlife.testinfra.TestMongo;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway on its own, in front of stand-in services ({@link GatewayUnderTest}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBehaviourIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private Map<String, Map<String, List<String>>> received;
    private HttpServer services;
    private SigningKey identityProvider;
    private TestMongo store;
    private String base;

    @BeforeAll
    void start() throws Exception {
        GatewayUnderTest running = GatewayUnderTest.get();
        received = running.received;
        services = running.services;
        identityProvider = running.identityProvider;
        store = running.store;
        base = running.base;
    }

    private static int free() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String identityIssuer() {
        return "http://localhost:" + services.getAddress().getPort() + "/auth/test";
    }

    /** An officer's access token of the stand-in identity provider for the platform's audience. */
    private String token(String user) {
        return token(user, "wildlife-platform");
    }

    private String token(String user, String audience) {
        return token(
                user,
                audience,
                user.startsWith("agriculture") ? "AGRICULTURE" : "FORESTRY",
                "220112",
                List.of("OFFICER"));
    }

    /** An administrator's token: {@code Bearer } and the token, of {@code agency} in {@code region}. */
    private String admin(String agency, String region, String... roles) {
        String subject = agency.toLowerCase(Locale.ROOT) + "-" + region + "-" + String.join("+", roles);
        return "Bearer " + token(subject, "wildlife-platform", agency, region, List.of(roles));
    }

    /** The provincial forestry bureau's system administrator. */
    private String systemAdmin() {
        return admin("FORESTRY", "220000", "SYSTEM_ADMIN");
    }

    private String token(String user, String audience, String agency, String region, List<String> roles) {
        Instant now = Instant.now();
        return identityProvider.sign(new JWTClaimsSet.Builder()
                .issuer(identityIssuer())
                .subject(user)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("agency", agency)
                .claim("region", region)
                .claim("roles", roles)
                .build());
    }

    private JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    @Test
    void identityHeadersFromOutsideNeverReachAServiceAndEveryRequestHasAnId() throws Exception {
        HttpResponse<String> response = call(
                "GET",
                "/api/clues",
                "Authorization",
                "Bearer " + token("forestry-officer"),
                "X-Agency",
                "PROCURATORATE",
                "X-Roles",
                "SYSTEM_ADMIN",
                "X-User-Id",
                "someone",
                "X-Request-Id",
                "trace-me-1");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<String>> headers = received.get("clues");
        assertThat(headers.keySet())
                .noneMatch(name -> name.equalsIgnoreCase("X-Agency")
                        || name.equalsIgnoreCase("X-Roles")
                        || name.equalsIgnoreCase("X-User-Id"));
        assertThat(headers.get("X-request-id")).containsExactly("trace-me-1");
        assertThat(headers.get("Authorization")).isNotEmpty();
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-1");
    }

    @Test
    void aServiceThatIsDownAnswers503AndASlowOne504AsProblemsForEveryMethod() throws Exception {
        String auth = "Bearer " + token("forestry-officer");
        for (String method : List.of("GET", "POST", "DELETE")) {
            HttpResponse<String> down = call(method, "/api/facilities", "Authorization", auth);
            assertThat(down.statusCode()).as(method).isEqualTo(503);
            assertThat(problem(down).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:service-unavailable");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
        }
        long started = System.nanoTime();
        HttpResponse<String> slow = call("GET", "/api/deadlines", "Authorization", auth);
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(problem(slow).get("service").asString()).isEqualTo("notification-service");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() throws Exception {
        String auth = "Bearer " + token("agriculture-officer");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = call("GET", "/api/clues", "Authorization", auth);
            statuses.add(last.statusCode());
        }

        assertThat(statuses).contains(200, 429);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem(last).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:rate-limited");
        // Another client is not affected.
        assertThat(call("GET", "/api/clues", "Authorization", "Bearer " + token("forestry-officer"))
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * A client that reuses its connection and sends its next request before the gateway has finished with the one
     * before (pipelining, or a keep-alive client that is just quick) must get every answer. With Reactor Netty 1.3.6
     * the gateway stopped reading such a connection after a queued request that was answered at once: the next
     * request waited until the client gave up. Here the first request is proxied (answered later), the second,
     * queued behind it, has no token (answered at once, 401), and the third comes after both answers.
     */
    @Test
    void aConnectionThatSendsItsNextRequestEarlyIsStillServed() throws Exception {
        String proxied = "GET /api/clues HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token("forestry-officer") + "\r\n\r\n";
        String refused = "GET /api/clues HTTP/1.1\r\nHost: localhost\r\n\r\n";
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            out.write((proxied + refused).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusOf(in)).isEqualTo(200);
            assertThat(statusOf(in)).isEqualTo(401);

            out.write(proxied.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusOf(in))
                    .as("the third request on the connection is answered")
                    .isEqualTo(200);
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body off the stream and returns its status. */
    private static int statusOf(BufferedInputStream in) throws Exception {
        String status = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        header.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(BufferedInputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed after " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void anUnknownPathAndAMissingTokenAreProblemsToo() throws Exception {
        HttpResponse<String> unknown =
                call("GET", "/api/nothing-here", "Authorization", "Bearer " + token("forestry-officer"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).get("status").asInt()).isEqualTo(404);

        HttpResponse<String> anonymous = call("GET", "/api/clues");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:unauthenticated");
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPartnerSystemsApiKeyIsIssuedOnceStoredHashedScopedAndRevocable() throws Exception {
        String admin = admin("PUBLIC_SECURITY", "220100", "SYSTEM_ADMIN");
        String security = admin("PUBLIC_SECURITY", "220100", "SECURITY_ADMIN");
        HttpResponse<String> issued = send("POST", "/api/api-keys", """
                {"name":"公安局执法办案系统","agency":"PUBLIC_SECURITY","region":"220112","operations":["READ"]}""", "Authorization", admin);
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode answer = json.readTree(issued.body());
        String apiKey = answer.get("apiKey").asString();
        String id = answer.get("key").get("id").asString();
        assertThat(apiKey).startsWith("wlk_" + id + "_");

        HttpResponse<String> read = call("GET", "/api/clues", "X-API-Key", apiKey);
        assertThat(read.statusCode()).isEqualTo(200);
        Map<String, List<String>> headers = received.get("clues");
        assertThat(headers.keySet()).noneMatch(name -> name.equalsIgnoreCase("X-API-Key"));
        String forwarded = headers.get("Authorization").get(0).substring("Bearer ".length());
        JsonNode claims =
                json.readTree(java.util.Base64.getUrlDecoder().decode(forwarded.split("\\.")[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(base + "/auth/gateway");
        assertThat(claims.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(claims.get("region").asString()).isEqualTo("220112");
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("PARTNER_SYSTEM");

        HttpResponse<String> write = send("POST", "/api/clues", "{}", "X-API-Key", apiKey);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(problem(write).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:api-key-read-only");

        String listed = call("GET", "/api/api-keys", "Authorization", admin).body();
        assertThat(listed)
                .contains(id, "lastUsedAt")
                .doesNotContain(apiKey.substring(apiKey.lastIndexOf('_') + 1))
                .doesNotContain("secretHash");

        String wrongSecret = apiKey.substring(0, apiKey.length() - 4) + "AAAA";
        assertThat(call("GET", "/api/clues", "X-API-Key", wrongSecret).statusCode())
                .isEqualTo(401);
        assertThat(call("DELETE", "/api/api-keys/" + id, "Authorization", security)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = call("GET", "/api/clues", "X-API-Key", apiKey);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(problem(revoked).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:unauthenticated");
    }

    @Test
    void onlyASystemAdministratorIssuesKeysAndBadRequestsNameTheirFields() throws Exception {
        String request = """
                {"name":"x","agency":"FORESTRY","region":"220112","operations":["READ"]}""";
        for (String other : List.of(
                "Bearer " + token("forestry-officer"),
                admin("FORESTRY", "220000", "SECURITY_ADMIN"),
                admin("FORESTRY", "220000", "AUDIT_ADMIN"))) {
            HttpResponse<String> refused = send("POST", "/api/api-keys", request, "Authorization", other);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(problem(refused).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:missing-role");
        }
        assertThat(call("GET", "/api/api-keys", "Authorization", admin("FORESTRY", "220000", "AUDIT_ADMIN"))
                        .statusCode())
                .as("the audit administrator has nothing to do with keys")
                .isEqualTo(403);

        HttpResponse<String> bad = send("POST", "/api/api-keys", """
                {"name":"","agency":"ZOO","region":"22","operations":[]}""", "Authorization", systemAdmin());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problem(bad)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("agency", "name", "operations", "region");
    }

    @Test
    void aSystemAdministratorIssuesKeysOnlyForTheirOwnAgencyWithinTheirRegion() throws Exception {
        String county = admin("FORESTRY", "220112", "SYSTEM_ADMIN");

        HttpResponse<String> otherAgency = send("POST", "/api/api-keys", """
                {"name":"公安系统","agency":"PUBLIC_SECURITY","region":"220112","operations":["READ"]}""", "Authorization", county);
        assertThat(otherAgency.statusCode()).isEqualTo(403);
        JsonNode agencyProblem = problem(otherAgency);
        assertThat(agencyProblem.get("type").asString())
                .isEqualTo("urn:cn.wildlife:problem:api-key-outside-issuer-scope");
        assertThat(agencyProblem
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("agency");

        HttpResponse<String> sibling =
                send("POST", "/api/api-keys", """
                {"name":"农安林草系统","agency":"FORESTRY","region":"220122","operations":["READ"]}""", "Authorization", county, "Accept-Language", "zh-CN");
        assertThat(sibling.statusCode()).isEqualTo(403);
        JsonNode regionProblem = problem(sibling);
        assertThat(regionProblem
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("region");
        assertThat(regionProblem.get("detail").asString()).contains("220122", "不在您的辖区");

        HttpResponse<String> city = send("POST", "/api/api-keys", """
                {"name":"长春林草系统","agency":"FORESTRY","region":"220100","operations":["READ"]}""", "Authorization", county);
        assertThat(city.statusCode()).as("the county's own city is above it").isEqualTo(403);

        HttpResponse<String> own = send("POST", "/api/api-keys", """
                {"name":"双阳林草系统","agency":"FORESTRY","region":"220112","operations":["READ"]}""", "Authorization", county);
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(json.readTree(own.body()).get("key").get("createdBy").asString())
                .isEqualTo("forestry-220112-SYSTEM_ADMIN");
    }

    @Test
    void theSecurityAdministratorNarrowsAndRevokesKeysWithinTheirRegionAndNeverWidensOne() throws Exception {
        HttpResponse<String> issued = send(
                "POST", "/api/api-keys", """
                {"name":"长春市场监管系统","agency":"MARKET_SUPERVISION","region":"220100","operations":["READ","WRITE"]}""", "Authorization", admin("MARKET_SUPERVISION", "220100", "SYSTEM_ADMIN"));
        assertThat(issued.statusCode()).isEqualTo(201);
        String apiKey = json.readTree(issued.body()).get("apiKey").asString();
        String id = json.readTree(issued.body()).get("key").get("id").asString();
        String security = admin("FORESTRY", "220100", "SECURITY_ADMIN");
        String elsewhere = admin("FORESTRY", "220200", "SECURITY_ADMIN");
        String narrowToRead = """
                {"operations":["READ"]}""";

        assertThat(listedIds(security)).as("every agency's keys in the region").contains(id);
        assertThat(listedIds(elsewhere)).doesNotContain(id);
        assertThat(listedIds(admin("FORESTRY", "220100", "SYSTEM_ADMIN")))
                .as("a system administrator sees their own agency's keys")
                .doesNotContain(id);
        assertThat(send("PATCH", "/api/api-keys/" + id, narrowToRead, "Authorization", elsewhere)
                        .statusCode())
                .as("another city's security administrator does not find it")
                .isEqualTo(404);
        assertThat(call("DELETE", "/api/api-keys/" + id, "Authorization", elsewhere)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> bySystem = call(
                "DELETE",
                "/api/api-keys/" + id,
                "Authorization",
                admin("MARKET_SUPERVISION", "220100", "SYSTEM_ADMIN"));
        assertThat(bySystem.statusCode()).isEqualTo(403);
        assertThat(problem(bySystem).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:missing-role");

        HttpResponse<String> narrowed = send("PATCH", "/api/api-keys/" + id, narrowToRead, "Authorization", security);
        assertThat(narrowed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(narrowed.body())
                        .get("operations")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("READ");
        HttpResponse<String> write = send("POST", "/api/clues", "{}", "X-API-Key", apiKey);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(problem(write).get("type").asString()).isEqualTo("urn:cn.wildlife:problem:api-key-read-only");

        HttpResponse<String> widened = send("PATCH", "/api/api-keys/" + id, """
                {"operations":["READ","WRITE"],"region":"220000"}""", "Authorization", security);
        assertThat(widened.statusCode()).isEqualTo(403);
        JsonNode widenedProblem = problem(widened);
        assertThat(widenedProblem.get("type").asString()).isEqualTo("urn:cn.wildlife:problem:api-key-scope-widened");
        assertThat(widenedProblem
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("operations", "region");

        assertThat(send("PATCH", "/api/api-keys/" + id, """
                {"region":"220112"}""", "Authorization", security)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/clues", "X-API-Key", apiKey).statusCode()).isEqualTo(200);
        String forwarded = received.get("clues").get("Authorization").get(0).substring("Bearer ".length());
        assertThat(json.readTree(java.util.Base64.getUrlDecoder()
                                .decode(forwarded.split("\\.")[1]))
                        .get("region")
                        .asString())
                .isEqualTo("220112");

        assertThat(call("DELETE", "/api/api-keys/" + id, "Authorization", security)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/clues", "X-API-Key", apiKey).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenHoldingTwoAdministratorsRolesIsRefusedEveryAdministrativeAction() throws Exception {
        String both = admin("FORESTRY", "220000", "SYSTEM_ADMIN", "SECURITY_ADMIN");

        HttpResponse<String> issue = send("POST", "/api/api-keys", """
                {"name":"x","agency":"FORESTRY","region":"220112","operations":["READ"]}""", "Authorization", both);
        assertThat(issue.statusCode()).isEqualTo(403);
        JsonNode refused = problem(issue);
        assertThat(refused.get("type").asString()).isEqualTo("urn:cn.wildlife:problem:administrator-roles-combined");
        assertThat(refused.get("detail").asString()).contains("SECURITY_ADMIN", "SYSTEM_ADMIN", "三员分立");
        assertThat(call("GET", "/api/api-keys", "Authorization", both).statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", "/api/api-keys/0123456789abcdef", "Authorization", both)
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", "Authorization", both).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/actuator/gateway/routes", "Authorization", both)
                        .statusCode())
                .isEqualTo(403);
        assertThat(json.readTree(call("GET", "/actuator/health", "Authorization", both)
                                .body())
                        .has("components"))
                .isFalse();
    }

    private List<String> listedIds(String authorization) throws Exception {
        HttpResponse<String> listed = call("GET", "/api/api-keys", "Authorization", authorization);
        assertThat(listed.statusCode()).isEqualTo(200);
        return json.readTree(listed.body())
                .valueStream()
                .map(key -> key.get("id").asString())
                .toList();
    }

    @Test
    void theRoutesExist() throws Exception {
        assertThat(call("GET", "/actuator/gateway/routes", "Authorization", "Bearer " + token("forestry-officer"))
                        .statusCode())
                .as("officers do not read the routes")
                .isEqualTo(403);
        assertThat(call("POST", "/actuator/gateway/refresh", "Authorization", systemAdmin())
                        .statusCode())
                .as("nobody changes the routes at run time")
                .isIn(403, 404, 405);
        JsonNode routes = json.readTree(call("GET", "/actuator/gateway/routes", "Authorization", systemAdmin())
                .body());
        assertThat(routes.valueStream().map(r -> r.get("route_id").asString()))
                .contains("case-service", "notification-service", "inspection-service", "case-service-api-docs");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        HttpResponse<String> refused =
                call("GET", "/api/clues", "Authorization", "Bearer " + token("forestry-officer", "another-app"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(problem(refused).get("status").asInt()).isEqualTo(401);
    }

    /** What the GatewaySlowRoute alert reads: a route's time in a few histogram buckets, 2 s among them. */
    @Test
    void aRoutesTimeIsExportedInHistogramBucketsWithTheServicesCommonTags() throws Exception {
        assertThat(call("GET", "/api/clues", "Authorization", "Bearer " + token("forestry-officer"))
                        .statusCode())
                .isEqualTo(200);

        String metrics = call("GET", "/actuator/prometheus", "Authorization", systemAdmin())
                .body();
        List<String> buckets = metrics.lines()
                .filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_bucket{")
                        && line.contains("routeId=\"case-service\"")
                        && line.contains("httpStatusCode=\"200\""))
                .toList();
        assertThat(buckets)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("application=\"gateway\"", "platform=\"wildlife\""));
        List<String> bounds = buckets.stream()
                .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .distinct()
                .toList();
        assertThat(bounds).hasSize(11).contains("+Inf");
        assertThat(bounds.stream().filter(b -> !b.equals("+Inf")).map(Double::parseDouble))
                .contains(2.0, 15.0);
    }

    @Test
    void metricsAndHealthDetailsAreNotPublic() throws Exception {
        assertThat(call("GET", "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", "Authorization", "Bearer " + token("forestry-officer"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", "Authorization", systemAdmin())
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", "Authorization", admin("FORESTRY", "220000", "METRICS_SCRAPER"))
                        .statusCode())
                .isEqualTo(200);
        for (String other : List.of("SECURITY_ADMIN", "AUDIT_ADMIN")) {
            assertThat(call("GET", "/actuator/prometheus", "Authorization", admin("FORESTRY", "220000", other))
                            .statusCode())
                    .as(other)
                    .isEqualTo(403);
        }
        HttpResponse<String> health = call("GET", "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).has("components")).isFalse();
        assertThat(json.readTree(call("GET", "/actuator/health", "Authorization", systemAdmin())
                                .body())
                        .has("components"))
                .isTrue();
        assertThat(json.readTree(call(
                                        "GET",
                                        "/actuator/health",
                                        "Authorization",
                                        admin("FORESTRY", "220000", "AUDIT_ADMIN"))
                                .body())
                        .has("components"))
                .isFalse();
        assertThat(call("GET", "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAnIdentityProviderTheGatewayRefusesToStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayApplication.builder()
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.profiles.active=prod",
                                "--platform.gateway.api-keys.mongodb-uri=" + store.uri("gateway")))
                .hasStackTraceContaining("No identity provider is configured: set PLATFORM_TOKEN_ISSUER");
    }

    @Test
    void theGatewayHasNoDevelopmentIssuer() throws Exception {
        assertThat(call("POST", "/auth/dev/token?user=system-admin").statusCode())
                .isEqualTo(401);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Class.forName("cn.wildlife.gateway.devtoken.DevIssuerConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
