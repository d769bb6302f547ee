package cn.wildlife.support.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of an imported file (CSV or xlsx) a service reads before it refuses the file, under
 * {@code platform.imports.*}. A file is read as a stream and counted as it goes, so a file made to expand (a zip bomb,
 * a cell at the sheet's last column) is refused at the first count over its limit instead of filling the heap.
 *
 * @param rows              the most rows after the header, empty ones included (row numbers are the agency's own)
 * @param columns           the most columns a row may reach
 * @param cells             the most cells read in all, a row counting every cell up to its last value (what a row
 *                          takes in memory)
 * @param cellChars         the most characters in one cell (Excel's own limit is 32 767)
 * @param uncompressedBytes the most bytes any part of an xlsx file may expand to (POI's {@code ZipSecureFile} max
 *                          entry and text size)
 * @param minInflateRatio   the smallest compressed-to-expanded ratio a part of an xlsx file may have once it has
 *                          expanded past 100 KB (POI's {@code ZipSecureFile}; 0.01 is 1:100)
 * @param zipEntries        the most parts (zip entries) an xlsx file may hold
 * @param stylesBytes       the most bytes an xlsx file's styles part may expand to: it is read whole into POI's
 *                          model (about ten times its size in memory), so it is held tighter than the sheet
 */
@ConfigurationProperties("platform.imports")
public record ImportLimits(
        @DefaultValue("50000") int rows,
        @DefaultValue("256") int columns,
        @DefaultValue("500000") long cells,
        @DefaultValue("32767") int cellChars,
        @DefaultValue("16777216") long uncompressedBytes,
        @DefaultValue("0.01") double minInflateRatio,
        @DefaultValue("100") int zipEntries,
        @DefaultValue("4194304") long stylesBytes) {

    /** No limit at all: for callers that parse text they made themselves, never for a caller's file. */
    public static final ImportLimits NONE = new ImportLimits(
            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, 0xFFFFFFFFL, 0, 1000, 4L << 30);

    public ImportLimits {
        if (rows < 1 || columns < 1 || cells < 1 || cellChars < 1 || zipEntries < 1 || stylesBytes < 1) {
            throw new IllegalArgumentException(
                    "platform.imports: rows, columns, cells, cell-chars, zip-entries and styles-bytes must be at least 1");
        }
        // POI's own bounds for its zip settings.
        if (uncompressedBytes < 1 || uncompressedBytes > 0xFFFFFFFFL || minInflateRatio < 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("platform.imports: uncompressed-bytes must be 1 to 4294967295 and "
                    + "min-inflate-ratio from 0 to below 1");
        }
    }

    /** The defaults above, for tests and callers without a context. */
    public static ImportLimits defaults() {
        return new ImportLimits(50_000, 256, 500_000, 32_767, 16L * 1024 * 1024, 0.01, 100, 4L * 1024 * 1024);
    }

    /** Each limit, by its property name; the sizes of the expanded file answer 413, the counts 400. */
    public enum Limit {
        ROWS("rows", 400),
        COLUMNS("columns", 400),
        CELLS("cells", 400),
        CELL_CHARS("cell-chars", 400),
        UNCOMPRESSED_BYTES("uncompressed-bytes", 413),
        MIN_INFLATE_RATIO("min-inflate-ratio", 413),
        ZIP_ENTRIES("zip-entries", 413),
        STYLES_BYTES("styles-bytes", 413);

        private final String key;
        private final int status;

        Limit(String key, int status) {
            this.key = key;
            this.status = status;
        }

        /** The property's name after {@code platform.imports.}, and the text code after {@code import-limit.}. */
        public String key() {
            return key;
        }

        public int status() {
            return status;
        }
    }

    /** This configuration's value of {@code limit}. */
    public Object valueOf(Limit limit) {
        return switch (limit) {
            case ROWS -> rows;
            case COLUMNS -> columns;
            case CELLS -> cells;
            case CELL_CHARS -> cellChars;
            case UNCOMPRESSED_BYTES -> uncompressedBytes;
            case MIN_INFLATE_RATIO -> minInflateRatio;
            case ZIP_ENTRIES -> zipEntries;
            case STYLES_BYTES -> stylesBytes;
        };
    }

    /** The refusal of a file over {@code limit}. */
    public ImportLimitExceeded exceeded(Limit limit) {
        return new ImportLimitExceeded(limit, valueOf(limit));
    }
}
