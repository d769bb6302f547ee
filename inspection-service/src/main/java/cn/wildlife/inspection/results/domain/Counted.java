package cn.wildlife.inspection.results.domain;

import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record's part in the running tallies: the tally it counts in (one per operation, region and month, holding the
 * month's days too), the day, and its amount per column.
 */
public record Counted(String operationId, String region, LocalDate day, Map<Column, BigDecimal> values) {

    /** The operation of inspections tagged with none: they count in every operation over their region and day. */
    public static final String NO_OPERATION = "";

    public Counted {
        Map<Column, BigDecimal> copy = new EnumMap<>(Column.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** The contributions summed per column; null when the record counts in no operation or adds nothing. */
    public static @Nullable Counted of(@Nullable String operationId, LocalDate day, List<Contribution> parts) {
        if (operationId == null || parts.isEmpty()) {
            return null;
        }
        Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
        for (Contribution c : parts) {
            values.merge(c.column(), c.amount(), BigDecimal::add);
        }
        return new Counted(operationId, parts.get(0).region(), day, values);
    }

    /** The id of the month's tally it counts in. */
    public String tally() {
        return operationId + "|" + region + "|" + month();
    }

    public YearMonth month() {
        return YearMonth.from(day);
    }

    /** The province a table is asked for by: the first two digits of the region code. */
    public String province() {
        return region.substring(0, 2);
    }

    /** The day's key within its month's tally: two digits, so that the days sort as numbers. */
    public String dayOfMonth() {
        return dayKey(day);
    }

    static String dayKey(LocalDate day) {
        return day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : Integer.toString(day.getDayOfMonth());
    }

    /** An amount per column to add to a tally, and to the tally's {@code day} in it. */
    public record Change(Counted at, Map<Column, BigDecimal> amounts) {}

    /**
     * What moving a record's part from what it was ({@code before}) to what it is ({@code after}) adds to the
     * tallies, either possibly none; columns that do not change are left out, and so is a tally none of whose
     * columns change. Within one tally the move is a single change at the new day: a tally takes an event's part in
     * one write, and a second write for the same event would find the event already taken.
     */
    public static List<Change> moves(@Nullable Counted before, @Nullable Counted after) {
        List<Change> changes = new ArrayList<>();
        if (before != null && after != null && before.tally().equals(after.tally())) {
            Map<Column, BigDecimal> delta = new EnumMap<>(Column.class);
            delta.putAll(after.values());
            before.values().forEach((column, amount) -> delta.merge(column, amount.negate(), BigDecimal::add));
            addIfAny(changes, after, delta);
            return changes;
        }
        if (before != null) {
            Map<Column, BigDecimal> out = new EnumMap<>(Column.class);
            before.values().forEach((column, amount) -> out.put(column, amount.negate()));
            addIfAny(changes, before, out);
        }
        if (after != null) {
            addIfAny(changes, after, after.values());
        }
        return changes;
    }

    private static void addIfAny(List<Change> changes, Counted at, Map<Column, BigDecimal> amounts) {
        Map<Column, BigDecimal> nonZero = new EnumMap<>(Column.class);
        amounts.forEach((column, amount) -> {
            if (amount.signum() != 0) {
                nonZero.put(column, amount);
            }
        });
        if (!nonZero.isEmpty()) {
            changes.add(new Change(at, Collections.unmodifiableMap(nonZero)));
        }
    }
}
