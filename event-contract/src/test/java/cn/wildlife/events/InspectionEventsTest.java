package cn.wildlife.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.facility.FacilityChanged;
import cn.wildlife.events.inspection.CrimeSuspected;
import cn.wildlife.events.inspection.DrawMade;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.inspection.RectificationChanged;
import cn.wildlife.events.kafka.EventDeserializer;
import cn.wildlife.events.kafka.EventSerializer;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every inspection and operation event the service publishes passes its schema and comes back equal. */
class InspectionEventsTest {

    private static final URI SOURCE = URI.create("urn:cn.wildlife:inspection-service");
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    static Stream<Envelope<?>> events() {
        return Stream.of(
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220112",
                        EventType.FACILITY_MEASURE_APPLIED,
                        new FacilityChanged(
                                "FAC-220112-1A2B3C4D",
                                "220112",
                                AT,
                                "林草执法员",
                                List.of(new FacilityChanged.Holding("cervus-nippon", 120)),
                                List.of("SUSPEND_BREEDING"),
                                "暂停人工繁育：逾期未整改",
                                3)),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220122",
                        EventType.INSPECTION_DRAW_PUBLISHED,
                        new DrawMade(
                                "DRAW-220122-1A2B3C4D",
                                "220122",
                                -42L,
                                AT,
                                List.of("FAC-220122-00000001"),
                                List.of("张伟", "李娜"),
                                true)),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220112",
                        EventType.INSPECTION_RECORDED,
                        new InspectionChanged(
                                "INS-220112-1A2B3C4D",
                                "FAC-220112-1A2B3C4D",
                                "220112",
                                "RECORDED",
                                null,
                                LocalDate.of(2026, 11, 2),
                                AT,
                                List.of("张伟", "李娜"),
                                List.of("SECURITY", "LEDGER_MATCHES"),
                                2,
                                2,
                                "OP-220000-2026-ABC123")),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220112",
                        new CrimeSuspected(
                                "INS-220112-1A2B3C4D-F2",
                                "INS-220112-1A2B3C4D",
                                "FAC-220112-1A2B3C4D",
                                "220112",
                                List.of("cervus-nippon"),
                                "梅花鹿少8头，涉嫌非法出售",
                                AT,
                                Agency.PUBLIC_SECURITY,
                                null)),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "220112",
                        EventType.RECTIFICATION_ACCEPTED,
                        new RectificationChanged(
                                "RECT-INS-220112-1A2B3C4D-F1",
                                "INS-220112-1A2B3C4D",
                                "FAC-220112-1A2B3C4D",
                                "INS-220112-1A2B3C4D-F1",
                                "220112",
                                "ACCEPTED",
                                AT,
                                LocalDate.of(2026, 11, 10),
                                Instant.parse("2026-11-10T16:00:00Z"),
                                AT.plusSeconds(86_400 * 5),
                                true,
                                2)),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "210000",
                        new OperationChanged(
                                "OP-210000-2022-ABC123",
                                "辽宁省秋冬季鸟类等野生动物保护专项行动",
                                Agency.FORESTRY,
                                "辽宁省林业和草原局野生动植物保护处",
                                "210000",
                                LocalDate.of(2022, 8, 8),
                                LocalDate.of(2022, 12, 31),
                                List.of(new OperationChanged.Phase(
                                        "动员摸底阶段", LocalDate.of(2022, 8, 8), LocalDate.of(2022, 8, 18))),
                                List.of(Agency.FORESTRY, Agency.PUBLIC_SECURITY),
                                LocalDate.of(2023, 1, 15),
                                List.of(
                                        new OperationChanged.DueReport(
                                                "OP-210000-2022-ABC123:210100:2022-09",
                                                Agency.FORESTRY,
                                                "210100",
                                                "2022-09",
                                                LocalDate.of(2022, 10, 5)),
                                        new OperationChanged.DueReport(
                                                "OP-210000-2022-ABC123:210000:FINAL",
                                                Agency.FORESTRY,
                                                "210000",
                                                "FINAL",
                                                LocalDate.of(2023, 1, 15))),
                                List.of(new OperationChanged.Duty(
                                        Agency.FORESTRY, "对非法交易场所每周至少进行一次巡查", 7, List.of("沈阳市北行花鸟鱼市场"))),
                                1)),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "210112",
                        new SortieRecorded(
                                "SRT-1",
                                "OP-210000-2022-ABC123",
                                Agency.FORESTRY,
                                "210112",
                                LocalDate.of(2022, 9, 2),
                                6,
                                2,
                                List.of(new SortieRecorded.Places(PlaceKind.MARKET, 3)),
                                "沈阳市北行花鸟鱼市场")),
                Envelope.of(
                        SOURCE,
                        Agency.FORESTRY,
                        "210100",
                        new ReportSubmitted(
                                "OP-210000-2022-ABC123",
                                "OP-210000-2022-ABC123:210100:2022-09",
                                Agency.FORESTRY,
                                "210100",
                                "2022-09",
                                LocalDate.of(2022, 10, 5),
                                LocalDate.of(2022, 10, 3),
                                false)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void passesItsSchemaAndRoundTrips(Envelope<?> sent) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize(Topics.PLATFORM_INSPECTIONS, headers, sent);

        assertThat(deserializer.deserialize(Topics.PLATFORM_INSPECTIONS, headers, value))
                .isEqualTo(sent);
        assertThat(Topics.catalogue().stream()
                        .filter(t -> t.eventTypes().contains(sent.type()))
                        .count())
                .as("documented on one topic")
                .isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aNegativeCountBreaksTheSchema() {
        Envelope<FacilityChanged> bad = Envelope.of(
                SOURCE,
                Agency.FORESTRY,
                "220112",
                EventType.FACILITY_LEDGER_CHANGED,
                new FacilityChanged(
                        "FAC-220112-1A2B3C4D",
                        "220112",
                        AT,
                        "x",
                        List.of(new FacilityChanged.Holding("cervus-nippon", -1)),
                        List.of(),
                        null,
                        2));

        assertThatThrownBy(() -> serializer.serialize(Topics.PLATFORM_INSPECTIONS, new RecordHeaders(), bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdings[0].count");
    }
}
