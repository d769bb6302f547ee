package cn.wildlife.inspection.facility;

import cn.wildlife.events.RegionCode;
import cn.wildlife.inspection.species.SpeciesCodes;
import cn.wildlife.support.csv.CsvRows;
import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a facility list as agencies keep it, in CSV or xlsx, with their Chinese column headers (in any order; other
 * columns are ignored). Every bad row is reported by its number in the file (the header is row 1) and the column.
 */
final class FacilitySheet {

    static final String NAME = "机构名称";
    static final String REGION = "行政区划代码";
    static final String ADDRESS = "地址";
    static final String LICENCE = "许可证号";
    static final String VALID_FROM = "许可有效期起";
    static final String VALID_UNTIL = "许可有效期至";
    static final String SPECIES = "许可物种";
    static final String PURPOSES = "许可用途";
    static final String HOLDINGS = "在养物种及数量";
    static final List<String> REQUIRED = List.of(NAME, REGION, ADDRESS, LICENCE, VALID_UNTIL, SPECIES, PURPOSES);

    /** The request's field names in the agencies' words, so a bad row names the column they know. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "name",
            NAME,
            "region",
            REGION,
            "address",
            ADDRESS,
            "licenceNumber",
            LICENCE,
            "licenceValidFrom",
            VALID_FROM,
            "licenceValidUntil",
            VALID_UNTIL,
            "licensedSpeciesCodes",
            SPECIES,
            "purposes",
            PURPOSES,
            "holdings",
            HOLDINGS);

    /** One good row and its number in the file. */
    record Parsed(int row, FacilityWork.Registration registration) {}

    /** The rows that can be registered, and what is wrong with the others. */
    record Result(List<Parsed> rows, List<FieldError> errors, int total) {}

    private FacilitySheet() {}

    static boolean isXlsx(byte[] content) {
        // An xlsx file is a zip archive: "PK\3\4".
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The file's cells, read as a stream and refused ({@link ImportLimitExceeded}) at the first count over limits. */
    static List<List<String>> cells(byte[] content, ImportLimits limits) {
        return isXlsx(content)
                ? XlsxRows.read(content, limits)
                : CsvRows.parse(new String(content, StandardCharsets.UTF_8), limits);
    }

    static Result read(
            List<List<String>> cells,
            SpeciesCodes species,
            RegionCode callerRegion,
            Function<FacilityWork.Registration, List<FieldError>> domainCheck,
            Function<String, Boolean> licenceRegistered,
            Texts texts) {
        List<FieldError> errors = new ArrayList<>();
        if (cells.isEmpty()) {
            errors.add(new FieldError("row 1", texts.get("header.missing", String.join(",", REQUIRED)), ""));
            return new Result(List.of(), errors, 0);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = cells.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).replace("\uFEFF", "").trim(), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                errors.add(new FieldError("row 1", texts.get("header.missing", required), String.join(",", header)));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors, 0);
        }
        List<Parsed> parsed = new ArrayList<>();
        Set<String> licences = new HashSet<>();
        int total = 0;
        for (int r = 1; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            total++;
            int row = r + 1;
            Function<String, String> cell = name -> {
                Integer i = column.get(name);
                return i == null || i >= line.size() ? "" : line.get(i).trim();
            };
            List<FieldError> rowErrors = new ArrayList<>();
            for (String required : REQUIRED) {
                if (cell.apply(required).isEmpty()) {
                    rowErrors.add(error(row, required, texts.get("required"), ""));
                }
            }
            String region = cell.apply(REGION);
            if (!region.isEmpty() && !RegionCode.isValid(region)) {
                rowErrors.add(error(row, REGION, texts.get("region.invalid"), region));
            } else if (!region.isEmpty() && !callerRegion.contains(region)) {
                rowErrors.add(error(row, REGION, texts.get("region.outside", callerRegion.code()), region));
            }
            String licence = cell.apply(LICENCE);
            if (!licence.isEmpty() && !licences.add(licence)) {
                rowErrors.add(error(row, LICENCE, texts.get("licence.duplicate"), licence));
            } else if (!licence.isEmpty() && licenceRegistered.apply(licence)) {
                rowErrors.add(error(row, LICENCE, texts.get("licence.registered"), licence));
            }
            LocalDate from = date(row, VALID_FROM, cell.apply(VALID_FROM), rowErrors, texts);
            LocalDate until = date(row, VALID_UNTIL, cell.apply(VALID_UNTIL), rowErrors, texts);
            List<String> speciesCodes = new ArrayList<>();
            for (String item : items(cell.apply(SPECIES))) {
                // A name the catalogue does not know stays as written, so the error shows what the agency typed.
                speciesCodes.add(species.resolve(item).orElse(item));
            }
            List<Facility.Purpose> purposes = new ArrayList<>();
            for (String item : items(cell.apply(PURPOSES))) {
                Facility.Purpose purpose = Arrays.stream(Facility.Purpose.values())
                        .filter(p -> p.name().equals(item) || p.label().equals(item))
                        .findFirst()
                        .orElse(null);
                if (purpose == null) {
                    rowErrors.add(error(row, PURPOSES, texts.get("purpose.unknown"), item));
                } else {
                    purposes.add(purpose);
                }
            }
            List<Facility.Holding> holdings = new ArrayList<>();
            for (String item : items(cell.apply(HOLDINGS))) {
                String[] pair = item.split("[:：]");
                try {
                    if (pair.length != 2) {
                        throw new NumberFormatException(item);
                    }
                    holdings.add(new Facility.Holding(
                            species.resolve(pair[0]).orElse(pair[0].trim()), Long.parseLong(pair[1].trim())));
                } catch (NumberFormatException e) {
                    rowErrors.add(error(row, HOLDINGS, texts.get("holding.format"), item));
                }
            }
            if (rowErrors.isEmpty() && until != null) {
                FacilityWork.Registration registration = new FacilityWork.Registration(
                        cell.apply(NAME),
                        region,
                        cell.apply(ADDRESS),
                        licence,
                        from,
                        until,
                        speciesCodes,
                        purposes,
                        holdings);
                for (FieldError e : domainCheck.apply(registration)) {
                    rowErrors.add(error(row, column(e.field()), e.message(), e.rejectedValue()));
                }
                if (rowErrors.isEmpty()) {
                    parsed.add(new Parsed(row, registration));
                }
            }
            errors.addAll(rowErrors);
        }
        return new Result(parsed, errors, total);
    }

    static FieldError error(int row, String column, String message, Object rejected) {
        return new FieldError("row " + row + " " + column, message, rejected);
    }

    private static String column(String field) {
        String head = field.split("[\\[.]", 2)[0];
        return COLUMN_OF.getOrDefault(head, field);
    }

    private static List<String> items(String cell) {
        return Arrays.stream(cell.split("[;；、,，]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static LocalDate date(int row, String column, String value, List<FieldError> errors, Texts texts) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            errors.add(error(row, column, texts.get("date.invalid"), value));
            return null;
        }
    }
}
