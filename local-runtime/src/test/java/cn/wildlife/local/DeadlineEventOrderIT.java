package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.transfer.TransferStepTaken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Transfer steps on {@code platform.transfers}, published the way case-service publishes them, with the dates a test
 * needs: clocks land after National Day, and a fulfilling step that arrives before the step opening its clock leaves
 * the clock met, not open for ever.
 */
class DeadlineEventOrderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final URI CASE_SERVICE = URI.create("urn:cn.wildlife:case-service");

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private static String newTransferId() {
        return "TR-220112-IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Envelope<TransferStepTaken> step(
            String transferId, EventType type, String step, String state, Agency by, String takenAt) {
        TransferStepTaken taken = new TransferStepTaken(
                transferId,
                step,
                state,
                "双林罚〔2026〕99号",
                Agency.FORESTRY,
                "220112",
                "220112",
                by == Agency.FORESTRY ? "forestry-officer" : "police-officer",
                by,
                Instant.parse(takenAt),
                List.of(),
                List.of());
        return Envelope.of(CASE_SERVICE, Agency.FORESTRY, "220112", type, taken);
    }

    private JsonNode deadline(String id) {
        return client.get(gateway + "/api/deadlines/" + id, client.as("supervisor"))
                .body();
    }

    @Test
    void aTransferReportedAndApprovedOnTheTwentyEighthOfSeptemberHasItsDayClocksEndAfterNationalDay() {
        String id = newTransferId();
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(id, EventType.TRANSFER_REPORTED, "REPORT", "REPORTED", Agency.FORESTRY, "2026-09-28T01:00:00Z"));
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(id, EventType.TRANSFER_APPROVED, "APPROVE", "APPROVED", Agency.FORESTRY, "2026-09-28T06:00:00Z"));
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(
                        id,
                        EventType.TRANSFER_TRANSFERRED,
                        "TRANSFER",
                        "TRANSFERRED",
                        Agency.FORESTRY,
                        "2026-09-28T08:00:00Z"));
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(
                        id,
                        EventType.TRANSFER_RECEIVED,
                        "RECEIVE",
                        "RECEIVED",
                        Agency.PUBLIC_SECURITY,
                        "2026-09-28T09:00:00Z"));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            // 3 days from 28 September: 1 October is National Day, so the first working day after the holiday.
            JsonNode approval = deadline("TRANSFER_APPROVAL_DECISION:" + id);
            assertThat(approval.get("dueDate").asString()).isEqualTo("2026-10-08");
            assertThat(approval.get("state").asString()).isEqualTo("MET");
            // The police's filing decision, received the same day, is due after the holiday too.
            JsonNode filing = deadline("TRANSFER_FILING_DECISION:" + id);
            assertThat(filing.get("dueDate").asString()).isEqualTo("2026-10-08");
            assertThat(filing.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
            // The 24 hours to deliver the approved transfer are exact hours: holidays do not stretch them.
            assertThat(deadline("TRANSFER_DELIVERY:" + id).get("dueAt").asString())
                    .isEqualTo("2026-09-29T06:00:00Z");
        });
    }

    @Test
    void aFulfilmentArrivingBeforeItsOpeningEventLeavesTheClockMetAndRaisesNothing() {
        String id = newTransferId();
        Envelope<TransferStepTaken> approved =
                step(id, EventType.TRANSFER_APPROVED, "APPROVE", "APPROVED", Agency.FORESTRY, "2026-11-20T06:00:00Z");
        Envelope<TransferStepTaken> reported =
                step(id, EventType.TRANSFER_REPORTED, "REPORT", "REPORTED", Agency.FORESTRY, "2026-11-20T01:00:00Z");
        client.publish(Topics.PLATFORM_TRANSFERS, approved);
        client.publish(Topics.PLATFORM_TRANSFERS, reported);
        String deadlineId = "TRANSFER_APPROVAL_DECISION:" + id;

        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(deadline(deadlineId).get("state").asString()).isEqualTo("MET"));
        JsonNode met = deadline(deadlineId);
        assertThat(met.get("history").valueStream().map(h -> h.get("change").asString()))
                .containsExactly("OPENED", "MET");

        // The same events again, and late: nothing changes.
        client.publish(Topics.PLATFORM_TRANSFERS, reported);
        client.publish(Topics.PLATFORM_TRANSFERS, approved);
        assertThat(client.read(Topics.PLATFORM_ALERTS, r -> deadlineId.equals(r.key()), 0, Duration.ofSeconds(4)))
                .isEmpty();
        assertThat(deadline(deadlineId).get("version").asLong())
                .isEqualTo(met.get("version").asLong());
    }

    @Test
    void aFulfilmentArrivingFirstButAfterTheDueTimeLeavesTheClockMetLate() {
        String id = newTransferId();
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(id, EventType.TRANSFER_REFUSED, "REFUSE", "REFUSED", Agency.FORESTRY, "2026-11-12T06:00:00Z"));
        client.publish(
                Topics.PLATFORM_TRANSFERS,
                step(id, EventType.TRANSFER_REPORTED, "REPORT", "REPORTED", Agency.FORESTRY, "2026-11-02T01:00:00Z"));

        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(deadline("TRANSFER_APPROVAL_DECISION:" + id)
                                .get("state")
                                .asString())
                        .isEqualTo("MET_LATE"));
    }
}
