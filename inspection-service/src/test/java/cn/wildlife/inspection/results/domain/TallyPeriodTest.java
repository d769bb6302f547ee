package cn.wildlife.inspection.results.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TallyPeriodTest {

    private static TallyPeriod period(String from, String to) {
        return new TallyPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aPeriodOfWholeMonthsReadsOnlyTheirTotals() {
        TallyPeriod quarter = period("2022-07-01", "2022-09-30");

        assertThat(quarter.hasWholeMonths()).isTrue();
        assertThat(quarter.firstWhole()).isEqualTo(YearMonth.of(2022, 7));
        assertThat(quarter.lastWhole()).isEqualTo(YearMonth.of(2022, 9));
        assertThat(quarter.partMonths()).isEmpty();
    }

    @Test
    void theMonthsAtEitherEndThatItCoversInPartCountByTheirDays() {
        TallyPeriod period = period("2022-08-20", "2022-10-10");

        assertThat(period.firstWhole()).isEqualTo(YearMonth.of(2022, 9));
        assertThat(period.lastWhole()).isEqualTo(YearMonth.of(2022, 9));
        assertThat(period.partMonths()).containsExactly(YearMonth.of(2022, 8), YearMonth.of(2022, 10));
        assertThat(period.covers(YearMonth.of(2022, 8), "19")).isFalse();
        assertThat(period.covers(YearMonth.of(2022, 8), "20")).isTrue();
        assertThat(period.covers(YearMonth.of(2022, 10), "10")).isTrue();
        assertThat(period.covers(YearMonth.of(2022, 10), "11")).isFalse();
    }

    @Test
    void aPeriodWithinOneMonthReadsThatMonthByItsDaysOnce() {
        TallyPeriod half = period("2022-09-01", "2022-09-15");

        assertThat(half.hasWholeMonths()).isFalse();
        assertThat(half.partMonths()).containsExactly(YearMonth.of(2022, 9));
        assertThat(period("2022-08-31", "2022-08-31").partMonths()).containsExactly(YearMonth.of(2022, 8));
    }

    @Test
    void everyDayOfThePeriodIsReadExactlyOnceAndNoOtherDay() {
        LocalDate start = LocalDate.parse("2022-01-01");
        for (int from = 0; from < 100; from += 7) {
            for (int length = 0; length < 120; length += 11) {
                TallyPeriod p = new TallyPeriod(start.plusDays(from), start.plusDays(from + length));
                for (LocalDate day = start; day.isBefore(start.plusDays(240)); day = day.plusDays(1)) {
                    YearMonth month = YearMonth.from(day);
                    boolean byTotal =
                            p.hasWholeMonths() && !month.isBefore(p.firstWhole()) && !month.isAfter(p.lastWhole());
                    boolean byDay = p.partMonths().contains(month) && p.covers(month, Counted.dayKey(day));
                    boolean inside = !day.isBefore(p.from()) && !day.isAfter(p.to());
                    assertThat(byTotal && byDay)
                            .as("%s read twice for %s", day, p)
                            .isFalse();
                    assertThat(byTotal || byDay).as("%s for %s", day, p).isEqualTo(inside);
                }
            }
        }
    }
}
