package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus's own tool judges the rules, their unit tests (alerts-test.yml), the scrape configuration and the
 * dashboards' queries: the same parser the server uses, rather than this repository's idea of PromQL.
 */
class PromtoolTest {

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                promtool = candidate;
                break;
            }
        }
        assumeTrue(
                promtool != null,
                "promtool is not on the PATH: install the Debian package prometheus (.ci/run does) to check the"
                        + " alert rules");
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        promtool("check", "rules", MonitoringFiles.ALERTS.toString());
    }

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        promtool("test", "rules", MonitoringFiles.ALERT_TESTS.toString());
    }

    @Test
    void thePrometheusConfigurationIsValid() throws Exception {
        promtool(
                "check",
                "config",
                MonitoringFiles.PROMETHEUS.resolve("prometheus.yml").toString());
    }

    /** Each query as a recording rule: promtool parses it, with Grafana's variables given plausible values. */
    @Test
    void theDashboardsQueriesParse(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map.Entry<Path, JsonNode> dashboard : MonitoringFiles.dashboards().entrySet()) {
            for (JsonNode panel : dashboard.getValue().path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("record", "dashboard:query:" + rules.size());
                    rule.put("expr", withVariables(target.path("expr").asString()));
                    rule.put(
                            "labels",
                            Map.of(
                                    "dashboard",
                                    dashboard.getKey().getFileName().toString(),
                                    "panel",
                                    panel.path("title").asString()));
                    rules.add(rule);
                }
            }
        }
        Path file = dir.resolve("dashboard-queries.yml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try (Writer writer = Files.newBufferedWriter(file)) {
            new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))), writer);
        }
        promtool("check", "rules", file.toString());
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    /** Grafana's built-in intervals become a duration; a dashboard's own variables only ever sit in a regex. */
    private static String withVariables(String query) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).startsWith("__") ? "5m" : ".*");
        }
        return m.appendTail(out).toString();
    }

    private static void promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(MonitoringFiles.PROMETHEUS.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        System.out.println(String.join(" ", command) + "\n" + output);
        assertThat(process.exitValue())
                .as("%s exited with %d:%n%s", String.join(" ", command), process.exitValue(), output)
                .isZero();
    }
}
