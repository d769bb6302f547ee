package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules read only metrics the platform exports: a metric renamed in the code, or mistyped in
 * a file, would otherwise leave a panel empty and an alert silent without anyone noticing.
 */
class MonitoringFilesTest {

    /** Registered by the platform's own code, under the Micrometer name on the right. */
    private static final Map<String, String> PLATFORM_METRICS = Map.of(
            "platform_deadlines", "platform.deadlines",
            "platform_alerts_raised_total", "platform.alerts.raised",
            "platform_alerts_delivered_total", "platform.alerts.delivered",
            "platform_outbox_published_total", "platform.outbox.published",
            "platform_outbox_backlog", "platform.outbox.backlog",
            "platform_outbox_oldest_age_seconds", "platform.outbox.oldest.age",
            "platform_calendar_missing_years", "platform.calendar.missing.years",
            "wildlife_kafka_quarantined_total", "wildlife.kafka.quarantined",
            "wildlife_kafka_dead_letters_cut_total", "wildlife.kafka.dead.letters.cut");

    /** Exported by Prometheus itself and by the libraries the services and the gateway run on. */
    private static final Set<String> LIBRARY_METRICS = Set.of(
            // Prometheus: each target's scrape, and the alerts it holds.
            "up",
            "ALERTS",
            // spring-kafka's observations (the services' templates and record listeners observe).
            "spring_kafka_template_seconds_count",
            "spring_kafka_listener_seconds_count",
            "spring_kafka_listener_seconds_sum",
            // Kafka's client metrics, bound by the services' consumer factories (each partition's lag, by group).
            "kafka_consumer_fetch_manager_records_lag",
            // Spring Cloud Gateway's metrics filter (per route), and Spring's HTTP server observation.
            "spring_cloud_gateway_requests_seconds_count",
            "spring_cloud_gateway_requests_seconds_sum",
            "spring_cloud_gateway_requests_seconds_max",
            "spring_cloud_gateway_requests_seconds_bucket",
            "http_server_requests_seconds_count",
            // Micrometer's JVM and process binders.
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "process_uptime_seconds");

    @Test
    void everyDashboardIsJsonOnTheProvisionedDataSource() {
        Object uid = MonitoringFiles.yaml(MonitoringFiles.DATASOURCES).get("datasources") instanceof List<?> list
                ? ((Map<?, ?>) list.get(0)).get("uid")
                : null;
        assertThat(uid).as("the provisioned data source's uid").isNotNull();
        Map<Path, JsonNode> dashboards = MonitoringFiles.dashboards();
        assertThat(dashboards).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (Map.Entry<Path, JsonNode> entry : dashboards.entrySet()) {
            JsonNode dashboard = entry.getValue();
            String file = entry.getKey().getFileName().toString();
            assertThat(uids.add(dashboard.path("uid").asString()))
                    .as("%s: unique uid", file)
                    .isTrue();
            assertThat(dashboard.path("title").asString()).as(file).isNotBlank();
            assertThat(dashboard.path("panels")).as(file).isNotEmpty();
            for (JsonNode panel : dashboard.path("panels")) {
                String title = file + ": " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(title)
                        .isEqualTo(uid);
                assertThat(panel.path("targets")).as(title).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(title).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyAlertHasItsDelaySeverityWordsAndATest() {
        Set<String> tested = new TreeSet<>();
        for (Map<String, Object> test : MonitoringFiles.alertTests()) {
            for (Object check : (List<?>) test.get("alert_rule_test")) {
                tested.add((String) ((Map<?, ?>) check).get("alertname"));
            }
        }
        List<Map<String, Object>> rules = MonitoringFiles.alertRules();
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            Object name = rule.get("alert");
            assertThat(name).as("only alerts in alerts.yml: %s", rule).isNotNull();
            assertThat(rule).as("%s", name).containsKey("for");
            assertThat(keys(rule.get("labels"))).as("%s", name).contains("severity");
            assertThat(keys(rule.get("annotations"))).as("%s", name).contains("summary", "description");
            assertThat(tested).as("alerts-test.yml tests %s", name).contains((String) name);
        }
    }

    @Test
    void everyMetricTheFilesReadIsOneThePlatformExports() {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Map.Entry<Path, JsonNode> dashboard : MonitoringFiles.dashboards().entrySet()) {
            for (String query : MonitoringFiles.queries(dashboard.getValue())) {
                collectUnknown(dashboard.getKey().getFileName().toString(), query, unknown);
            }
        }
        for (Map<String, Object> rule : MonitoringFiles.alertRules()) {
            collectUnknown("alerts.yml " + rule.get("alert"), (String) rule.get("expr"), unknown);
        }
        for (Map<String, Object> test : MonitoringFiles.alertTests()) {
            for (Object series : (List<?>) test.get("input_series")) {
                collectUnknown("alerts-test.yml", (String) ((Map<?, ?>) series).get("series"), unknown);
            }
        }
        assertThat(unknown)
                .as(
                        "metric names not in this test's lists (renamed in the code? then rename them here and in the files)")
                .isEmpty();
    }

    @Test
    void thePlatformsOwnMetricsAreStillRegisteredUnderTheirNames() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(MonitoringFiles.ROOT)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        Set<String> missing = new TreeSet<>(PLATFORM_METRICS.values());
        for (Path source : sources) {
            String text = read(source);
            missing.removeIf(meter -> text.contains("\"" + meter + "\""));
        }
        assertThat(missing).as("Micrometer names no main code registers").isEmpty();
    }

    @Test
    void metricNamesAreFoundInExpressions() {
        assertThat(MonitoringFiles.metricNames(
                        "sum by (agency) (max by (agency, rule, state) (platform_deadlines{state=~\"OVERDUE|X\"}"
                                + " offset 1h)) / on () count(up) > 0.5 and absent(up{job=\"gateway\"})"))
                .containsExactly("platform_deadlines", "up");
        assertThat(MonitoringFiles.metricNames("label_values(jvm_memory_used_bytes{job=~\"$job\"}, instance)"))
                .containsExactly("jvm_memory_used_bytes");
        assertThat(MonitoringFiles.metricNames("rate(x_total[$__rate_interval]) * 1e3"))
                .containsExactly("x_total");
    }

    private static Set<Object> keys(Object map) {
        return map instanceof Map<?, ?> m ? Set.copyOf(m.keySet()) : Set.of();
    }

    private static void collectUnknown(String where, String expression, Map<String, Set<String>> unknown) {
        for (String name : MonitoringFiles.metricNames(expression)) {
            if (!LIBRARY_METRICS.contains(name) && !PLATFORM_METRICS.containsKey(name)) {
                unknown.computeIfAbsent(name, n -> new TreeSet<>()).add(where);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
