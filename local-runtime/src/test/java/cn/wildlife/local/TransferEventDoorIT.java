package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.transfer.TransferStepRequested;
import cn.wildlife.support.kafka.DeadLetterReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agencies' own systems drive the same transfer state machine through their case topics, mixed with officers'
 * REST steps: reported, refused, reconsidered, filed, items handed over; a redelivered step changes nothing and a
 * step out of turn lands on the dead-letter topic with its reason.
 */
class TransferEventDoorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private static Envelope<TransferStepRequested> step(
            Agency agency,
            String region,
            String transferId,
            String step,
            boolean head,
            List<String> reasons,
            List<String> parts) {
        return Envelope.of(
                URI.create("urn:agency:" + agency.topicSegment() + ":" + region),
                agency,
                region,
                new TransferStepRequested(
                        transferId,
                        step,
                        region,
                        agency == Agency.FORESTRY ? "林草执法员张某" : "公安民警李某",
                        head,
                        null,
                        null,
                        reasons,
                        parts,
                        null,
                        null));
    }

    private void publish(Agency agency, Envelope<TransferStepRequested> event) {
        client.publish(Topics.agencyCases(agency), event);
    }

    private String state(String id) {
        return client.get(gateway + "/api/transfers/" + id, client.as("forestry-officer"))
                .body()
                .get("state")
                .asString();
    }

    @Test
    void aTransferIsDrivenByTheAgenciesSystemsAndOfficersAlike() {
        String caseNumber = "双林罚〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Envelope<TransferStepRequested> report = Envelope.of(
                URI.create("urn:agency:forestry:220112"),
                Agency.FORESTRY,
                "220112",
                new TransferStepRequested(
                        null,
                        "REPORT",
                        "220112",
                        "林草执法员张某",
                        false,
                        caseNumber,
                        "非法猎捕大天鹅1只，涉嫌非法狩猎罪",
                        List.of(),
                        List.of(),
                        null,
                        null));
        publish(Agency.FORESTRY, report);
        publish(Agency.FORESTRY, report);

        await().atMost(PATIENCE)
                .until(() -> client.get(gateway + "/api/transfers?size=200", client.as("forestry-officer"))
                                .body()
                                .valueStream()
                                .filter(t -> t.get("caseNumber").asString().equals(caseNumber))
                                .count()
                        == 1);
        String id = client.get(gateway + "/api/transfers?size=200", client.as("forestry-officer"))
                .body()
                .valueStream()
                .filter(t -> t.get("caseNumber").asString().equals(caseNumber))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        Envelope<TransferStepRequested> approve =
                step(Agency.FORESTRY, "220112", id, "APPROVE", true, List.of(), List.of());
        publish(Agency.FORESTRY, approve);
        publish(Agency.FORESTRY, approve);
        publish(
                Agency.FORESTRY,
                step(
                        Agency.FORESTRY,
                        "220112",
                        id,
                        "TRANSFER",
                        false,
                        List.of(),
                        List.of("TRANSFER_LETTER", "INVESTIGATION_REPORT", "SEIZED_ITEMS_LIST")));
        await().atMost(PATIENCE).until(() -> "TRANSFERRED".equals(state(id)));

        // The police officer receives through REST; the police system refuses to file by event.
        assertThat(client.post(gateway + "/api/transfers/" + id + "/steps/receive", "{}", client.as("police-officer"))
                        .status())
                .isEqualTo(200);
        publish(
                Agency.PUBLIC_SECURITY,
                step(Agency.PUBLIC_SECURITY, "220112", id, "REFUSE_FILING", false, List.of("证据不足"), List.of()));
        await().atMost(PATIENCE).until(() -> "NOT_FILED".equals(state(id)));

        // Out of turn: the police system cannot ask for reconsideration of its own refusal.
        Envelope<TransferStepRequested> outOfTurn =
                step(Agency.PUBLIC_SECURITY, "220112", id, "REQUEST_RECONSIDERATION", false, List.of("x"), List.of());
        publish(Agency.PUBLIC_SECURITY, outOfTurn);
        List<ConsumerRecord<String, byte[]>> dead = client.read(
                Topics.deadLetter(Topics.agencyCases(Agency.PUBLIC_SECURITY)), r -> id.equals(r.key()), 1, PATIENCE);
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetterReason.HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("REQUEST_RECONSIDERATION refused");

        publish(
                Agency.FORESTRY,
                step(
                        Agency.FORESTRY,
                        "220112",
                        id,
                        "REQUEST_RECONSIDERATION",
                        false,
                        List.of("大天鹅为国家二级保护野生动物，已达立案标准"),
                        List.of()));
        publish(
                Agency.PUBLIC_SECURITY,
                step(Agency.PUBLIC_SECURITY, "220112", id, "RECONSIDER_AND_FILE", false, List.of(), List.of()));
        await().atMost(PATIENCE).until(() -> "FILED".equals(state(id)));
        assertThat(client.post(
                                gateway + "/api/transfers/" + id + "/steps/hand-over-items",
                                "{}",
                                client.as("forestry-officer"))
                        .status())
                .isEqualTo(200);

        JsonNode done = client.get(gateway + "/api/transfers/" + id, client.as("forestry-officer"))
                .body();
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
        assertThat(client.read(Topics.PLATFORM_TRANSFERS, r -> id.equals(r.key()), 9, Duration.ofSeconds(5)).stream()
                        .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                .replace("cn.wildlife.transfer.", "")
                                .replace(".v1", "")))
                .as("the steps' events once each, none for the redeliveries")
                .containsExactly(
                        "reported",
                        "approved",
                        "transferred",
                        "received",
                        "not-filed",
                        "reconsideration-requested",
                        "reconsideration-decided",
                        "filed",
                        "items-handed-over");
    }
}
