package cn.wildlife.inspection.results;

import cn.wildlife.inspection.results.domain.ResultsTable;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The results table as agencies file it: a title row, a row naming the region and period, the Chinese headers, then
 * one row per region (province, each city, its counties). CSV carries the same header and rows.
 */
final class ResultsExport {

    static final List<String> LEAD_HEADERS = List.of("行政区划代码", "层级");
    private static final Map<ResultsTable.Level, String> LEVELS =
            Map.of(ResultsTable.Level.PROVINCE, "省", ResultsTable.Level.CITY, "市", ResultsTable.Level.COUNTY, "县（市、区）");

    private ResultsExport() {}

    static List<String> headers() {
        List<String> headers = new ArrayList<>(LEAD_HEADERS);
        for (Column column : Column.values()) {
            headers.add(column.header());
        }
        return headers;
    }

    static String title(OperationResults.Table t) {
        return "《" + t.operationName() + "成果表》";
    }

    static String subtitle(OperationResults.Table t) {
        return "填报区域：" + t.region() + "　统计期间：" + t.from() + " 至 " + t.to();
    }

    static byte[] xlsx(OperationResults.Table t) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("成果表");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> headers = headers();
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(title(t));
            title.setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            sheet.createRow(1).createCell(0).setCellValue(subtitle(t));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, headers.size() - 1));
            Row head = sheet.createRow(2);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            int r = 3;
            for (ResultsTable.Row row : t.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.region());
                line.createCell(1).setCellValue(LEVELS.get(row.level()));
                int c = 2;
                for (Column column : Column.values()) {
                    line.createCell(c++).setCellValue(row.values().get(column).doubleValue());
                }
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(OperationResults.Table t) {
        StringBuilder csv = new StringBuilder("\uFEFF"); // Excel opens UTF-8 CSV correctly only with a BOM
        csv.append(String.join(",", headers())).append("\r\n");
        for (ResultsTable.Row row : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.region(), LEVELS.get(row.level())));
            for (Column column : Column.values()) {
                cells.add(plain(row.values().get(column)));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
