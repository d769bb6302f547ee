package cn.wildlife.inspection.results.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static Contribution c(String region, Column column, long amount, String source) {
        return new Contribution(region, column, BigDecimal.valueOf(amount), source);
    }

    private final List<Contribution> contributions = List.of(
            c("210112", Column.PERSONNEL_SORTIES, 6, "sortie:a"),
            c("210112", Column.PERSONNEL_SORTIES, 4, "sortie:b"),
            c("210102", Column.PERSONNEL_SORTIES, 3, "sortie:c"),
            c("210100", Column.PERSONNEL_SORTIES, 2, "sortie:d"),
            c("210203", Column.FINES, 5000, "case:x"),
            c("210203", Column.ADMINISTRATIVE_CASES, 1, "case:x"),
            c("220112", Column.PERSONNEL_SORTIES, 99, "sortie:elsewhere"));

    private static ResultsTable.Row row(List<ResultsTable.Row> rows, String region) {
        return rows.stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void countiesRollUpIntoTheirCityAndCitiesIntoTheProvince() {
        List<ResultsTable.Row> rows = ResultsTable.rollUp("210000", contributions);

        assertThat(rows)
                .extracting(ResultsTable.Row::region)
                .containsExactly("210000", "210100", "210102", "210112", "210200", "210203");
        assertThat(row(rows, "210112").values().get(Column.PERSONNEL_SORTIES)).isEqualByComparingTo("10");
        // The city's own sortie counts in the city, not in any county.
        assertThat(row(rows, "210100").values().get(Column.PERSONNEL_SORTIES)).isEqualByComparingTo("15");
        assertThat(row(rows, "210000").values().get(Column.PERSONNEL_SORTIES)).isEqualByComparingTo("15");
        assertThat(row(rows, "210000").values().get(Column.FINES)).isEqualByComparingTo("5000");
        assertThat(row(rows, "210100").level()).isEqualTo(ResultsTable.Level.CITY);
        assertThat(row(rows, "210203").level()).isEqualTo(ResultsTable.Level.COUNTY);
    }

    @Test
    void everyNumberNamesTheRecordsBehindIt() {
        List<ResultsTable.Row> rows = ResultsTable.rollUp("210000", contributions);

        assertThat(row(rows, "210100").sources().get(Column.PERSONNEL_SORTIES))
                .containsExactly("sortie:a", "sortie:b", "sortie:c", "sortie:d");
        assertThat(row(rows, "210200").sources().get(Column.FINES)).containsExactly("case:x");
        assertThat(row(rows, "210000").sources()).doesNotContainKey(Column.VEHICLE_SORTIES);
        assertThat(row(rows, "210000").values().get(Column.VEHICLE_SORTIES)).isEqualByComparingTo("0");
    }

    @Test
    void aCitysTableHoldsOnlyItsSubtree() {
        List<ResultsTable.Row> rows = ResultsTable.rollUp("210100", contributions);

        assertThat(rows).extracting(ResultsTable.Row::region).containsExactly("210100", "210102", "210112");
        assertThat(rows.get(0).values().get(Column.FINES)).isEqualByComparingTo("0");
    }

    @Test
    void aCountySeesItsOwnRowAlone() {
        assertThat(ResultsTable.rollUp("210112", contributions))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.values().get(Column.PERSONNEL_SORTIES)).isEqualByComparingTo("10"));
    }

    @Test
    void cluesOfTheOperationRollUpWithTheirIdsAfterTheSeedsColumns() {
        List<ResultsTable.Row> rows = ResultsTable.rollUp(
                "210000",
                List.of(
                        c("210112", Column.CLUES_RECEIVED, 1, "clue:FORESTRY-210112-1"),
                        c("210102", Column.CLUES_RECEIVED, 1, "clue:FORESTRY-210102-7")));

        assertThat(row(rows, "210100").values().get(Column.CLUES_RECEIVED)).isEqualByComparingTo("2");
        assertThat(row(rows, "210000").sources().get(Column.CLUES_RECEIVED))
                .containsExactly("clue:FORESTRY-210102-7", "clue:FORESTRY-210112-1");
        // Seed 002's columns keep their places in exports; the clue column is added after them.
        assertThat(Column.values()[Column.values().length - 1]).isEqualTo(Column.CLUES_RECEIVED);
        assertThat(Column.values()[Column.values().length - 2]).isEqualTo(Column.FINES);
    }
}
