package cn.wildlife.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The monitoring files under {@code deploy/}, read as the tests need them. */
final class MonitoringFiles {

    static final Path ROOT = findRoot();
    static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
    static final Path ALERT_TESTS = PROMETHEUS.resolve("alerts-test.yml");
    static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
    static final Path DATASOURCES = ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringFiles() {}

    /** Each dashboard file with its parsed JSON (a file that is not JSON fails here). */
    static Map<Path, JsonNode> dashboards() {
        Map<Path, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file, JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    /** Every PromQL expression of a dashboard: its panels' targets and its variables' queries. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            queries.add(query.isObject() ? query.path("query").asString() : query.asString());
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group :
                (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertTests() {
        return (List<Map<String, Object>>) yaml(ALERT_TESTS).get("tests");
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MODIFIER =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    /**
     * The metric names a PromQL expression (or a Grafana {@code label_values} query) reads. Strings, label matchers,
     * ranges, grouping clauses and Grafana variables are removed; what is left and is not a function or a keyword is a
     * metric name. Enough for the expressions these files hold, not a PromQL parser.
     */
    static Set<String> metricNames(String expression) {
        String e = STRING.matcher(expression).replaceAll("\"\"");
        e = e.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\boffset\\s+\\w+", " ")
                .replaceAll("\\$\\{?\\w+}?", " ");
        e = MODIFIER.matcher(e).replaceAll(" ");
        // label_values(metric, label): the second argument is a label.
        e = e.replaceAll("\\blabel_values\\s*\\(([^,)]*),[^)]*\\)", "($1)");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/prometheus"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "deploy/prometheus not found above " + Path.of("").toAbsolutePath());
    }
}
