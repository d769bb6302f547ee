package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Records of different agencies sharing a suspect's phone, ID number, plate or shop are linked for both sides. */
class LinkingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private String clue(String user, String agency, String region, String identifiers) {
        String id =
                agency + "-" + region + "-LNK-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer created =
                client.post(gateway + "/api/clues", """
                {"clueId":"%s","region":"%s","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],"summary":"收购野生鸟类","identifiers":%s}""".formatted(id, region, identifiers), client.as(user));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return id;
    }

    private JsonNode links(String user, String recordId) {
        return client.get(gateway + "/api/links?recordId=" + recordId, client.as(user))
                .body();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aPhoneInAForestryClueAndAMarketSupervisionClueLinksThemForBothAgencies() {
        String phone = phone();
        String forestry = clue("forestry-head", "FORESTRY", "220100", """
                [{"type":"PHONE","value":"%s"},{"type":"VEHICLE_PLATE","value":"吉A·D1234"}]""".formatted(phone));
        String sameAgency = clue("forestry-head", "FORESTRY", "220100", """
                [{"type":"PHONE","value":"%s"}]""".formatted(phone));
        String spaced = phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        String market = clue("market-officer", "MARKET_SUPERVISION", "220102", """
                [{"type":"PHONE","value":"+86 %s"}]""".formatted(spaced));

        JsonNode forMarket = links("market-officer", market);
        assertThat(forMarket.size())
                .as("one link per record of the other agency")
                .isEqualTo(2);
        assertThat(forMarket.get(0).get("maskedValue").asString())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(forMarket
                        .valueStream()
                        .flatMap(l -> l.get("records").valueStream())
                        .map(r -> r.get("id").asString()))
                .contains(forestry, sameAgency, market);
        assertThat(links("forestry-head", forestry).size()).isEqualTo(1);
        assertThat(links("forestry-head", sameAgency).size())
                .as("a forestry record is not linked to forestry's own")
                .isEqualTo(1);
        assertThat(links("police-officer", market).size())
                .as("not police's records")
                .isZero();
        assertThat(links("supervisor", market).size()).as("oversight").isEqualTo(2);
        assertThat(client.get(gateway + "/api/clues/" + market, client.as("forestry-head"))
                        .status())
                .as("a link shows that a record exists, not what it says")
                .isEqualTo(404);

        List<ConsumerRecord<String, byte[]>> events = client.read(
                Topics.PLATFORM_CLUES,
                r -> "cn.wildlife.link.found.v1".equals(header(r, "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains(market),
                2,
                PATIENCE);
        assertThat(events).hasSize(2);
        events.forEach(e -> assertThat(new String(e.value(), StandardCharsets.UTF_8))
                .doesNotContain(phone)
                .contains("\"identifierType\":\"PHONE\""));
    }

    @Test
    void aCasePartysIdNumberLinksItToAPoliceClueAndARedeliveredReportLinksNothingTwice() {
        String idNumber = "220112" + (1970 + ThreadLocalRandom.current().nextInt(40)) + "0101"
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String policeClue =
                "PUBLIC_SECURITY-220112-LNK-" + UUID.randomUUID().toString().substring(0, 8);
        Envelope<ClueReported> report = Envelope.of(
                URI.create("urn:agency:public-security:220112"),
                Agency.PUBLIC_SECURITY,
                "220112",
                ClueReported.builder(
                                policeClue,
                                "220112",
                                ClueSource.AGENCY_INTELLIGENCE,
                                Instant.parse("2026-11-19T01:00:00Z"))
                        .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                        .summary("网安发现嫌疑人在群内出售鸟类")
                        .identifiers(List.of(new Identifier(IdentifierType.ID_NUMBER, idNumber)))
                        .build()
                        .sealedWith(client.intakeKey()));
        client.publish(Topics.agencyClues(Agency.PUBLIC_SECURITY), report);
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(client.get(gateway + "/api/clues/" + policeClue, client.as("police-officer"))
                                        .status())
                                .isEqualTo(200));

        PlatformClient.Answer opened =
                client.post(gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z","title":"非法收购鸟类案",
                 "parties":[{"kind":"PERSON","name":"赵某","idNumber":"%s"}]}""".formatted(idNumber), client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String caseId = opened.body().get("id").asString();

        JsonNode forPolice = links("police-officer", policeClue);
        assertThat(forPolice.size()).isEqualTo(1);
        assertThat(forPolice.get(0).get("identifierType").asString()).isEqualTo("ID_NUMBER");
        assertThat(forPolice
                        .get(0)
                        .get("records")
                        .valueStream()
                        .map(r -> r.get("kind").asString() + ":" + r.get("id").asString()))
                .containsExactlyInAnyOrder("CLUE:" + policeClue, "CASE:" + caseId);

        client.publish(Topics.agencyClues(Agency.PUBLIC_SECURITY), report);
        assertThat(client.read(
                        Topics.PLATFORM_CLUES,
                        r -> "cn.wildlife.link.found.v1".equals(header(r, "ce_type"))
                                && new String(r.value(), StandardCharsets.UTF_8).contains(policeClue),
                        2,
                        Duration.ofSeconds(5)))
                .as("found once")
                .hasSize(1);
    }

    @Test
    void identifiersInPlainOnAnAgencyTopicAreDeadLetteredNamingTheIntakeKey() {
        String idNumber = "22011219800101"
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String policeClue =
                "PUBLIC_SECURITY-220112-PLN-" + UUID.randomUUID().toString().substring(0, 8);
        client.publish(
                Topics.agencyClues(Agency.PUBLIC_SECURITY),
                Envelope.of(
                        URI.create("urn:agency:public-security:220112"),
                        Agency.PUBLIC_SECURITY,
                        "220112",
                        ClueReported.builder(
                                        policeClue,
                                        "220112",
                                        ClueSource.AGENCY_INTELLIGENCE,
                                        Instant.parse("2026-11-19T01:00:00Z"))
                                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                .summary("网安发现嫌疑人在群内出售鸟类")
                                .identifiers(List.of(new Identifier(IdentifierType.ID_NUMBER, idNumber)))
                                .build()));

        List<ConsumerRecord<String, byte[]>> refused = client.read(
                Topics.agencyClues(Agency.PUBLIC_SECURITY) + Topics.DEAD_LETTER_SUFFIX,
                r -> policeClue.equals(r.key()),
                1,
                PATIENCE);

        assertThat(refused).hasSize(1);
        assertThat(header(refused.get(0), "dlt-reason"))
                .contains("in plain are refused", client.intakeKey().id())
                .doesNotContain(idNumber);
        assertThat(client.get(gateway + "/api/clues/" + policeClue, client.as("police-officer"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anImplausibleIdentifierIsRefusedNamingIt() {
        PlatformClient.Answer bad = client.post(gateway + "/api/clues", """
                {"region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z","summary":"x",
                 "identifiers":[{"type":"PHONE","value":"ring me"}]}""", client.as("forestry-officer"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("identifiers[0].value");
        PlatformClient.Answer unknownType = client.post(gateway + "/api/clues", """
                {"region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z","summary":"x",
                 "identifiers":[{"type":"EMAIL","value":"a@b.c"}]}""", client.as("forestry-officer"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.raw()).contains("identifiers[0].type");
    }
}
