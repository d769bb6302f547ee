package cn.wildlife.inspection.facility;

import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.web.InvalidRequestException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an xlsx workbook, read as a stream with POI's event API: no workbook is built, and rows, columns,
 * cells and characters are counted as the sheet's XML goes by, so a file made to expand is refused at its first count
 * over {@link ImportLimits} ({@link ImportLimitExceeded}). The zip itself is held to the limits by POI's
 * {@link ZipSecureFile}: each part is inflated only when read, and refused once it expands too far or too much.
 */
final class XlsxRows {

    private XlsxRows() {}

    /**
     * The cells as text, row by row from row 1; missing rows are empty (so row numbers stay those Excel shows), and a
     * row ends at its last value. Dates are ISO dates whatever the author's format (Excel keeps them as numbers).
     */
    static List<List<String>> read(byte[] content, ImportLimits limits) {
        secure(limits);
        Path file = null;
        try {
            // A file, not the bytes: POI then inflates only the parts it reads (a stream is inflated whole).
            file = Files.createTempFile("facility-import-", ".xlsx");
            Files.write(file, content);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                return firstSheet(pkg, limits);
            } finally {
                pkg.revert();
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw refusal(e, limits);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /**
     * POI's zip limits are process-wide: set from this service's configuration before every read, so the limits in
     * force are the configured ones even if something else in the process changed them.
     */
    static void secure(ImportLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.uncompressedBytes());
        ZipSecureFile.setMaxTextSize(limits.uncompressedBytes());
        ZipSecureFile.setMaxFileCount(limits.zipEntries());
    }

    private static List<List<String>> firstSheet(OPCPackage pkg, ImportLimits limits)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        reader.setUseReadOnlySharedStringsTable(true);
        boolean date1904 = date1904(reader);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw new IllegalArgumentException("the workbook has no sheet");
        }
        Rows rows = new Rows(limits);
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(
                    styles(pkg, limits), reader.getSharedStringsTable(), rows, new IsoDates(date1904), false));
            parser.parse(new InputSource(sheet));
        }
        return rows.rows;
    }

    /**
     * The number formats (dates are numbers in a date format), read through a count of bytes: POI builds the whole
     * styles part into its model, so it is held to {@code styles-bytes} before it is.
     */
    private static @Nullable StylesTable styles(OPCPackage pkg, ImportLimits limits) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new Capped(parts.get(0).getInputStream(), limits)) {
            return new StylesTable(in);
        }
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel), as the workbook model did. */
    private static boolean date1904(XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** A limit hit inside POI or the parser, as the limit; anything else, as a file that is not an xlsx workbook. */
    private static RuntimeException refusal(Exception e, ImportLimits limits) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ImportLimitExceeded exceeded) {
                return exceeded;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            // ZipSecureFile's messages are its only sign of which of its limits was hit.
            if (message.contains("max. ratio of compressed file size")) {
                return limits.exceeded(ImportLimits.Limit.MIN_INFLATE_RATIO);
            }
            if (message.contains("max size of the expanded data") || message.contains("MAX_TEXT_SIZE")) {
                return limits.exceeded(ImportLimits.Limit.UNCOMPRESSED_BYTES);
            }
            if (message.contains("MAX_FILE_COUNT")) {
                return limits.exceeded(ImportLimits.Limit.ZIP_ENTRIES);
            }
        }
        return new InvalidRequestException("file", "not a readable xlsx workbook: " + e.getMessage(), null);
    }

    /** A part's bytes, refused once they pass {@code styles-bytes}. */
    private static final class Capped extends FilterInputStream {

        private final ImportLimits limits;
        private long read;

        Capped(InputStream in, ImportLimits limits) {
            super(in);
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limits.stylesBytes()) {
                throw limits.exceeded(ImportLimits.Limit.STYLES_BYTES);
            }
        }
    }

    /** The sheet's rows as they stream by, counted against the limits. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final ImportLimits limits;
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> line = List.of();
        private long cells;

        Rows(ImportLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            // Row 0 is the header, which the limit does not count.
            if (rowNum > limits.rows()) {
                throw limits.exceeded(ImportLimits.Limit.ROWS);
            }
            while (rows.size() < rowNum) {
                // The same empty list for every missing row: a gap costs a reference, not a row.
                rows.add(List.of());
            }
            line = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            // Counted here too: a file may repeat a row number instead of going past the last allowed.
            if (rows.size() > limits.rows()) {
                throw limits.exceeded(ImportLimits.Limit.ROWS);
            }
            rows.add(line);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? line.size() : new CellReference(reference).getCol();
            if (column >= limits.columns()) {
                throw limits.exceeded(ImportLimits.Limit.COLUMNS);
            }
            if (value != null && value.length() > limits.cellChars()) {
                throw limits.exceeded(ImportLimits.Limit.CELL_CHARS);
            }
            if (column < line.size()) {
                // Out of order (not written by Excel): a later cell of the same place wins, as in the workbook model.
                line.set(column, value == null ? "" : value);
                return;
            }
            // Every cell up to this one is counted, since the row holds them all.
            cells += column + 1 - line.size();
            if (cells > limits.cells()) {
                throw limits.exceeded(ImportLimits.Limit.CELLS);
            }
            while (line.size() < column) {
                line.add("");
            }
            line.add(value == null ? "" : value);
        }
    }

    /** Numbers in a date format as ISO dates: the displayed format depends on the author's locale. */
    private static final class IsoDates extends DataFormatter {

        private final boolean date1904;

        IsoDates(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing)
                        .toLocalDate()
                        .toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
