package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 两法衔接 end to end through the gateway, with the legal clocks each step opens and fulfils. */
class TransferIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private PlatformClient.Answer step(String user, String id, String step, String body) {
        return client.post(gateway + "/api/transfers/" + id + "/steps/" + step, body, client.as(user));
    }

    private String report() {
        PlatformClient.Answer reported = client.post(gateway + "/api/transfers", """
                {"caseNumber":"双林罚〔2026〕17号","summary":"非法猎捕国家二级保护野生动物大天鹅1只、豆雁2只，涉嫌非法狩猎罪"}""", client.as("forestry-officer"));
        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.body().get("state").asString()).isEqualTo("REPORTED");
        return reported.body().get("id").asString();
    }

    private Map<String, String> deadlineStates(String transferId) {
        JsonNode page = client.get(gateway + "/api/deadlines?size=50&subjectId=" + transferId, client.as("supervisor"))
                .body();
        return page.get("items")
                .valueStream()
                .collect(Collectors.toMap(
                        d -> d.get("ruleId").asString(), d -> d.get("state").asString()));
    }

    private static final String PACKAGE = """
            {"packageParts":["TRANSFER_LETTER","INVESTIGATION_REPORT","SEIZED_ITEMS_LIST","TEST_OR_APPRAISAL_REPORTS"]}""";

    @Test
    void aForestryCaseIsTransferredRefusedReconsideredAndFiledWithEveryClockKept() {
        String id = report();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "OPEN".equals(deadlineStates(id).get("TRANSFER_APPROVAL_DECISION")));

        assertThat(step("forestry-officer", id, "approve", "{}").status())
                .as("only the head approves")
                .isEqualTo(403);
        assertThat(step("forestry-head", id, "approve", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED");

        assertThat(step("police-officer", id, "transfer", PACKAGE).status())
                .as("the sender's step")
                .isEqualTo(403);
        PlatformClient.Answer incomplete = step("forestry-officer", id, "transfer", """
                {"packageParts":["TRANSFER_LETTER"]}""");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().get("errors").get(0).get("field").asString())
                .isEqualTo("packageParts");
        assertThat(step("forestry-officer", id, "transfer", PACKAGE)
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("TRANSFERRED");

        assertThat(step("police-officer", id, "receive", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("RECEIVED");
        assertThat(step("police-officer", id, "refuse-filing", "{}").status())
                .as("reasons are required")
                .isEqualTo(400);
        assertThat(step("police-officer", id, "refuse-filing", """
                {"reasons":["证据不足，达不到刑事立案标准"]}""")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("NOT_FILED");
        assertThat(step("forestry-officer", id, "request-reconsideration", """
                {"reasons":["大天鹅为国家二级保护野生动物，已达立案标准"]}""")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("RECONSIDERATION_REQUESTED");

        PlatformClient.Answer notNow = step("forestry-officer", id, "hand-over-items", "{}");
        assertThat(notNow.status()).isEqualTo(409);
        assertThat(notNow.body().get("state").asString()).isEqualTo("RECONSIDERATION_REQUESTED");
        assertThat(notNow.body().get("allowedSteps").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("reconsider-and-file", "reconsider-and-uphold");

        assertThat(step("police-officer", id, "reconsider-and-file", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("FILED");
        JsonNode done = step("forestry-officer", id, "hand-over-items", "{}").body();
        assertThat(done.get("state").asString()).isEqualTo("ITEMS_HANDED_OVER");
        assertThat(done.get("history").valueStream().map(e -> e.get("step").asString()))
                .containsExactly(
                        "REPORT",
                        "APPROVE",
                        "TRANSFER",
                        "RECEIVE",
                        "REFUSE_FILING",
                        "REQUEST_RECONSIDERATION",
                        "RECONSIDER_AND_FILE",
                        "HAND_OVER_ITEMS");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadlineStates(id))
                        .containsExactlyInAnyOrderEntriesOf(Map.of(
                                "TRANSFER_APPROVAL_DECISION", "MET",
                                "TRANSFER_DELIVERY", "MET",
                                "TRANSFER_RECEIPT", "MET",
                                "TRANSFER_FILING_DECISION", "MET",
                                "TRANSFER_RECONSIDERATION_WINDOW", "MET",
                                "TRANSFER_RECONSIDERATION_DECISION", "MET",
                                "TRANSFER_ITEMS_HANDOVER", "MET")));
    }

    @Test
    void theProcuratorateSupervisesANonFilingUntilThePoliceFile() {
        String id = report();
        step("forestry-head", id, "approve", "{}");
        step("forestry-officer", id, "transfer", PACKAGE);
        step("police-officer", id, "receive", "{}");
        step("police-officer", id, "refuse-filing", """
                {"reasons":["不属于刑事案件"]}""");

        assertThat(step("forestry-officer", id, "request-supervision", """
                {"reasons":["公安机关应当立案而不立案"]}""")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("SUPERVISION_REQUESTED");
        assertThat(step("police-officer", id, "request-explanation", "{}").status())
                .isEqualTo(403);
        assertThat(step("procurator", id, "request-explanation", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("EXPLANATION_REQUESTED");
        assertThat(step("police-officer", id, "give-explanation", """
                {"reasons":["涉案数量未达标准"]}""")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("EXPLANATION_GIVEN");
        assertThat(step("procurator", id, "order-filing", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("FILING_ORDERED");
        assertThat(step("police-officer", id, "file", "{}").body().get("state").asString())
                .isEqualTo("FILED");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadlineStates(id))
                        .containsEntry("TRANSFER_NON_FILING_EXPLANATION", "MET")
                        .containsEntry("TRANSFER_FILING_AFTER_NOTICE", "MET")
                        .containsEntry("TRANSFER_ITEMS_HANDOVER", "OPEN"));
    }

    @Test
    void theWrongPoliceAndOtherAgenciesSeeNothingAndThePartiesReadsAreAudited() {
        String id = report();

        assertThat(client.get(gateway + "/api/transfers/" + id, client.as("market-officer"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get(gateway + "/api/transfers/" + id, client.as("forestry-nongan"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get(gateway + "/api/transfers/" + id, client.as("police-officer"))
                        .status())
                .isEqualTo(200);
        assertThat(client.get(gateway + "/api/transfers/" + id, client.as("procurator"))
                        .status())
                .isEqualTo(200);

        JsonNode audit = client.get(
                        gateway + "/api/audit/case-service?action=CROSS_AGENCY_READ&recordId=" + id,
                        client.as("audit-admin"))
                .body();
        assertThat(audit.valueStream()
                        .map(e -> e.get("agency").asString() + ":"
                                + e.get("grant").asString()))
                .contains("PUBLIC_SECURITY:PARTY", "PROCURATORATE:PARTY");
    }

    @Test
    void aCasesTransfersAreListedByItsNumberForThoseWhoMaySeeThem() {
        String number = "双林罚〔2026〕" + (System.nanoTime() % 1_000_000) + "号";
        PlatformClient.Answer reported =
                client.post(gateway + "/api/transfers", """
                {"caseNumber":"%s","summary":"非法收购野生鸟类，涉嫌危害珍贵、濒危野生动物罪"}""".formatted(number), client.as("forestry-officer"));
        assertThat(reported.status()).isEqualTo(201);
        report();
        // A case is named by its number or by its platform id: both may be asked at once.
        String byNumber = gateway + "/api/transfers?caseNumber=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "&caseNumber=FORESTRY-220112-2026-99999";

        for (String user : List.of("forestry-officer", "police-officer", "procurator")) {
            assertThat(client.get(byNumber, client.as(user))
                            .body()
                            .valueStream()
                            .map(t -> t.get("id").asString()))
                    .as(user)
                    .containsExactly(reported.body().get("id").asString());
        }
        assertThat(client.get(byNumber, client.as("market-officer")).body().valueStream())
                .isEmpty();
        PlatformClient.Answer tooLong =
                client.get(gateway + "/api/transfers?caseNumber=" + "x".repeat(101), client.as("forestry-officer"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("caseNumber[0]");
    }

    @Test
    void twoDecisionsRacingOnTheSameVersionApplyOnce() {
        String id = report();
        long version = client.get(gateway + "/api/transfers/" + id, client.as("forestry-head"))
                .body()
                .get("version")
                .asLong();
        String body = "{\"expectedVersion\":" + version + ",\"reasons\":[\"理由\"]}";

        CompletableFuture<Integer> approve = CompletableFuture.supplyAsync(
                () -> step("forestry-head", id, "approve", body).status());
        CompletableFuture<Integer> refuse = CompletableFuture.supplyAsync(
                () -> step("forestry-head", id, "refuse", body).status());

        assertThat(List.of(approve.join(), refuse.join())).containsExactlyInAnyOrder(200, 409);
        JsonNode after = client.get(gateway + "/api/transfers/" + id, client.as("forestry-head"))
                .body();
        assertThat(after.get("history").size()).isEqualTo(2);
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void aCaseThePoliceSendBackStaysOnTheAgencysClockUntilItRecordsAnOutcome() {
        PlatformClient.Answer returned =
                client.post(gateway + "/api/transfers/returns", """
                {"caseNumber":"双公刑〔2026〕3号","summary":"私自收购野生鸟类，数量未达刑事立案标准","toAgency":"FORESTRY",
                 "toRegion":"220112","reasons":["不构成犯罪，但涉嫌违反《野生动物保护法》"]}""", client.as("police-officer"));
        assertThat(returned.status()).isEqualTo(201);
        String id = returned.body().get("id").asString();
        assertThat(returned.body().get("direction").asString()).isEqualTo("REVERSE");
        assertThat(client.post(gateway + "/api/transfers/returns", """
                {"caseNumber":"x","summary":"y","toAgency":"FORESTRY","toRegion":"220112","reasons":["z"]}""", client.as("forestry-officer"))
                        .status())
                .as("only the police return cases")
                .isEqualTo(403);

        assertThat(step("forestry-officer", id, "accept-return", "{}")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("RETURN_ACCEPTED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadlineStates(id)).containsEntry("REVERSE_TRANSFER_OUTCOME", "OPEN"));
        assertThat(step("forestry-officer", id, "record-outcome", """
                {"reasons":["处罚款5000元，没收涉案鸟类"]}""")
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("OUTCOME_RECORDED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadlineStates(id)).containsEntry("REVERSE_TRANSFER_OUTCOME", "MET"));
    }
}
