package cn.wildlife.inspection.results.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which tallies a table for the days from {@code from} to {@code to} reads, and how: a month wholly inside counts by
 * its total, the months at either end that the period covers only in part by their days.
 */
public record TallyPeriod(LocalDate from, LocalDate to) {

    /** The first month wholly inside; after {@link #lastWhole()} when none is. */
    public YearMonth firstWhole() {
        YearMonth first = YearMonth.from(from);
        return from.getDayOfMonth() == 1 ? first : first.plusMonths(1);
    }

    public YearMonth lastWhole() {
        YearMonth last = YearMonth.from(to);
        return to.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
    }

    public boolean hasWholeMonths() {
        return !firstWhole().isAfter(lastWhole());
    }

    /** The months at either end that the period covers only in part: those count by their days. */
    public List<YearMonth> partMonths() {
        YearMonth firstWhole = firstWhole();
        YearMonth lastWhole = lastWhole();
        return Stream.of(YearMonth.from(from), YearMonth.from(to))
                .distinct()
                .filter(m -> m.isBefore(firstWhole) || m.isAfter(lastWhole))
                .toList();
    }

    /** Whether a day of a part month, by its key in the month's tally, is within the period. */
    public boolean covers(YearMonth month, String dayOfMonth) {
        LocalDate date = month.atDay(Integer.parseInt(dayOfMonth));
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
