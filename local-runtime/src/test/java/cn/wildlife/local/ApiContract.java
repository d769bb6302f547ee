package cn.wildlife.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds every exchange a test makes through the gateway's {@code /api/**} to the OpenAPI documents the gateway
 * serves, with Atlassian's swagger-request-validator: the answer must be one the document lists for the operation,
 * with the documented body; a request the document forbids must not be accepted (a refused one is what a test of
 * bad input sends). The documents are fetched once per JVM and gateway. Off only with
 * {@code -Dplatform.contract=off}, to see what a test does without it.
 */
final class ApiContract {

    static final boolean ENABLED = !"off".equals(System.getProperty("platform.contract"));

    /** The documents the gateway serves, in the order a path is looked up in them. */
    static final List<String> DOCUMENTS =
            List.of("case-service", "notification-service", "inspection-service", "gateway");

    private static final Map<String, Map<String, OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiContract() {}

    /** One exchange as sent and answered. */
    record Exchange(
            String method,
            URI uri,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {}

    /** What the documents say about one exchange: which document took it, and what it violates. */
    record Verdict(String document, List<String> violations) {}

    /** Whether an exchange is held to the documents: the partner-facing API through the gateway. */
    static boolean covers(String gateway, URI uri) {
        return uri.toString().startsWith(gateway + "/api/");
    }

    /** The violations of one exchange; empty when it conforms. */
    static Verdict judge(String gateway, Exchange exchange) {
        Map<String, OpenApiInteractionValidator> documents = VALIDATORS.computeIfAbsent(gateway, ApiContract::load);
        Request request = request(exchange);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(answer::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            answer.withBody(exchange.responseBody());
        }
        SimpleResponse response = answer.build();
        for (String name : DOCUMENTS) {
            OpenApiInteractionValidator validator = documents.get(name);
            ValidationReport report = validator.validate(request, response);
            if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing"))) {
                continue;
            }
            boolean accepted = exchange.status() < 400;
            List<String> violations = new ArrayList<>();
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() != ValidationReport.Level.ERROR) {
                    continue;
                }
                // A request the document forbids is a violation only if the platform took it: refusing it is
                // what the document promises, and what tests of bad input check.
                if (message.getKey().startsWith("validation.request") && !accepted) {
                    continue;
                }
                violations.add(message.getKey() + ": " + message.getMessage());
            }
            return new Verdict(name, violations);
        }
        // No document has the path: only an answer that it does not exist conforms.
        return new Verdict(
                "none",
                exchange.status() == 404 || exchange.status() == 401
                        ? List.of()
                        : List.of("no document lists " + exchange.method() + " "
                                + exchange.uri().getPath() + ", yet it answered " + exchange.status()));
    }

    private static Request request(Exchange exchange) {
        SimpleRequest.Builder request =
                new SimpleRequest.Builder(exchange.method(), exchange.uri().getRawPath());
        exchange.requestHeaders().forEach(request::withHeader);
        query(exchange.uri()).forEach(request::withQueryParam);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static Map<String, OpenApiInteractionValidator> load(String gateway) {
        Map<String, OpenApiInteractionValidator> documents = new LinkedHashMap<>();
        for (String name : DOCUMENTS) {
            documents.put(
                    name,
                    OpenApiInteractionValidator.createForInlineApiSpecification(document(gateway, name))
                            .build());
        }
        return documents;
    }

    /** One document as the gateway serves it (as Swagger UI reads it). */
    static String document(String gateway, String name) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs/" + name))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the gateway serves no OpenAPI document " + name + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String describe(Exchange exchange, Verdict verdict) {
        return exchange.method() + " " + exchange.uri().getPath() + " answered " + exchange.status() + " ("
                + verdict.document() + "):\n  " + verdict.violations().stream().collect(Collectors.joining("\n  "))
                + "\n  request: " + abbreviate(exchange.requestBody()) + "\n  answer: "
                + abbreviate(exchange.responseBody());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
