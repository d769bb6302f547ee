package cn.wildlife.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.cli.SampleEvents;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.kafka.EventSerializer;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final EventSerializer serializer = new EventSerializer(codec);
    private final EventDeserializer deserializer = new EventDeserializer(codec);

    @Test
    void everyValidSampleIsReadAndKeepsItsAttributes() {
        List<Envelope<?>> samples = SampleEvents.valid(codec);

        assertThat(samples).hasSize(SampleEvents.VALID.size());
        Envelope<ClueReported> first = samples.get(0).as(ClueReported.class);
        assertThat(first.agency()).isEqualTo(Agency.FORESTRY);
        assertThat(first.region()).isEqualTo("220112");
        assertThat(first.data().behaviours()).containsExactly(Behaviour.ILLEGAL_HUNTING);
        assertThat(first.subject()).isEqualTo("FORESTRY-220112-2026-0001");
    }

    @Test
    void binaryModeRoundTripKeepsEverything() {
        Envelope<ClueRecorded> sent = Envelope.of(
                        URI.create("urn:service:case-service"), Agency.FORESTRY, "220100", clueRecorded())
                .withCorrelation("corr-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        RecordHeaders headers = new RecordHeaders();

        byte[] value = serializer.serialize(Topics.PLATFORM_CLUES, headers, sent);
        Envelope<?> received = deserializer.deserialize(Topics.PLATFORM_CLUES, headers, value);

        assertThat(received).isEqualTo(sent);
        assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("cn.wildlife.clue.recorded.v1");
    }

    @Test
    void structuredModeWithoutHeadersIsAccepted() {
        byte[] sample = SampleEvents.bytes("valid", "forestry-clue-mist-nets.json");

        Envelope<?> read = deserializer.deserialize("agency.forestry.clues", new RecordHeaders(), sample);

        assertThat(read.type()).isEqualTo(EventType.CLUE_REPORTED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "missing-summary.json | required property 'summary' not found",
                "unknown-source.json  | source: does not have a value in the enumeration",
                "bad-region.json      | region: does not match the regex pattern",
                "unknown-type.json    | unknown event type 'cn.wildlife.clue.gossip.v1'",
                "wrong-agency.json    | topic agency.forestry.clues takes only FORESTRY's events",
                "not-json.txt         | not a readable CloudEvent"
            })
    void invalidSamplesAreRefusedWithTheirReason(String sample, String reason) {
        byte[] bytes = SampleEvents.bytes("invalid", sample);

        assertThatThrownBy(() -> deserializer.deserialize("agency.forestry.clues", new RecordHeaders(), bytes))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void oversizedEventsAreRefusedBeforeParsing() {
        byte[] huge = new byte[EventDeserializer.MAX_EVENT_BYTES + 1];

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PLATFORM_CLUES, new RecordHeaders(), huge))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void aProducerCannotPublishAPayloadThatBreaksItsSchema() {
        ClueRecorded bad = new ClueRecorded(
                "FORESTRY-1",
                Agency.FORESTRY,
                "22",
                ClueSource.PATROL,
                Instant.now(),
                Instant.now(),
                List.of(),
                List.of(),
                "x",
                ClueRecorded.Channel.EVENT);

        assertThatThrownBy(() -> codec.encodeData(EventType.CLUE_RECORDED, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }

    @Test
    void everySampleFileIsListed() throws Exception {
        try (var valid = java.nio.file.Files.list(java.nio.file.Path.of("samples/valid"));
                var invalid = java.nio.file.Files.list(java.nio.file.Path.of("samples/invalid"))) {
            assertThat(valid.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(
                            SampleEvents.VALID.stream().sorted().toList());
            assertThat(invalid.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(
                            SampleEvents.INVALID.stream().sorted().toList());
        }
    }

    @Test
    void structuredJsonOfTheSdkIsUnderstood() {
        byte[] structured = new JsonFormat()
                .serialize(codec.toCloudEvent(
                        Envelope.of(URI.create("urn:test"), Agency.FORESTRY, "220100", clueRecorded())));
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));

        assertThat(deserializer
                        .deserialize(Topics.PLATFORM_CLUES, headers, structured)
                        .type())
                .isEqualTo(EventType.CLUE_RECORDED);
    }

    @Test
    void theOperationTaggedSampleCarriesItsOperation() {
        Envelope<ClueReported> tagged = SampleEvents.valid(codec)
                .get(SampleEvents.VALID.indexOf("forestry-clue-operation-bird-market.json"))
                .as(ClueReported.class);

        assertThat(tagged.data().operationId()).isEqualTo("OP-210000-2022-ABC123");
    }

    @Test
    void thePlatformSamplesPassTheirSchemas() {
        for (String name : SampleEvents.PLATFORM) {
            Envelope<?> read = codec.fromCloudEvent(new JsonFormat().deserialize(SampleEvents.bytes("platform", name)));
            assertThat(read.type()).isEqualTo(EventType.SPECIES_CATALOGUE_CHANGED);
            assertThat(read.as(cn.wildlife.events.species.SpeciesCatalogueChanged.class)
                            .data()
                            .species()
                            .get(0)
                            .code())
                    .isEqualTo("ailuropoda-melanoleuca");
            assertThat(cn.wildlife.events.cli.PublishEvents.topicFor(read)).isEqualTo(Topics.PLATFORM_SPECIES);
        }
    }

    @Test
    void aClueMadeFromAnInspectionNamesItsFindingAndOperation() {
        ClueRecorded fromInspection = new ClueRecorded(
                "PUBLIC_SECURITY-INS-220112-1A2B3C4D-F2",
                Agency.PUBLIC_SECURITY,
                "220112",
                ClueSource.INSPECTION,
                Instant.parse("2026-11-02T02:00:00Z"),
                Instant.parse("2026-11-02T02:00:03Z"),
                List.of("cervus-nippon"),
                List.of(),
                "梅花鹿少8头",
                ClueRecorded.Channel.INSPECTION,
                "OP-220000-2026-ABC123",
                new ClueRecorded.FromInspection("INS-220112-1A2B3C4D-F2", "INS-220112-1A2B3C4D", "FAC-220112-1A2B3C4D"),
                null);
        Envelope<ClueRecorded> sent = Envelope.of(
                URI.create("urn:cn.wildlife:case-service"), Agency.PUBLIC_SECURITY, "220112", fromInspection);
        RecordHeaders headers = new RecordHeaders();

        assertThat(deserializer.deserialize(
                        Topics.PLATFORM_CLUES, headers, serializer.serialize(Topics.PLATFORM_CLUES, headers, sent)))
                .isEqualTo(sent);
    }

    static ClueRecorded clueRecorded() {
        return new ClueRecorded(
                "FORESTRY-220100-2026-0009",
                Agency.FORESTRY,
                "220100",
                ClueSource.DRONE,
                Instant.parse("2026-11-20T01:00:00Z"),
                Instant.parse("2026-11-20T01:00:05Z"),
                List.of("grus-japonensis"),
                List.of(Behaviour.HABITAT_DESTRUCTION),
                "无人机发现湿地被围垦",
                ClueRecorded.Channel.EVENT);
    }
}
