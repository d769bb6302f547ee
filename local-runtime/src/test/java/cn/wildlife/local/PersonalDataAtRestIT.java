package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.MongoWireStore;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.testinfra.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personal data is sealed at rest (docs/data-protection.md): after a clue with its reporter and a case with its
 * parties are recorded through the API, none of their personal values can be found in plain text anywhere in the data
 * folder (the store's file and Kafka's log segments included), while the owner still reads them through the API,
 * after a restart too, and records of two agencies naming the same suspect are still linked. A data folder from
 * before sealing (plain values, the link index under plain SHA-256 keys) keeps working and is sealed by the first
 * start's re-sealing run.
 */
class PersonalDataAtRestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A value no other test writes: random Chinese characters. */
    private static String chinese(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return text.toString();
    }

    private static String digits(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return text.toString();
    }

    private static String idNumber() {
        return "2201121985" + digits(7) + "X";
    }

    private static String phone() {
        return "139" + digits(8);
    }

    @Test
    void noPersonalValueIsInPlainTextInTheDataFolderYetTheOwnerReadsItAndLinksAreFound() throws Exception {
        Assumptions.assumeFalse(
                TestInfrastructure.containers(),
                "the data folder holds the store and Kafka's logs only with the embedded broker and store");
        Path dataDir = Files.createTempDirectory("personal-data-");
        LocalSettings settings = SharedPlatform.onFreePorts(dataDir);

        Map<String, String> personal = new LinkedHashMap<>();
        personal.put("reporter's name", "举报人" + chinese(4));
        personal.put("reporter's phone", phone());
        personal.put("reporter's ID number", idNumber());
        personal.put("suspect's phone", phone());
        personal.put("first party's name", "当事人" + chinese(4));
        personal.put("first party's ID number", idNumber());
        personal.put("first party's phone", phone());
        personal.put("first party's address", "吉林省长春市双阳区" + chinese(4) + "路" + digits(3) + "号");
        personal.put("second party's name", "当事人" + chinese(4));
        personal.put("second party's ID number", idNumber());
        personal.put("second party's phone", phone());
        personal.put("second party's address", "吉林省长春市南关区" + chinese(4) + "街" + digits(3) + "号");
        personal.put("suspect's plate", "吉A" + digits(5));
        personal.put("person a police report names", "嫌疑人" + chinese(4));

        String forestryClue =
                "FORESTRY-220112-PII-" + UUID.randomUUID().toString().substring(0, 8);
        String marketClue =
                "MARKET_SUPERVISION-220102-PII-" + UUID.randomUUID().toString().substring(0, 8);
        String policeReport =
                "PUBLIC_SECURITY-220112-SEALED-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId;

        try (LocalPlatform platform = LocalPlatform.start(settings);
                PlatformClient client = new PlatformClient(platform.kafka(), platform.gatewayUrl())) {
            String gateway = platform.gatewayUrl();
            PlatformClient.Answer clue = client.post(
                    gateway + "/api/clues",
                    """
                    {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                     "behaviours":["ILLEGAL_HUNTING"],"summary":"热线举报水库边架网捕鸟",
                     "identifiers":[{"type":"PHONE","value":"%s"}],
                     "reporter":{"anonymous":false,"name":"%s","phone":"%s","idNumber":"%s","rewardRequested":true}}""".formatted(
                                    forestryClue,
                                    personal.get("suspect's phone"),
                                    personal.get("reporter's name"),
                                    personal.get("reporter's phone"),
                                    personal.get("reporter's ID number")),
                    client.as("forestry-officer"));
            assertThat(clue.status()).as(clue.raw()).isEqualTo(201);

            PlatformClient.Answer opened = client.post(
                    gateway + "/api/cases",
                    """
                    {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z","title":"非法猎捕鸟类案",
                     "parties":[
                      {"kind":"PERSON","name":"%s","idNumber":"%s","phone":"%s","address":"%s"},
                      {"kind":"PERSON","name":"%s","idNumber":"%s","phone":"%s","address":"%s"}],
                     "identifiers":[{"type":"VEHICLE_PLATE","value":"%s"}]}""".formatted(
                                    personal.get("first party's name"),
                                    personal.get("first party's ID number"),
                                    personal.get("first party's phone"),
                                    personal.get("first party's address"),
                                    personal.get("second party's name"),
                                    personal.get("second party's ID number"),
                                    personal.get("second party's phone"),
                                    personal.get("second party's address"),
                                    personal.get("suspect's plate")),
                    client.as("forestry-officer"));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
            caseId = opened.body().get("id").asString();

            // Another agency's clue naming the clue's suspect phone and the case's first party's ID number.
            PlatformClient.Answer market = client.post(
                    gateway + "/api/clues",
                    """
                    {"clueId":"%s","region":"220102","source":"TIP_OFF","receivedAt":"2026-11-22T01:00:00Z",
                     "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],"summary":"网店出售野生鸟类",
                     "identifiers":[{"type":"PHONE","value":"%s"},{"type":"ID_NUMBER","value":"%s"}]}""".formatted(
                                    marketClue,
                                    "+86 " + personal.get("suspect's phone"),
                                    personal.get("first party's ID number")),
                    client.as("market-officer"));
            assertThat(market.status()).as(market.raw()).isEqualTo(201);

            assertLinked(client, gateway, marketClue, forestryClue, caseId);
            assertOwnerReads(client, gateway, forestryClue, caseId, personal);

            // The police's own system reports a clue naming the case's second party and a person, sealed with SM2.
            client.publish(
                    Topics.agencyClues(Agency.PUBLIC_SECURITY),
                    Envelope.of(
                            URI.create("urn:agency:public-security:220112"),
                            Agency.PUBLIC_SECURITY,
                            "220112",
                            ClueReported.builder(
                                            policeReport,
                                            "220112",
                                            ClueSource.AGENCY_INTELLIGENCE,
                                            Instant.parse("2026-11-23T01:00:00Z"))
                                    .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                                    .summary("网安发现嫌疑人在群内出售鸟类")
                                    .identifiers(List.of(new Identifier(
                                            IdentifierType.ID_NUMBER, personal.get("second party's ID number"))))
                                    .people(List.of(personal.get("person a police report names")))
                                    .build()
                                    .sealedWith(client.intakeKey())));
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode police = client.get(gateway + "/api/clues/" + policeReport, client.as("police-officer"))
                        .body();
                assertThat(police.get("people").get(0).asString())
                        .isEqualTo(personal.get("person a police report names"));
                JsonNode links = client.get(
                                gateway + "/api/links?recordId=" + policeReport, client.as("police-officer"))
                        .body();
                assertThat(links.valueStream()
                                .flatMap(l -> l.get("records").valueStream())
                                .map(r -> r.get("id").asString()))
                        .contains(caseId);
            });

            // What the store holds is sealed text naming its algorithm and key.
            try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + settings.mongoPort())) {
                MongoDatabase cases = mongo.getDatabase("cases");
                Document reporter = cases.getCollection("clue_reporters")
                        .find(Filters.eq("_id", forestryClue))
                        .first();
                assertThat(reporter.getString("phone")).startsWith("enc:v1:SM4_GCM:k1:");
                Document stored = cases.getCollection("cases")
                        .find(Filters.eq("_id", caseId))
                        .first();
                assertThat(stored.getList("parties", Document.class).get(0).getString("address"))
                        .startsWith("enc:v1:SM4_GCM:");
                assertThat(cases.getCollection("identifiers").find())
                        .as("the link index holds blind index keys only")
                        .allSatisfy(
                                entry -> assertThat(entry.getString("index")).isEqualTo("HMAC-SM3"));
                assertThat(cases.getCollection("data_keys").countDocuments()).isEqualTo(1);
            }
        }

        // Stopped: the store committed its file, Kafka its segments.
        List<String> found = plainTextIn(dataDir, personal);
        assertThat(found)
                .as("personal values found in plain text in the data folder")
                .isEmpty();
        for (String key : List.of(LocalKeys.MASTER, LocalKeys.INDEX, LocalKeys.INTAKE)) {
            Path file = dataDir.resolve(LocalKeys.FOLDER).resolve(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(key)
                    .isEqualTo("rw-------");
        }

        // As a data folder from before sealing would hold them: the reporter and the clue's suspect phone in plain,
        // the link index under plain SHA-256 keys, and no re-sealing run yet.
        try (MongoWireStore store = MongoWireStore.onDisk(EmbeddedInfrastructure.storeFile(dataDir), FreePorts.pick());
                MongoClient mongo = MongoClients.create(store.uri("cases"))) {
            MongoDatabase cases = mongo.getDatabase("cases");
            cases.getCollection("clue_reporters")
                    .updateOne(
                            Filters.eq("_id", forestryClue),
                            Updates.combine(
                                    Updates.set("name", personal.get("reporter's name")),
                                    Updates.set("phone", personal.get("reporter's phone")),
                                    Updates.set("idNumber", personal.get("reporter's ID number"))));
            cases.getCollection("clues")
                    .updateOne(
                            Filters.eq("_id", forestryClue),
                            Updates.set(
                                    "identifiers",
                                    List.of(new Document("type", "PHONE")
                                            .append("value", personal.get("suspect's phone")))));
            cases.getCollection("identifiers").deleteMany(new Document());
            cases.getCollection("identifiers")
                    .insertMany(List.of(
                            new Document("_id", "PHONE:" + sha256(personal.get("suspect's phone")))
                                    .append(
                                            "records",
                                            List.of(
                                                    record("CLUE", forestryClue, "FORESTRY", "220112"),
                                                    record("CLUE", marketClue, "MARKET_SUPERVISION", "220102"))),
                            new Document("_id", "ID_NUMBER:" + sha256(personal.get("first party's ID number")))
                                    .append(
                                            "records",
                                            List.of(
                                                    record("CASE", caseId, "FORESTRY", "220112"),
                                                    record("CLUE", marketClue, "MARKET_SUPERVISION", "220102")))));
            cases.getCollection("crypto_rotations").deleteMany(new Document());
        }

        // Started again on the same folder: the keys are kept, so what was sealed opens; what was plain reads as it
        // is, and the first start's re-sealing run seals it and moves the link index to the blind index.
        try (LocalPlatform platform = LocalPlatform.start(
                        settings,
                        Map.of(
                                "case-service",
                                List.of("--platform.crypto.key-refresh=1s"),
                                "notification-service",
                                List.of("--platform.crypto.key-refresh=1s")));
                PlatformClient client = new PlatformClient(platform.kafka(), platform.gatewayUrl());
                MongoClient mongo = MongoClients.create("mongodb://localhost:" + settings.mongoPort())) {
            String gateway = platform.gatewayUrl();
            assertOwnerReads(client, gateway, forestryClue, caseId, personal);
            MongoDatabase cases = mongo.getDatabase("cases");
            await().atMost(PATIENCE).until(() -> {
                Document run = cases.getCollection("crypto_rotations")
                        .find(Filters.eq("_id", "initial-seal"))
                        .first();
                return run != null && "DONE".equals(run.getString("state"));
            });
            Document reporter = cases.getCollection("clue_reporters")
                    .find(Filters.eq("_id", forestryClue))
                    .first();
            assertThat(List.of(reporter.getString("name"), reporter.getString("phone"), reporter.getString("idNumber")))
                    .allSatisfy(value -> assertThat(value).startsWith("enc:v1:SM4_GCM:k1:"));
            assertThat(cases.getCollection("clues")
                            .find(Filters.eq("_id", forestryClue))
                            .first()
                            .getList("identifiers", Document.class)
                            .get(0)
                            .getString("value"))
                    .startsWith("enc:v1:SM4_GCM:k1:");
            assertThat(cases.getCollection("identifiers").find())
                    .as("the old entries recomputed")
                    .isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.getString("index")).isEqualTo("HMAC-SM3"));
            assertOwnerReads(client, gateway, forestryClue, caseId, personal);
            assertLinked(client, gateway, marketClue, forestryClue, caseId);
            assertThat(client.get(gateway + "/api/links?recordId=" + marketClue, client.as("market-officer"))
                            .body()
                            .size())
                    .as("no pair linked twice by the recomputed index")
                    .isEqualTo(2);

            // A third agency's record naming the same phone meets both records of before.
            String policeClue =
                    "PUBLIC_SECURITY-220112-PII-" + UUID.randomUUID().toString().substring(0, 8);
            PlatformClient.Answer police = client.post(
                    gateway + "/api/clues",
                    """
                    {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-23T01:00:00Z",
                     "behaviours":["ILLEGAL_HUNTING"],"summary":"群内出售鸟类",
                     "identifiers":[{"type":"PHONE","value":"%s"}]}""".formatted(policeClue, personal.get("suspect's phone")),
                    client.as("police-officer"));
            assertThat(police.status()).as(police.raw()).isEqualTo(201);
            assertThat(client.get(gateway + "/api/links?recordId=" + policeClue, client.as("police-officer"))
                            .body()
                            .valueStream()
                            .flatMap(l -> l.get("records").valueStream())
                            .map(r -> r.get("id").asString()))
                    .contains(forestryClue, marketClue);

            // A rotation: a new data key, everything re-sealed under it, and still read as before.
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = new RotateKeysCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), name -> null)
                    .run(List.of(
                            "--user=security-admin",
                            "--gateway-port=" + settings.gatewayPort(),
                            "--case-port=" + settings.casePort(),
                            "--notification-port=" + settings.notificationPort()));
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(output).isZero();
            assertThat(output)
                    .contains("case-service: rotation", "active data key k2", "DONE", "clue_reporters", "cases")
                    .contains("notification-service: rotation", "webhooks");
            // Each sealing service's keys, through the gateway (never the keys themselves).
            assertThat(client.get(gateway + "/api/data-keys/notification-service", client.as("security-admin"))
                            .body()
                            .valueStream()
                            .map(k -> k.get("id").asString()))
                    .contains("k1", "k2");
            assertThat(cases.getCollection("clue_reporters")
                            .find(Filters.eq("_id", forestryClue))
                            .first()
                            .getString("phone"))
                    .startsWith("enc:v1:SM4_GCM:k2:");
            assertThat(cases.getCollection("cases")
                            .find(Filters.eq("_id", caseId))
                            .first()
                            .getList("parties", Document.class)
                            .get(1)
                            .getString("name"))
                    .startsWith("enc:v1:SM4_GCM:k2:");
            assertOwnerReads(client, gateway, forestryClue, caseId, personal);
        }
    }

    private static Document record(String kind, String id, String agency, String region) {
        return new Document("kind", kind)
                .append("id", id)
                .append("agency", agency)
                .append("region", region);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertLinked(
            PlatformClient client, String gateway, String marketClue, String forestryClue, String caseId) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode links = client.get(gateway + "/api/links?recordId=" + marketClue, client.as("market-officer"))
                    .body();
            assertThat(links.valueStream()
                            .flatMap(l -> l.get("records").valueStream())
                            .map(r -> r.get("id").asString()))
                    .contains(forestryClue, caseId);
            assertThat(links.valueStream().map(l -> l.get("identifierType").asString()))
                    .containsExactlyInAnyOrder("PHONE", "ID_NUMBER");
        });
    }

    private static void assertOwnerReads(
            PlatformClient client, String gateway, String clueId, String caseId, Map<String, String> personal) {
        JsonNode reporter = client.get(gateway + "/api/clues/" + clueId + "/reporter", client.as("forestry-officer"))
                .body();
        assertThat(reporter.get("name").asString()).isEqualTo(personal.get("reporter's name"));
        assertThat(reporter.get("phone").asString()).isEqualTo(personal.get("reporter's phone"));
        assertThat(reporter.get("idNumber").asString()).isEqualTo(personal.get("reporter's ID number"));

        JsonNode clue = client.get(gateway + "/api/clues/" + clueId, client.as("forestry-officer"))
                .body();
        assertThat(clue.get("identifiers").get(0).get("value").asString()).isEqualTo(personal.get("suspect's phone"));

        JsonNode c = client.get(gateway + "/api/cases/" + caseId, client.as("forestry-officer"))
                .body();
        JsonNode first = c.get("parties").get(0);
        assertThat(first.get("name").asString()).isEqualTo(personal.get("first party's name"));
        assertThat(first.get("idNumber").asString()).isEqualTo(personal.get("first party's ID number"));
        assertThat(first.get("phone").asString()).isEqualTo(personal.get("first party's phone"));
        assertThat(first.get("address").asString()).isEqualTo(personal.get("first party's address"));
        JsonNode second = c.get("parties").get(1);
        assertThat(second.get("name").asString()).isEqualTo(personal.get("second party's name"));
        assertThat(second.get("address").asString()).isEqualTo(personal.get("second party's address"));
        assertThat(c.get("identifiers").get(0).get("value").asString()).isEqualTo(personal.get("suspect's plate"));
    }

    /** "value (what) in file" for each personal value found byte for byte (UTF-8) in a file of the folder. */
    private static List<String> plainTextIn(Path folder, Map<String, String> personal) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files)
                .as("the store's file and Kafka's log segments are there to search")
                .anyMatch(f -> f.toString().endsWith(".log"))
                .anyMatch(f -> f.startsWith(folder.resolve("mongo")));
        for (Path file : files) {
            // ISO-8859-1 maps each byte to one char: a byte search with String.indexOf.
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            personal.forEach((what, value) -> {
                String needle = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (bytes.contains(needle)) {
                    found.add(what + " in " + folder.relativize(file));
                }
            });
        }
        return found;
    }
}
