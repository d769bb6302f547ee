package cn.wildlife.inspection.results.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The results table (成果表) of a joint operation: what each region did, county rows rolled up into their city and
 * the city rows into the province. Every number is the sum of contributions, and each contribution names the record
 * it came from, so a number can be traced back.
 */
public final class ResultsTable {

    /** The columns, with the Chinese headers agencies' summaries use. */
    public enum Column {
        PERSONNEL_SORTIES("出动执法人员（人次）"),
        VEHICLE_SORTIES("出动车辆（台次）"),
        HABITATS_INSPECTED("检查野生动物活动区域（处）"),
        MARKETS_INSPECTED("检查重点市场场所（处）"),
        LIVE_POULTRY_SHOPS_INSPECTED("检查经营活禽交易门店（家）"),
        BREEDING_SITES_INSPECTED("检查野生动物人工繁育场所（家）"),
        RESTAURANTS_INSPECTED("检查餐饮场所（家）"),
        CRIMINAL_CASES("查办刑事案件（起）"),
        ADMINISTRATIVE_CASES("查办行政案件（起）"),
        PEOPLE_PENALISED("林政处罚（人）"),
        LIVE_ANIMALS_SEIZED("收缴野生动物活体（只）"),
        DEAD_ANIMALS_SEIZED("收缴野生动物死体（只）"),
        ANIMALS_RELEASED("放飞放生（只）"),
        TOOLS_SEIZED("收缴猎捕工具（套）"),
        CASE_VALUE("涉案价值（元）"),
        FINES("罚款（元）"),
        /** Clues the agencies received that name the operation; after the seed's columns, which it does not have. */
        CLUES_RECEIVED("受理线索（条）");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /** Where a row sits in the roll-up. */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    /**
     * One record's part in one number: e.g. 3 personnel sorties from sortie SRT-..., a fine from case FORESTRY-....
     * Without a source it is a running tally of many records, which a table without sources is summed from.
     */
    public record Contribution(
            String region,
            Column column,
            BigDecimal amount,
            @Nullable String source) {}

    /** One region's row: each column's total and the records behind it. */
    public record Row(String region, Level level, Map<Column, BigDecimal> values, Map<Column, List<String>> sources) {}

    private ResultsTable() {}

    public static Level levelOf(String region) {
        return region.endsWith("0000") ? Level.PROVINCE : region.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The regions a contribution counts in: its own, its city's (for a county) and its province's. */
    static List<String> chain(String region) {
        List<String> chain = new ArrayList<>(List.of(region));
        if (levelOf(region) == Level.COUNTY) {
            chain.add(region.substring(0, 4) + "00");
        }
        if (levelOf(region) != Level.PROVINCE) {
            chain.add(region.substring(0, 2) + "0000");
        }
        return chain;
    }

    /**
     * Rolls contributions up to every region on their chains that lies within {@code top}'s subtree, rows ordered as a
     * report reads: the top region first, then each city followed by its counties. Columns without any contribution
     * are zero, so every row has every column.
     */
    public static List<Row> rollUp(String top, List<Contribution> contributions) {
        String prefix = top.endsWith("0000") ? top.substring(0, 2) : top.endsWith("00") ? top.substring(0, 4) : top;
        Map<String, Map<Column, BigDecimal>> values = new TreeMap<>();
        Map<String, Map<Column, List<String>>> sources = new TreeMap<>();
        values.put(top, zeros());
        sources.put(top, new EnumMap<>(Column.class));
        for (Contribution c : contributions) {
            if (c.amount().signum() == 0) {
                continue;
            }
            for (String region : chain(c.region())) {
                if (!region.startsWith(prefix)) {
                    continue;
                }
                values.computeIfAbsent(region, r -> zeros()).merge(c.column(), c.amount(), BigDecimal::add);
                Map<Column, List<String>> traced = sources.computeIfAbsent(region, r -> new EnumMap<>(Column.class));
                if (c.source() != null) {
                    traced.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c.source());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        values.keySet().stream()
                .sorted(Comparator.comparing((String r) -> r.equals(top) ? 0 : 1)
                        .thenComparing(r -> r.substring(0, 4))
                        .thenComparing(ResultsTable::levelOf)
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(region -> {
                    Map<Column, List<String>> traced = new LinkedHashMap<>();
                    sources.get(region)
                            .forEach((column, list) -> traced.put(
                                    column, list.stream().distinct().sorted().toList()));
                    rows.add(new Row(region, levelOf(region), values.get(region), traced));
                });
        return rows;
    }

    private static Map<Column, BigDecimal> zeros() {
        Map<Column, BigDecimal> zeros = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            zeros.put(column, BigDecimal.ZERO);
        }
        return zeros;
    }
}
