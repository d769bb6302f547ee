package cn.wildlife.caseservice.species;

import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.support.csv.CsvRows;
import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a species list in CSV with the column headers agencies use (代码,中文名,学名,纲,保护级别,CITES附录,计数单位).
 * Levels and units may be written in Chinese (国家一级, 只) or as the platform's names (NATIONAL_FIRST, ANIMAL).
 */
final class SpeciesImport {

    static final List<String> HEADERS = List.of("代码", "中文名", "学名", "纲", "保护级别", "CITES附录", "计数单位");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,59}$");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    /** The species read and, by row number (the header is row 1), what is wrong with the others. */
    record Result(List<Species> species, List<FieldError> errors) {}

    private SpeciesImport() {}

    /**
     * Reads {@code csv} line by line, refusing it ({@link ImportLimitExceeded}) at the first line, column, cell or
     * character over {@code limits}: a file of a million empty cells stops at the limit instead of filling the heap.
     */
    static Result read(String csv, ImportLimits limits, Texts texts) {
        List<FieldError> errors = new ArrayList<>();
        List<Species> species = new ArrayList<>();
        // Lazily, so that a file of empty lines is refused at the row limit before it is all split.
        Iterator<String> lines =
                LINE_BREAK.splitAsStream(csv.replace("\uFEFF", "")).iterator();
        String header = lines.hasNext() ? lines.next() : null;
        if (header == null || !split(header, limits).equals(HEADERS)) {
            errors.add(new FieldError(
                    "header", texts.get("import.header", String.join(",", HEADERS)), header == null ? "" : header));
            return new Result(List.of(), errors);
        }
        Set<String> seen = new HashSet<>();
        long cellsRead = HEADERS.size();
        for (int i = 1; lines.hasNext(); i++) {
            if (i > limits.rows()) {
                throw limits.exceeded(ImportLimits.Limit.ROWS);
            }
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            int row = i + 1;
            List<String> cells = split(line, limits);
            cellsRead += cells.size();
            if (cellsRead > limits.cells()) {
                throw limits.exceeded(ImportLimits.Limit.CELLS);
            }
            if (cells.size() != HEADERS.size()) {
                errors.add(
                        new FieldError("row " + row, texts.get("import.columns", cells.size(), HEADERS.size()), line));
                continue;
            }
            int before = errors.size();
            String code = cells.get(0);
            if (!CODE.matcher(code).matches()) {
                errors.add(new FieldError("row " + row + " 代码", texts.get("import.code"), code));
            } else if (!seen.add(code)) {
                errors.add(new FieldError("row " + row + " 代码", texts.get("import.duplicate"), code));
            }
            if (cells.get(1).isBlank()) {
                errors.add(new FieldError("row " + row + " 中文名", texts.get("import.empty"), cells.get(1)));
            }
            if (cells.get(2).isBlank()) {
                errors.add(new FieldError("row " + row + " 学名", texts.get("import.empty"), cells.get(2)));
            }
            ProtectionLevel level = level(cells.get(4));
            if (level == null) {
                errors.add(new FieldError(
                        "row " + row + " 保护级别",
                        texts.get(
                                "import.one-of",
                                Arrays.stream(ProtectionLevel.values())
                                        .map(ProtectionLevel::label)
                                        .toList()),
                        cells.get(4)));
            }
            String cites = cells.get(5).isBlank() ? null : cells.get(5).trim();
            if (cites != null && !List.of("I", "II", "III").contains(cites)) {
                errors.add(new FieldError("row " + row + " CITES附录", texts.get("import.cites"), cites));
            }
            QuantityUnit unit = unit(cells.get(6));
            if (unit == null) {
                errors.add(new FieldError(
                        "row " + row + " 计数单位",
                        texts.get(
                                "import.one-of",
                                Arrays.stream(QuantityUnit.values())
                                        .map(QuantityUnit::label)
                                        .toList()),
                        cells.get(6)));
            }
            if (errors.size() == before) {
                species.add(new Species(
                        code,
                        cells.get(1).trim(),
                        cells.get(2).trim(),
                        cells.get(3).trim(),
                        level,
                        cites,
                        unit));
            }
        }
        return new Result(species, errors);
    }

    private static ProtectionLevel level(String cell) {
        String v = cell.trim();
        return Arrays.stream(ProtectionLevel.values())
                .filter(l -> l.name().equals(v)
                        || l.label().equals(v)
                        || (l == ProtectionLevel.PROVINCIAL && v.equals("省级"))
                        || (l == ProtectionLevel.NONE && (v.equals("无") || v.isEmpty())))
                .findFirst()
                .orElse(null);
    }

    private static QuantityUnit unit(String cell) {
        String v = cell.trim();
        return Arrays.stream(QuantityUnit.values())
                .filter(u -> u.name().equals(v) || u.label().equals(v))
                .findFirst()
                .orElse(null);
    }

    /** One CSV line's cells, trimmed. */
    static List<String> split(String line, ImportLimits limits) {
        List<List<String>> rows = CsvRows.parse(line, limits);
        return rows.isEmpty()
                ? List.of("")
                : rows.get(0).stream().map(String::trim).toList();
    }
}
