package cn.wildlife.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.kafka.EventSerializer;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final EventSerializer serializer = new EventSerializer(codec);
    private final EventDeserializer deserializer = new EventDeserializer(codec);

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
