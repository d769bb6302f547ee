package cn.wildlife.inspection.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;

class XlsxRowsTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    /** A workbook as Excel writes it, with a date in a Chinese format and a row left out. */
    static byte[] goodWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("人工繁育机构");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue(FacilitySheet.NAME);
            head.createCell(1).setCellValue(FacilitySheet.VALID_UNTIL);
            head.createCell(2).setCellValue("数量");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("长春某林蛙养殖场");
            row.createCell(1).setCellValue(LocalDate.of(2029, 3, 31));
            row.getCell(1).setCellStyle(dateStyle);
            row.createCell(3).setCellValue(5000);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** {@code workbook} with its first sheet's XML replaced, as someone crafting a file would. */
    static byte[] withSheet(byte[] workbook, byte[] sheetXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(SHEET) ? sheetXml : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The issue's bomb: every row has a value in the sheet's last column (XFD), so a reader that pads each row to its
     * last cell makes 16 384 cells a row (221 million in all); about 105 KB compressed.
     */
    static byte[] lastColumnBomb() throws IOException {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/><sheetData>");
        for (int r = 1; r <= 13_500; r++) {
            xml.append("<row r=\"")
                    .append(r)
                    .append("\"><c r=\"A")
                    .append(r)
                    .append("\"><v>1</v></c><c r=\"XFD")
                    .append(r)
                    .append("\"><v>1</v></c></row>");
        }
        xml.append("</sheetData></worksheet>");
        return withSheet(goodWorkbook(), xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The same few bytes over and over: a sheet that expands about a thousand times. */
    static byte[] ratioBomb() throws IOException {
        String row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + row.repeat(400_000) + "</sheetData></worksheet>";
        return withSheet(goodWorkbook(), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportLimitExceeded refusal(byte[] file, ImportLimits limits) {
        try {
            FacilitySheet.cells(file, limits);
        } catch (ImportLimitExceeded e) {
            return e;
        }
        throw new AssertionError("the file was read whole");
    }

    @Test
    void aGoodWorkbookReadsAsBeforeWithIsoDatesAndTheAgencysRowNumbers() throws IOException {
        List<List<String>> cells = FacilitySheet.cells(goodWorkbook(), ImportLimits.defaults());

        assertThat(cells)
                .containsExactly(
                        List.of(FacilitySheet.NAME, FacilitySheet.VALID_UNTIL, "数量"),
                        List.of(),
                        List.of("长春某林蛙养殖场", "2029-03-31", "", "5000"));
    }

    @Test
    void theIssuesBombIsRefusedAtItsFirstRowWithinASecond() throws IOException {
        byte[] bomb = lastColumnBomb();
        assertThat(bomb.length).isBetween(90_000, 120_000);

        long started = System.nanoTime();
        ImportLimitExceeded refused = refusal(bomb, ImportLimits.defaults());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.limit()).isEqualTo(ImportLimits.Limit.COLUMNS);
        assertThat(refused.max()).isEqualTo(256);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aHighlyCompressedSheetIsRefusedByPoisZipLimits() throws IOException {
        byte[] bomb = ratioBomb();

        assertThat(refusal(bomb, ImportLimits.defaults()).limit()).isEqualTo(ImportLimits.Limit.MIN_INFLATE_RATIO);
        assertThat(refusal(bomb, new ImportLimits(1_000_000, 256, 10_000_000, 32_767, 50_000, 0, 100, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.UNCOMPRESSED_BYTES);
        assertThat(refusal(goodWorkbook(), new ImportLimits(10, 256, 1000, 100, 1_000_000, 0.01, 3, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.ZIP_ENTRIES);
        // The styles part is built whole into POI's model: held to its own, tighter limit.
        assertThat(refusal(goodWorkbook(), new ImportLimits(10, 256, 1000, 100, 1_000_000, 0.01, 100, 100))
                        .limit())
                .isEqualTo(ImportLimits.Limit.STYLES_BYTES);
    }

    @Test
    void rowsCellsAndCharactersAreCountedWhileStreaming() throws IOException {
        byte[] good = goodWorkbook();

        assertThat(refusal(good, new ImportLimits(1, 256, 1000, 100, 1_000_000, 0.01, 100, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.ROWS);
        assertThat(refusal(good, new ImportLimits(10, 3, 1000, 100, 1_000_000, 0.01, 100, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.COLUMNS);
        // The header's three cells and the data row's four (the empty third counted: the row holds it).
        assertThat(FacilitySheet.cells(good, new ImportLimits(10, 256, 7, 100, 1_000_000, 0.01, 100, 1_000_000)))
                .hasSize(3);
        assertThat(refusal(good, new ImportLimits(10, 256, 6, 100, 1_000_000, 0.01, 100, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.CELLS);
        assertThat(refusal(good, new ImportLimits(10, 256, 1000, 5, 1_000_000, 0.01, 100, 1_000_000))
                        .limit())
                .isEqualTo(ImportLimits.Limit.CELL_CHARS);
    }

    @Test
    void aZipThatIsNoWorkbookIsStillAnUnreadableFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> FacilitySheet.cells(out.toByteArray(), ImportLimits.defaults()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).message()).startsWith("not a readable xlsx workbook"));
    }

    @Test
    void theProblemNamesTheLimitInChineseAndEnglish() {
        Texts texts = Texts.of("cn.wildlife.inspection.texts");
        ImportLimitExceeded exceeded = ImportLimits.defaults().exceeded(ImportLimits.Limit.COLUMNS);
        try {
            ProblemDetail english = exceeded.problem(texts).getBody();
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            ProblemDetail chinese = exceeded.problem(texts).getBody();

            assertThat(english.getStatus()).isEqualTo(400);
            assertThat(english.getTitle()).isEqualTo("File over the import limits");
            assertThat(english.getDetail())
                    .isEqualTo("The file exceeds the import limit platform.imports.columns = 256 (columns in a row, at "
                            + "most); reading stopped there and nothing was imported.");
            assertThat(chinese.getTitle()).isEqualTo("文件超出导入限制");
            assertThat(chinese.getDetail()).contains("platform.imports.columns = 256", "每行列数上限", "未导入任何数据");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
