package cn.wildlife.inspection.results.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallySumsTest {

    private static Counted clue(String region, String day) {
        return Counted.of(
                "OP-1",
                LocalDate.parse(day),
                List.of(new Contribution(region, Column.CLUES_RECEIVED, BigDecimal.ONE, "clue:x")));
    }

    @Test
    void recordsOfOneRegionAndMonthSumIntoOneTallyWithTheirDays() {
        TallySums sums = new TallySums();
        sums.add(clue("210112", "2022-09-03"));
        sums.add(clue("210112", "2022-09-03"));
        sums.add(clue("210112", "2022-09-21"));
        sums.add(null);

        assertThat(sums.size()).isOne();
        TallySums.Month september = sums.months().iterator().next();
        assertThat(september.named().tally()).isEqualTo("OP-1|210112|2022-09");
        assertThat(september.total()).isEqualTo(Map.of(Column.CLUES_RECEIVED, BigDecimal.valueOf(3)));
        assertThat(september.days())
                .isEqualTo(Map.of(
                        "03",
                        Map.of(Column.CLUES_RECEIVED, BigDecimal.valueOf(2)),
                        "21",
                        Map.of(Column.CLUES_RECEIVED, BigDecimal.ONE)));
    }

    @Test
    void anotherRegionOrMonthIsAnotherTally() {
        TallySums sums = new TallySums();
        sums.add(clue("210112", "2022-09-03"));
        sums.add(clue("210203", "2022-09-03"));
        sums.add(clue("210112", "2022-10-03"));

        assertThat(sums.months())
                .extracting(m -> m.named().tally())
                .containsExactlyInAnyOrder("OP-1|210112|2022-09", "OP-1|210203|2022-09", "OP-1|210112|2022-10");
    }
}
