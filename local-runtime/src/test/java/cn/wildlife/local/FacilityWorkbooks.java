package cn.wildlife.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Facility lists as an agency's Excel saves them, for the import tests. */
final class FacilityWorkbooks {

    /** The import's columns, in the order agencies' lists have them. */
    static final String HEADER = "机构名称,行政区划代码,地址,许可证号,许可有效期起,许可有效期至,许可物种,许可用途,在养物种及数量";

    private FacilityWorkbooks() {}

    /**
     * One frog farm in 双阳区 with licence {@code licence}, valid until 2029-03-31 (a date cell in a Chinese format),
     * for {@code purposes}, holding {@code ledger} (empty for none).
     */
    static byte[] oneFarm(String licence, String purposes, String ledger) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("人工繁育机构");
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("长春某林蛙养殖场");
            row.createCell(1).setCellValue("220112");
            row.createCell(2).setCellValue("双阳区山河街道");
            row.createCell(3).setCellValue(licence);
            row.createCell(5).setCellValue(LocalDate.of(2029, 3, 31));
            row.getCell(5).setCellStyle(dateStyle);
            row.createCell(6).setCellValue("rana-dybowskii");
            row.createCell(7).setCellValue(purposes);
            if (!ledger.isEmpty()) {
                row.createCell(8).setCellValue(ledger);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
