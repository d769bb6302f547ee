package cn.wildlife.events.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.EventType;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.species.SpeciesCatalogueChanged;
import io.cloudevents.jackson.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped samples are what the contract says: the valid ones are applied, the invalid ones refused and why. */
class SampleEventsTest {

    private final EventCodec codec = new EventCodec();
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
    void everySampleFileIsListed() throws Exception {
        assertThat(fileNames("samples/valid")).containsExactlyElementsOf(sorted(SampleEvents.VALID));
        assertThat(fileNames("samples/invalid")).containsExactlyElementsOf(sorted(SampleEvents.INVALID));
        assertThat(fileNames("samples/platform")).containsExactlyElementsOf(sorted(SampleEvents.PLATFORM));
    }

    @Test
    void theOperationTaggedSampleCarriesItsOperation() {
        Envelope<ClueReported> tagged = SampleEvents.valid(codec)
                .get(SampleEvents.VALID.indexOf("forestry-clue-operation-bird-market.json"))
                .as(ClueReported.class);

        assertThat(tagged.data().operationId()).isEqualTo("OP-210000-2022-ABC123");
    }

    @Test
    void thePlatformSamplesPassTheirSchemasAndBelongOnThePlatformTopic() {
        for (String name : SampleEvents.PLATFORM) {
            Envelope<?> read = codec.fromCloudEvent(new JsonFormat().deserialize(SampleEvents.bytes("platform", name)));
            assertThat(read.type()).isEqualTo(EventType.SPECIES_CATALOGUE_CHANGED);
            assertThat(read.as(SpeciesCatalogueChanged.class)
                            .data()
                            .species()
                            .get(0)
                            .code())
                    .isEqualTo("ailuropoda-melanoleuca");
            assertThat(PublishEvents.topicFor(read)).isEqualTo(Topics.PLATFORM_SPECIES);
        }
    }

    private static List<String> fileNames(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
