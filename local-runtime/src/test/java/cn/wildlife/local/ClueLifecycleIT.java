package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A clue is handled by its agency: assigned, then a case is opened, or it is dismissed or referred; the clock closes. */
class ClueLifecycleIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private String publishedClue() {
        String clueId = PlatformSliceScenarios.newClueId();
        client.publish(Topics.agencyClues(Agency.FORESTRY), PlatformSliceScenarios.forestryClue(clueId));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlineState(clueId) != null);
        return clueId;
    }

    private PlatformClient.Answer step(String user, String clueId, String step, String body) {
        return client.post(gateway + "/api/clues/" + clueId + "/steps/" + step, body, client.as(user));
    }

    private String deadlineState(String clueId) {
        JsonNode page = client.get(gateway + "/api/deadlines?subjectId=" + clueId, client.as("forestry-officer"))
                .body();
        return page.get("total").asInt() == 0
                ? null
                : page.get("items").get(0).get("state").asString();
    }

    @Test
    void openingACaseOnAClueMeetsItsHandlingClock() {
        String clueId = publishedClue();

        assertThat(step("forestry-officer", clueId, "assign", "{}").status())
                .as("assignee required")
                .isEqualTo(400);
        assertThat(step("forestry-officer", clueId, "assign", """
                {"assignee":"林草执法员张某"}""")
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("ASSIGNED");
        assertThat(step("forestry-officer", clueId, "open-case", "{}")
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("caseNumber");
        JsonNode opened = step("forestry-officer", clueId, "open-case", """
                {"caseNumber":"双林罚〔2026〕30号"}""").body();
        assertThat(opened.get("status").asString()).isEqualTo("CASE_OPENED");
        assertThat(opened.get("allowedSteps").valueStream().map(JsonNode::asString))
                .as("only telling the reporter")
                .containsExactly("give-feedback");

        PlatformClient.Answer again = step("forestry-officer", clueId, "dismiss", """
                {"reasons":["重复"]}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("state").asString()).isEqualTo("CASE_OPENED");
        // Received on 28 September, its 15 working days ran out on 23 October: met, but late.
        await().atMost(Duration.ofSeconds(30)).until(() -> "MET_LATE".equals(deadlineState(clueId)));
    }

    @Test
    void aClueIsReferredToTheCompetentAgencyWithReasonsAndOnlyByItsOwnAgency() {
        String clueId = publishedClue();

        assertThat(step("police-officer", clueId, "refer", """
                {"referredTo":"PUBLIC_SECURITY","reasons":["x"]}""").status())
                .as("not police's clue")
                .isEqualTo(404);
        assertThat(step("procurator", clueId, "dismiss", """
                {"reasons":["x"]}""").status())
                .as("oversight reads only")
                .isEqualTo(403);
        PlatformClient.Answer self = step("forestry-officer", clueId, "refer", """
                {"referredTo":"FORESTRY","reasons":["x"]}""");
        assertThat(self.status()).isEqualTo(400);
        assertThat(step("forestry-officer", clueId, "refer", """
                {"referredTo":"MARKET_SUPERVISION","reasons":["涉及餐馆经营利用，属市场监管职责"]}""")
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("REFERRED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "MET_LATE".equals(deadlineState(clueId)));
    }
}
