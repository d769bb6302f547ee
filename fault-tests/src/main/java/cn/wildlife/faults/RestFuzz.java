package cn.wildlife.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Fuzzed REST input generated from each service's OpenAPI document ({@code GET /v3/api-docs}): every operation is
 * called with hostile path ids and query values, and every JSON body is sent broken (not JSON, wrong shape, nesting
 * a thousand deep) and with each field of its documented example replaced by null, a wrong type, an over-long
 * string or a MongoDB operator. No answer may be a 5xx, and nothing hostile may end up stored: no document may hold
 * a string over the body limit's reach (10,000 characters) or a key starting with {@code $}.
 */
final class RestFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "长".repeat(20_000);
    private static final List<String> IDS = List.of(
            "FORESTRY-220112-2026-FUZZ", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1", "x".repeat(600), "-1", "%00");

    record Result(
            int requests,
            Map<String, Integer> byStatus,
            List<String> serverErrors,
            long documentsAdded,
            List<String> garbage) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    RestFuzz(String token) {
        this.token = token;
    }

    Result run(Map<String, String> serviceUrls, String mongoUri, List<String> databases)
            throws IOException, InterruptedException {
        int requests = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        long before;
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            before = documents(mongo, databases);
        }
        for (Map.Entry<String, String> service : serviceUrls.entrySet()) {
            JsonNode api = JSON.readTree(get(service.getValue() + "/v3/api-docs"));
            Iterator<Map.Entry<String, JsonNode>> paths =
                    api.path("paths").properties().iterator();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> ops =
                        path.getValue().properties().iterator();
                while (ops.hasNext()) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    for (Call call : calls(api, path.getKey(), op.getValue())) {
                        int status = send(service.getValue(), method, call);
                        requests++;
                        byStatus.merge(String.valueOf(status), 1, Integer::sum);
                        if (status >= 500 || status < 0) {
                            serverErrors.add(service.getKey() + " " + method + " " + call.path() + " " + call.what()
                                    + " → " + (status < 0 ? "no answer" : status));
                        }
                    }
                }
            }
        }
        long after;
        List<String> garbage = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            after = documents(mongo, databases);
            for (String db : databases) {
                MongoDatabase database = mongo.getDatabase(db);
                for (String collection : database.listCollectionNames()) {
                    garbage.addAll(scan(database, db, collection));
                }
            }
        }
        return new Result(requests, byStatus, serverErrors, after - before, garbage);
    }

    private record Call(String path, String query, String body, String what) {}

    private List<Call> calls(JsonNode api, String template, JsonNode op) {
        List<Call> calls = new ArrayList<>();
        String path = template.replaceAll("\\{[^}]+}", IDS.get(0));
        calls.add(new Call(path, "", null, "as documented, no body"));
        if (template.contains("{")) {
            for (String id : IDS.subList(1, IDS.size())) {
                calls.add(new Call(template.replaceAll("\\{[^}]+}", id), "", null, "id " + id));
            }
        }
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                for (String v : List.of("-1", "2026-13-45", "9".repeat(30), "%27%24gt%27", "x".repeat(600))) {
                    calls.add(new Call(
                            path,
                            p.path("name").asText() + "=" + v,
                            null,
                            "query " + p.path("name").asText() + "=" + abbreviate(v)));
                }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            JsonNode media = content.path("application/json");
            JsonNode example = media.has("example") ? media.path("example") : exampleOf(api, media.path("schema"));
            calls.add(new Call(path, "", "{\"unterminated\": ", "bad JSON"));
            calls.add(new Call(path, "", "[]", "an array"));
            calls.add(new Call(path, "", "null", "null"));
            calls.add(new Call(path, "", "{}", "empty object"));
            calls.add(new Call(path, "", "[".repeat(1000) + "]".repeat(1000), "nested 1000 deep"));
            if (example instanceof ObjectNode object) {
                calls.add(new Call(path, "", object.toString(), "the example"));
                Iterator<String> names = object.fieldNames();
                while (names.hasNext()) {
                    String field = names.next();
                    JsonNode value = object.get(field);
                    for (Map.Entry<String, Object> m : mutations(value).entrySet()) {
                        ObjectNode mutated = object.deepCopy();
                        mutated.set(field, JSON.valueToTree(m.getValue()));
                        calls.add(new Call(path, "", mutated.toString(), field + " " + m.getKey()));
                    }
                }
            }
        }
        return calls;
    }

    private static Map<String, Object> mutations(JsonNode value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("null", null);
        m.put("wrong type", value.isTextual() ? (Object) 12345 : "不是数字");
        m.put("over-long", LONG);
        m.put("operator", Map.of("$gt", ""));
        if (value.isNumber()) {
            m.put("negative", -1);
            m.put("huge", new java.math.BigDecimal("1e400"));
        }
        if (value.isArray()) {
            m.put("10,000 items", java.util.Collections.nCopies(10_000, "x"));
        }
        return m;
    }

    /** The schema's own example, following one $ref into components. */
    private static JsonNode exampleOf(JsonNode api, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            schema = api.path("components").path("schemas").path(name);
        }
        return schema.path("example");
    }

    private int send(String base, String method, Call call) throws InterruptedException {
        String uri = base + call.path() + (call.query().isEmpty() ? "" : "?" + call.query());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(uri));
        } catch (IllegalArgumentException notAUri) {
            request = HttpRequest.newBuilder(
                    URI.create(base + "/" + URLEncoder.encode(call.path(), StandardCharsets.UTF_8)));
        }
        request.timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private String get(String uri) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(uri))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /**
     * Hostile documents of one collection. The embedded store's on-disk backend may fail a long read while writers
     * reuse its pages ("Chunk ... not found"): such a read is tried again, and a collection that cannot be read is
     * reported rather than passed.
     */
    private List<String> scan(MongoDatabase database, String db, String collection) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<String> found = new ArrayList<>();
            try {
                for (Document d : database.getCollection(collection).find()) {
                    String why = hostile(d);
                    if (why != null) {
                        found.add(db + "." + collection + " " + d.get("_id") + ": " + why);
                    }
                }
                if (attempt > 1) {
                    storeReadFailures.add(db + "." + collection + ": " + last.getMessage());
                }
                return found;
            } catch (com.mongodb.MongoException e) {
                last = e;
            }
        }
        storeReadFailures.add(db + "." + collection + " unreadable after 3 tries: " + last.getMessage());
        return List.of(db + "." + collection + ": could not be read, " + last.getMessage());
    }

    private final List<String> storeReadFailures = new ArrayList<>();

    /** Reads of the store that failed and were tried again (what the embedded store did under load). */
    List<String> storeReadFailures() {
        return storeReadFailures;
    }

    private static long documents(MongoClient mongo, List<String> databases) {
        long n = 0;
        for (String db : databases) {
            MongoDatabase database = mongo.getDatabase(db);
            for (String collection : database.listCollectionNames()) {
                n += database.getCollection(collection).countDocuments();
            }
        }
        return n;
    }

    /** Why a stored document is hostile input that got in, or null. */
    private static String hostile(Object value) {
        if (value instanceof String s) {
            return s.length() > 10_000 ? "a string of " + s.length() + " characters" : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() instanceof String k && k.startsWith("$")) {
                    return "a key " + k;
                }
                String inner = hostile(e.getValue());
                if (inner != null) {
                    return e.getKey() + ": " + inner;
                }
            }
        }
        if (value instanceof List<?> list) {
            if (list.size() > 5_000) {
                return "a list of " + list.size() + " items";
            }
            for (Object o : list) {
                String inner = hostile(o);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }
}
