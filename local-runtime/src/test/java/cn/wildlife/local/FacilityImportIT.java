package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Facility lists as agencies keep them, in CSV and xlsx with Chinese headers, through the gateway. */
class FacilityImportIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private PlatformClient.Answer upload(byte[] file, String contentType, String query, String language) {
        return client.upload(
                gateway + "/api/facilities/imports" + query,
                file,
                contentType,
                "Authorization",
                "Bearer " + client.token("forestry-officer"),
                "Accept-Language",
                language);
    }

    private JsonNode finished(String jobId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DONE"
                        .equals(client.get(gateway + "/api/facilities/imports/" + jobId, client.as("forestry-officer"))
                                .body()
                                .get("status")
                                .asString()));
        return client.get(gateway + "/api/facilities/imports/" + jobId, client.as("forestry-officer"))
                .body();
    }

    private String csv() {
        return String.join(
                        "\n",
                        FacilityWorkbooks.HEADER,
                        "双阳梅花鹿繁育场,220112,双阳区鹿乡镇,吉林繁育-" + run + "-01,2024-01-01,2028-12-31,梅花鹿,繁育、销售,cervus-nippon:120",
                        "奢岭雉鸡养殖场,220112,双阳区奢岭街道,吉林繁育-" + run
                                + "-02,,2027-06-30,phasianus-colchicus,繁育,phasianus-colchicus:800",
                        "某独角兽园,220112,双阳区某村,吉林繁育-" + run + "-03,,2027-06-30,unicornis-fabulosa,展示,",
                        "某貉养殖场,220112,双阳区某村,吉林繁育-" + run + "-04,,2027-06-30,nyctereutes-procyonoides,繁育,"
                                + "nyctereutes-procyonoides:-5；cervus-nippon:3")
                + "\n";
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEachRowColumnAndReason() {
        PlatformClient.Answer refused = upload(csv().getBytes(StandardCharsets.UTF_8), "text/csv", "", "en");

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        List<String> fields = refused.body()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("row 4 许可物种", "row 5 在养物种及数量", "row 5 在养物种及数量");
        assertThat(refused.raw())
                .contains(
                        "unicornis-fabulosa",
                        "unknown species code",
                        "must not be below zero",
                        "does not cover this species");
        assertThat(client.get(gateway + "/api/facilities?size=200", client.as("forestry-officer"))
                        .raw())
                .doesNotContain("吉林繁育-" + run);

        PlatformClient.Answer chinese = upload(csv().getBytes(StandardCharsets.UTF_8), "text/csv", "", "zh-CN");
        assertThat(chinese.raw()).contains("物种代码不存在", "数量不得小于零", "许可范围");
    }

    @Test
    void skippingBadRowsImportsTheGoodOnesWithTheirLedgersAndShowsProgress() {
        PlatformClient.Answer accepted =
                upload(csv().getBytes(StandardCharsets.UTF_8), "text/csv", "?skipInvalid=true", "en");

        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.body().get("rows").asInt()).isEqualTo(4);
        assertThat(accepted.body().get("total").asInt()).isEqualTo(2);
        JsonNode job = finished(accepted.body().get("id").asString());
        assertThat(job.get("processed").asInt()).isEqualTo(2);
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        assertThat(job.get("skipped").valueStream().map(e -> e.get("field").asString()))
                .contains("row 4 许可物种", "row 5 在养物种及数量");

        String deerFarm = job.get("facilityIds").get(0).asString();
        JsonNode facility = client.get(gateway + "/api/facilities/" + deerFarm, client.as("forestry-officer"))
                .body();
        assertThat(facility.get("licensedSpeciesCodes").get(0).asString()).isEqualTo("cervus-nippon");
        assertThat(facility.get("purposes").valueStream().map(JsonNode::asString))
                .containsExactly("BREEDING", "SALE");
        assertThat(facility.get("holdings").get(0).get("count").asLong()).isEqualTo(120);
        assertThat(facility.get("ledger").get(0).get("source").asString()).contains("第2行");
        // A sibling county does not see it.
        assertThat(client.get(gateway + "/api/facilities/" + deerFarm, client.as("forestry-nongan"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anXlsxListWithDateCellsImports() throws Exception {
        byte[] xlsx = FacilityWorkbooks.oneFarm("吉林繁育-" + run + "-X1", "繁育；销售", "rana-dybowskii:5000");

        PlatformClient.Answer accepted =
                upload(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "", "en");

        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        JsonNode job = finished(accepted.body().get("id").asString());
        JsonNode facility = client.get(
                        gateway + "/api/facilities/"
                                + job.get("facilityIds").get(0).asString(),
                        client.as("forestry-officer"))
                .body();
        assertThat(facility.get("licenceValidUntil").asString()).isEqualTo("2029-03-31");
        assertThat(facility.get("holdings").get(0).get("count").asLong()).isEqualTo(5000);
    }

    @Test
    void aFileWithoutTheAgenciesHeadersIsRefusedWhole() {
        PlatformClient.Answer refused = upload(
                "name,region\n某场,220112\n".getBytes(StandardCharsets.UTF_8), "text/csv", "?skipInvalid=true", "zh-CN");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("缺少列", "机构名称");
    }
}
