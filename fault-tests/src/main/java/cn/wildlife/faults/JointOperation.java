package cn.wildlife.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A joint operation the reports of one load name: entered through inspection-service's REST API by 双阳区's forestry
 * bureau, as a lead office enters its plan, so that inspection-service counts the reports in its results table
 * ({@code 成果表}) and the suite can check that a fault neither drops nor doubles a report there.
 */
final class JointOperation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JointOperation() {}

    /** Enters the operation (running from 60 days ago to 60 days ahead) and returns its id. */
    static String enter(String inspectionServiceUrl, String token) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String starts = today.minusDays(60).toString();
        String ends = today.plusDays(60).toString();
        Map<String, Object> plan = Map.ofEntries(
                Map.entry("name", "双阳区打击破坏野生动物资源违法犯罪专项行动（故障测试）"),
                Map.entry("leadAgency", "FORESTRY"),
                Map.entry("leadOffice", "长春市双阳区林业局"),
                Map.entry("region", "220112"),
                Map.entry("startsOn", starts),
                Map.entry("endsOn", ends),
                Map.entry(
                        "participants",
                        List.of(Map.of("agency", "FORESTRY", "office", "长春市双阳区林业局", "duties", "牵头开展专项行动"))),
                Map.entry("phases", List.of(Map.of("name", "集中打击阶段", "from", starts, "to", ends, "tasks", "巡护、清理鸟网"))),
                Map.entry("targetPlaces", List.of("HABITAT")),
                Map.entry("targetBehaviours", List.of("非法猎捕野生动物")),
                Map.entry("recurringDuties", List.of()),
                Map.entry("reportingRegions", List.of()),
                Map.entry("monthlyDueDay", 5));
        try {
            HttpResponse<String> entered = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(inspectionServiceUrl + "/api/operations"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(plan)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (entered.statusCode() != 201) {
                throw new IllegalStateException("inspection-service refused the suite's operation: "
                        + entered.statusCode() + " " + entered.body());
            }
            return JSON.readTree(entered.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
