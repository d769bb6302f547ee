package cn.wildlife.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console signs people in at the platform's identity provider, as it does in production (Keycloak in compose):
 * OpenID Connect's authorization code flow with PKCE, the console a public client. The provider is a real OIDC server
 * on a port of its own (mock-oauth2-server: discovery, its sign-in page, code, token and end-session endpoints, PKCE
 * checked, CORS), another origin than the gateway's; the gateway trusts its keys and nothing else. In Debian's
 * headless Chromium a forestry officer opens a console page, is sent to the provider, signs in there and comes back
 * to the page she asked for, with the provider's token sent on her API calls and kept in no web storage; signing out
 * ends the provider's session too. Screenshots go to {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String ISSUER_ID = "wildlife";
    static final String OFFICER_NAME = "林草执法员（双阳区）";

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> bearerTokens = new CopyOnWriteArrayList<>();
    private MockOAuth2Server identityProvider;
    private HttpServer services;
    private TestMongo store;
    private ConfigurableApplicationContext gateway;
    private ChromeDriver driver;
    private String base;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleSignInIT needs Debian's headless Chromium and its driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver): apt-get install chromium chromium-driver");
        // Keycloak's shape of an access token: typ claim Bearer, the platform's audience; the sign-in page's claims
        // (agency, region, roles, name) are the user's attributes.
        var tokens = new DefaultOAuth2TokenCallback(
                ISSUER_ID, "unused", "JWT", List.of("wildlife-platform"), Map.of("typ", "Bearer"), 300);
        // Its Netty server (the one Spring uses too), not OkHttp's MockWebServer, whose version Spring Boot's BOM pins.
        identityProvider = new MockOAuth2Server(new OAuth2Config(
                true, null, null, false, new OAuth2TokenProvider(), java.util.Set.of(tokens), new NettyWrapper()));
        identityProvider.start(InetAddress.getByName("localhost"), 0);
        String issuer = identityProvider.issuerUrl(ISSUER_ID).toString().replaceAll("/$", "");

        services = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        services.createContext("/api/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                bearerTokens.add(authorization);
            }
            byte[] body = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        services.start();
        String standIn = "http://localhost:" + services.getAddress().getPort();
        store = TestInfrastructure.mongo();
        int port = GatewayUnderTest.free();
        base = "http://localhost:" + port;
        gateway = GatewayApplication.builder()
                .run(
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--PLATFORM_TOKEN_ISSUER=" + issuer,
                        "--PLATFORM_JWK_SET_URI=" + identityProvider.jwksUrl(ISSUER_ID),
                        "--CASE_SERVICE_URI=" + standIn,
                        "--NOTIFICATION_SERVICE_URI=" + standIn,
                        "--INSPECTION_SERVICE_URI=" + standIn,
                        "--platform.gateway.api-keys.mongodb-uri=" + store.uri("gateway-sign-in"),
                        "--platform.gateway.api-keys.issuer=" + base + "/auth/gateway");
        assumeTrue(
                get("/signin").statusCode() == 200,
                "the gateway serves no console: this build left it out (-Dconsole.skip)");
        openBrowser();
    }

    @Test
    void anOfficerSignsInAtTheIdentityProviderAndOut() throws Exception {
        String issuer = identityProvider.issuerUrl(ISSUER_ID).toString().replaceAll("/$", "");
        HttpResponse<String> settings = get("/auth/console/sign-in");
        JsonNode named = json.readTree(settings.body());
        assertThat(named.path("issuer").asString()).isEqualTo(issuer);
        assertThat(named.path("clientId").asString()).isEqualTo("wildlife-console");
        assertThat(get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the console may connect to its own origin and the provider's, nowhere else")
                .contains("connect-src 'self' "
                        + URI.create(issuer).resolve("/").toString().replaceAll("/$", ""));

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/clues");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=sign-in-provider]")));
        screenshot("01-sign-in");
        driver.findElement(By.cssSelector("[data-test=sign-in-provider]")).click();

        wait.until(ExpectedConditions.urlContains(issuer + "/authorize"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        screenshot("02-identity-provider");
        driver.findElement(By.name("username")).sendKeys("forestry-officer");
        driver.findElement(By.name("claims"))
                .sendKeys("{\"name\": \"" + OFFICER_NAME + "\", \"agency\": \"FORESTRY\", \"region\": \"220112\", "
                        + "\"roles\": [\"OFFICER\", \"HANDLER\"]}");
        driver.findElement(By.cssSelector("form input[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe(base + "/clues"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header"), OFFICER_NAME));
        wait.until(driver -> !bearerTokens.isEmpty());
        screenshot("03-signed-in");

        Map<String, Object> token = claims(bearerTokens.get(0));
        assertThat(token)
                .containsEntry("iss", issuer)
                .containsEntry("sub", "forestry-officer")
                .containsEntry("agency", "FORESTRY");
        String accessToken = bearerTokens.get(0).substring("Bearer ".length());
        JavascriptExecutor page = driver;
        Object stored = page.executeScript("const all = [];"
                + "for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) "
                + "all.push(s.key(i) + '=' + s.getItem(s.key(i)));"
                + "return all.join('\\n') + '\\n' + document.cookie;");
        assertThat(String.valueOf(stored))
                .as("the token lives in the page's memory only")
                .doesNotContain(accessToken);

        List<JsonNode> sent = requestsSent();
        JsonNode authorize = sent.stream()
                .filter(r -> r.path("url").asString().startsWith(issuer + "/authorize"))
                .findFirst()
                .orElseThrow();
        assertThat(query(URI.create(authorize.path("url").asString()).getRawQuery()))
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", "wildlife-console")
                .containsEntry("redirect_uri", base + "/signin/callback")
                .containsKey("code_challenge");
        JsonNode exchange = sent.stream()
                .filter(r -> r.path("url").asString().equals(issuer + "/token")
                        && r.path("method").asString().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(query(exchange.path("postData").asString()))
                .as("the page itself exchanged the code, with its PKCE verifier")
                .containsEntry("grant_type", "authorization_code")
                .containsKey("code_verifier");

        driver.findElement(By.cssSelector("[data-test=sign-out]")).click();
        wait.until(ExpectedConditions.urlContains(base + "/signin"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=sign-in-provider]")));
        screenshot("04-signed-out");
        assertThat(requestsSent())
                .as("signing out ends the provider's session too")
                .anySatisfy(
                        request -> assertThat(request.path("url").asString()).startsWith(issuer + "/endsession"));
        assertThat(driver.getCurrentUrl()).contains("reason=signed-out");
        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    /** The requests the browser sent since the last call, from Chromium's performance log (DevTools' Network). */
    private List<JsonNode> requestsSent() {
        List<JsonNode> requests = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (message.path("method").asString().equals("Network.requestWillBeSent")) {
                requests.add(message.path("params").path("request"));
            }
        }
        return requests;
    }

    private static Map<String, String> query(String encoded) {
        return java.util.Arrays.stream(encoded.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }

    private Map<String, Object> claims(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return json.readValue(Base64.getUrlDecoder().decode(payload), Map.class);
    }

    private void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,768",
                "--lang=zh-CN",
                // Nothing outside this machine: the provider's sign-in page asks for a web font, and its parser
                // waits for that style sheet before the form; a name that resolves nowhere fails at once.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver's path is given, so Selenium Manager is never asked to find (or download) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("sign-in-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (services != null) {
            services.stop(0);
        }
        if (store != null) {
            store.close();
        }
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }
}
