package cn.wildlife.inspection.results.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountedTest {

    private static final String OPERATION = "OP-210000-1";
    private static final LocalDate SEPT_10 = LocalDate.parse("2022-09-10");

    private static Contribution part(String region, Column column, long amount) {
        return new Contribution(region, column, BigDecimal.valueOf(amount), "case:C1");
    }

    private static Counted aCase(String region, LocalDate day, long fines) {
        return Counted.of(
                OPERATION,
                day,
                fines == 0
                        ? List.of(part(region, Column.ADMINISTRATIVE_CASES, 1))
                        : List.of(part(region, Column.ADMINISTRATIVE_CASES, 1), part(region, Column.FINES, fines)));
    }

    /** What the changes leave in each tally (by its id and day), as the tallies would sum them. */
    private static Map<String, Map<Column, BigDecimal>> applied(List<Counted.Change> changes) {
        Map<String, Map<Column, BigDecimal>> tallies = new HashMap<>();
        for (Counted.Change c : changes) {
            c.amounts()
                    .forEach((column, amount) -> tallies.computeIfAbsent(
                                    c.at().tally() + "|" + c.at().dayOfMonth(), k -> new HashMap<>())
                            .merge(column, amount, BigDecimal::add));
        }
        return tallies;
    }

    @Test
    void aRecordOfNoOperationOrWithNothingToAddCountsNowhere() {
        assertThat(Counted.of(null, SEPT_10, List.of(part("210112", Column.FINES, 5))))
                .isNull();
        assertThat(Counted.of(OPERATION, SEPT_10, List.of())).isNull();
    }

    @Test
    void aRecordsPartsAreSummedPerColumnInTheMonthsTallyOfItsOperationAndRegion() {
        Counted c = Counted.of(
                OPERATION,
                SEPT_10,
                List.of(
                        part("210112", Column.LIVE_ANIMALS_SEIZED, 3),
                        part("210112", Column.LIVE_ANIMALS_SEIZED, 4),
                        part("210112", Column.ADMINISTRATIVE_CASES, 1)));

        assertThat(c.values())
                .containsOnly(
                        Map.entry(Column.LIVE_ANIMALS_SEIZED, BigDecimal.valueOf(7)),
                        Map.entry(Column.ADMINISTRATIVE_CASES, BigDecimal.ONE));
        assertThat(c.tally()).isEqualTo("OP-210000-1|210112|2022-09");
        assertThat(c.province()).isEqualTo("21");
    }

    @Test
    void daysSortAsNumbersWithinTheirMonth() {
        assertThat(aCase("210112", LocalDate.parse("2022-09-03"), 0).dayOfMonth())
                .isEqualTo("03");
        assertThat(aCase("210112", LocalDate.parse("2022-09-30"), 0).dayOfMonth())
                .isEqualTo("30");
    }

    @Test
    void aNewRecordAddsItsWholePart() {
        assertThat(applied(Counted.moves(null, aCase("210112", SEPT_10, 500))))
                .isEqualTo(Map.of(
                        "OP-210000-1|210112|2022-09|10",
                        Map.of(Column.ADMINISTRATIVE_CASES, BigDecimal.ONE, Column.FINES, BigDecimal.valueOf(500))));
    }

    @Test
    void aChangeWithinItsTallyAddsOnlyTheDifferenceInOneChange() {
        List<Counted.Change> changes = Counted.moves(aCase("210112", SEPT_10, 500), aCase("210112", SEPT_10, 800));

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).amounts()).isEqualTo(Map.of(Column.FINES, BigDecimal.valueOf(300)));
    }

    @Test
    void aChangeThatAltersNoNumberTouchesNoTally() {
        assertThat(Counted.moves(aCase("210112", SEPT_10, 500), aCase("210112", SEPT_10, 500)))
                .isEmpty();
        assertThat(Counted.moves(null, null)).isEmpty();
    }

    @Test
    void aRecordMovingToAnotherRegionLeavesItsOldTallyAndJoinsItsNewOne() {
        Map<String, Map<Column, BigDecimal>> left =
                applied(Counted.moves(aCase("210112", SEPT_10, 500), aCase("210203", SEPT_10, 500)));

        assertThat(left.get("OP-210000-1|210112|2022-09|10"))
                .isEqualTo(Map.of(
                        Column.ADMINISTRATIVE_CASES, BigDecimal.ONE.negate(), Column.FINES, BigDecimal.valueOf(-500)));
        assertThat(left.get("OP-210000-1|210203|2022-09|10"))
                .isEqualTo(Map.of(Column.ADMINISTRATIVE_CASES, BigDecimal.ONE, Column.FINES, BigDecimal.valueOf(500)));
    }

    @Test
    void aRecordLeavingItsOperationTakesItsWholePartOut() {
        assertThat(applied(Counted.moves(aCase("210112", SEPT_10, 500), null)))
                .isEqualTo(Map.of(
                        "OP-210000-1|210112|2022-09|10",
                        Map.of(
                                Column.ADMINISTRATIVE_CASES,
                                BigDecimal.ONE.negate(),
                                Column.FINES,
                                BigDecimal.valueOf(-500))));
    }

    @Test
    void anyRunOfChangesLeavesTheTalliesHoldingOnlyTheLastState() {
        List<Counted> states = List.of(
                aCase("210112", SEPT_10, 0),
                aCase("210112", SEPT_10, 300),
                aCase("210203", LocalDate.parse("2022-10-02"), 300),
                aCase("210203", LocalDate.parse("2022-10-02"), 0));
        Map<String, Map<Column, BigDecimal>> sums = new HashMap<>();
        Counted before = null;
        for (Counted now : states) {
            applied(Counted.moves(before, now))
                    .forEach((tally, values) -> values.forEach((column, amount) ->
                            sums.computeIfAbsent(tally, k -> new HashMap<>()).merge(column, amount, BigDecimal::add)));
            before = now;
        }
        sums.values().forEach(values -> values.values().removeIf(amount -> amount.signum() == 0));
        sums.values().removeIf(Map::isEmpty);

        assertThat(sums).isEqualTo(applied(Counted.moves(null, before)));
    }
}
