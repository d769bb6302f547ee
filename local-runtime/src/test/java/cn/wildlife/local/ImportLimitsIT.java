package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Files made to expand (issue #22): the facility import used to build the whole workbook and pad every row to its last
 * cell, so a 105 KB xlsx filled a 576 MB heap. Now it is refused at once, naming the limit, and the next good file
 * imports.
 */
class ImportLimitsIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private PlatformClient.Answer upload(byte[] file, String language) {
        return client.upload(
                gateway + "/api/facilities/imports",
                file,
                XLSX,
                "Authorization",
                "Bearer " + client.token("forestry-officer"),
                "Accept-Language",
                language);
    }

    /** A one-facility list as an agency's Excel saves it. */
    private byte[] goodList() {
        return FacilityWorkbooks.oneFarm("吉林繁育-" + run + "-B1", "繁育", "");
    }

    /**
     * The bomb: the good list with its sheet replaced by 13 500 rows that each have a value in the sheet's last column
     * (XFD) and declare the whole sheet as their dimension; 16 384 cells a row once padded, about 105 KB compressed.
     */
    private byte[] bomb() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/>"
                + "<sheetData>");
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(goodList()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(
                        entry.getName().equals("xl/worksheets/sheet1.xml")
                                ? xml.toString().getBytes(StandardCharsets.UTF_8)
                                : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The good list without its header row: refused (400) after the whole read, importing nothing. */
    private byte[] withoutItsHeader() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(goodList()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).removeRow(workbook.getSheetAt(0).getRow(0));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** How long one upload takes to be answered with a 4xx, sent as it is. */
    private Duration timed(byte[] file, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/facilities/imports"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .header("Content-Type", XLSX)
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            long started = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            return took;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theIssuesXlsxBombGetsA4xxNamingTheLimitWithinASecondAndTheNextGoodImportWorks() throws IOException {
        byte[] bomb = bomb();
        assertThat(bomb.length).as("compressed size").isBetween(95_000, 115_000);

        // What is timed is the exchange alone: the token, the service's first xlsx (POI's classes loading, about half
        // a second here) and this client's contract check of the answer are not the bomb's doing.
        String token = client.token("forestry-officer");
        Duration cold = timed(withoutItsHeader(), token);
        Duration took = timed(bomb, token);
        System.out.printf(
                "ImportLimitsIT: %d-byte xlsx bomb answered in %d ms (the service's first xlsx: %d ms)%n",
                bomb.length, took.toMillis(), cold.toMillis());
        assertThat(took).as("time to the answer").isLessThan(Duration.ofSeconds(1));

        PlatformClient.Answer refused = upload(bomb, "en");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:cn.wildlife:problem:import-limit");
        assertThat(refused.body().get("limit").asString()).isEqualTo("platform.imports.columns");
        assertThat(refused.body().get("max").asInt()).isEqualTo(256);
        assertThat(refused.body().get("detail").asString()).contains("platform.imports.columns = 256");

        PlatformClient.Answer chinese = upload(bomb, "zh-CN");
        assertThat(chinese.body().get("title").asString()).isEqualTo("文件超出导入限制");
        assertThat(chinese.body().get("detail").asString()).contains("每行列数上限");

        assertThat(client.get(SharedPlatform.platform().serviceUrl("inspection-service") + "/actuator/health")
                        .raw())
                .as("inspection-service stays up")
                .contains("\"UP\"");
        PlatformClient.Answer accepted = upload(goodList(), "en");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String job = accepted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DONE"
                        .equals(client.get(gateway + "/api/facilities/imports/" + job, client.as("forestry-officer"))
                                .body()
                                .get("status")
                                .asString()));
        assertThat(client.get(gateway + "/api/facilities/imports/" + job, client.as("forestry-officer"))
                        .body()
                        .get("imported")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aSpeciesListOfAMillionEmptyCellsIsRefusedAtTheColumnLimit() {
        String csv = "代码,中文名,学名,纲,保护级别,CITES附录,计数单位\n" + ",".repeat(1_000_000) + "\n";

        PlatformClient.Answer refused = client.send(
                "POST",
                gateway + "/api/species/import",
                csv,
                client.as("system-admin", "Content-Type", "text/csv", "Accept-Language", "zh-CN"));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("limit").asString()).isEqualTo("platform.imports.columns");
        assertThat(refused.body().get("title").asString()).isEqualTo("文件超出导入限制");
    }
}
