package cn.wildlife.inspection.results.domain;

import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Tallies summed in memory from many records' parts, as a build from the stored records makes them: per month's
 * tally, its total per column and each day's.
 */
public final class TallySums {

    /** A month's tally: any one of its parts names it (operation, region, month); its total; its days by key. */
    public record Month(Counted named, Map<Column, BigDecimal> total, Map<String, Map<Column, BigDecimal>> days) {}

    private final Map<String, Month> months = new LinkedHashMap<>();

    public void add(@Nullable Counted part) {
        if (part == null) {
            return;
        }
        Month month = months.computeIfAbsent(
                part.tally(), id -> new Month(part, new EnumMap<>(Column.class), new TreeMap<>()));
        Map<Column, BigDecimal> day = month.days().computeIfAbsent(part.dayOfMonth(), k -> new EnumMap<>(Column.class));
        part.values().forEach((column, amount) -> {
            month.total().merge(column, amount, BigDecimal::add);
            day.merge(column, amount, BigDecimal::add);
        });
    }

    public Collection<Month> months() {
        return Collections.unmodifiableCollection(months.values());
    }

    public int size() {
        return months.size();
    }
}
