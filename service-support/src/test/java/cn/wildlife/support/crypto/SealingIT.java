package cn.wildlife.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data keys, the field cipher, re-sealing a collection and rotations, against a store. */
class SealingIT {

    private static final String MASTER = key(32);
    private static final String INDEX = key(32);

    static TestMongo store;
    static MongoClient client;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        client = MongoClients.create(store.uri("sealing"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    private static String key(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("sealing-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static DataKeys keys(MongoDatabase database, Algorithm algorithm, String master) {
        return new DataKeys(
                database,
                algorithm,
                KeyMaterial.masterKey(CryptoProperties.of(algorithm, master, INDEX)),
                Duration.ofMillis(100));
    }

    /** Does {@code action} on four threads at once, and returns what each got. */
    private static <T> List<T> atOnce(java.util.function.Supplier<T> action) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return action.get();
            }));
        }
        go.countDown();
        return running.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void instancesStartingAtOnceAgreeOnOneFirstDataKey() {
        for (int round = 0; round < 5; round++) {
            MongoDatabase database = freshDatabase();
            List<DataKeys> instances = atOnce(() -> keys(database, Algorithm.SM4_GCM, MASTER));
            assertThat(instances).allSatisfy(k -> assertThat(k.activeId()).isEqualTo("k1"));
            assertThat(database.getCollection(DataKeys.COLLECTION).countDocuments())
                    .isEqualTo(1);
            assertThat(instances.get(2).rotate()).isEqualTo("k2");
        }
    }

    @Test
    void theFirstDataKeyIsWrappedAndOpensForEveryInstance() {
        MongoDatabase database = freshDatabase();
        List<DataKeys> instances = atOnce(() -> keys(database, Algorithm.SM4_GCM, MASTER));

        assertThat(instances).allSatisfy(k -> assertThat(k.activeId()).isEqualTo("k1"));
        assertThat(database.getCollection(DataKeys.COLLECTION).countDocuments()).isEqualTo(1);
        String sealed = new EnvelopeFieldCipher(instances.get(0)).seal("赵某", "cases.parties.name");
        assertThat(new EnvelopeFieldCipher(instances.get(3)).open(sealed, "cases.parties.name"))
                .isEqualTo("赵某");
        Document stored = database.getCollection(DataKeys.COLLECTION).find().first();
        assertThat(stored.getString("wrapped")).as("wrapped, never plain").isNotBlank();
        assertThat(stored.keySet()).doesNotContain("key");
    }

    @Test
    void aSealedValueNamesItsFormatAlgorithmAndKeyAndOpensOnlyInItsContext() {
        FieldCipher cipher = new EnvelopeFieldCipher(keys(freshDatabase(), Algorithm.SM4_GCM, MASTER));

        String sealed = cipher.seal("13604310000", "clue_reporters.phone");

        assertThat(sealed).startsWith("enc:v1:SM4_GCM:k1:").doesNotContain("13604310000");
        assertThat(cipher.seal("13604310000", "clue_reporters.phone"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(cipher.isSealed(sealed)).isTrue();
        assertThat(cipher.needsResealing(sealed)).isFalse();
        assertThat(cipher.open(sealed, "clue_reporters.phone")).isEqualTo("13604310000");
        assertThat(cipher.open(cipher.seal("", "x"), "x")).isEmpty();

        assertThatThrownBy(() -> cipher.open(sealed, "clue_reporters.idNumber")).isInstanceOf(SealedValueRefused.class);
        char last = sealed.charAt(sealed.length() - 5);
        String tampered = sealed.substring(0, sealed.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 4);
        assertThatThrownBy(() -> cipher.open(tampered, "clue_reporters.phone")).isInstanceOf(SealedValueRefused.class);
        assertThatThrownBy(() -> cipher.open(sealed.replace(":k1:", ":k9:"), "clue_reporters.phone"))
                .as("a key this service does not have")
                .isInstanceOf(SealedValueRefused.class);
        assertThatThrownBy(() -> cipher.open(sealed.replace("SM4_GCM", "AES_GCM"), "clue_reporters.phone"))
                .as("the header is authenticated too")
                .isInstanceOf(SealedValueRefused.class);
        assertThatThrownBy(() -> cipher.open("13604310000", "clue_reporters.phone"))
                .as("open never passes a plain value")
                .isInstanceOf(SealedValueRefused.class);
        assertThat(cipher.openStored("13604310000", "clue_reporters.phone"))
                .as("a value stored before sealing reads as it is")
                .isEqualTo("13604310000");
        assertThat(cipher.openStored(null, "clue_reporters.phone")).isNull();
        assertThat(cipher.sealNullable(null, "clue_reporters.phone")).isNull();
    }

    @Test
    void keyIdsAreHonouredAcrossRotationsAndAlgorithms() {
        MongoDatabase database = freshDatabase();
        DataKeys sm4 = keys(database, Algorithm.SM4_GCM, MASTER);
        FieldCipher cipher = new EnvelopeFieldCipher(sm4);
        String underK1 = cipher.seal("张三", "cases.parties.name");

        assertThat(sm4.rotate()).isEqualTo("k2");
        String underK2 = cipher.seal("张三", "cases.parties.name");
        assertThat(underK2).startsWith("enc:v1:SM4_GCM:k2:");
        assertThat(cipher.needsResealing(underK1)).isTrue();
        assertThat(cipher.needsResealing(underK2)).isFalse();
        assertThat(cipher.open(underK1, "cases.parties.name")).isEqualTo("张三");

        // Another deployment's choice: AES-GCM from now on; the SM4 keys stay to open what they sealed.
        DataKeys aes = keys(database, Algorithm.AES_GCM, MASTER);
        FieldCipher aesCipher = new EnvelopeFieldCipher(aes);
        assertThat(aes.activeId()).isEqualTo("k3");
        String underK3 = aesCipher.seal("张三", "cases.parties.name");
        assertThat(underK3).startsWith("enc:v1:AES_GCM:k3:");
        assertThat(aesCipher.open(underK1, "cases.parties.name")).isEqualTo("张三");
        assertThat(aesCipher.needsResealing(underK2)).isTrue();
        assertThat(cipher.open(underK3, "cases.parties.name"))
                .as("the SM4 instance reads the new key on meeting its id")
                .isEqualTo("张三");
        assertThat(aes.list()).extracting(DataKeys.KeyInfo::id).containsExactly("k3", "k2", "k1");
    }

    @Test
    void anotherMasterKeyOrNoneRefusesToStartNamingTheSettings(@TempDir Path dir) throws Exception {
        MongoDatabase database = freshDatabase();
        keys(database, Algorithm.SM4_GCM, MASTER);

        assertThatThrownBy(() -> keys(database, Algorithm.SM4_GCM, key(32)))
                .isInstanceOf(MissingCryptoKey.class)
                .hasMessageContaining("does not open with the configured master key");
        assertThatThrownBy(() -> KeyMaterial.masterKey(new CryptoProperties(
                        Algorithm.SM4_GCM,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(10),
                        200,
                        Duration.ofSeconds(60),
                        null,
                        null)))
                .isInstanceOf(MissingCryptoKey.class)
                .hasMessageContaining("platform.crypto.master-key")
                .hasMessageContaining("PLATFORM_CRYPTO_MASTER_KEY");
        assertThatThrownBy(() -> KeyMaterial.indexKey(CryptoProperties.of(Algorithm.SM4_GCM, MASTER, "c2hvcnQ=")))
                .isInstanceOf(MissingCryptoKey.class)
                .hasMessageContaining("platform.crypto.index-key");

        Path file = dir.resolve("master.key");
        Files.writeString(file, MASTER + "\n");
        byte[] fromFile = KeyMaterial.masterKey(new CryptoProperties(
                Algorithm.SM4_GCM,
                null,
                file,
                null,
                null,
                Duration.ofSeconds(10),
                200,
                Duration.ofSeconds(60),
                null,
                null));
        assertThat(fromFile).isEqualTo(Base64.getDecoder().decode(MASTER));
    }

    @Test
    void aNewMasterKeyTakesTheDataKeysOverWhenThePreviousOneIsConfiguredBeside() {
        MongoDatabase database = freshDatabase();
        DataKeys before = keys(database, Algorithm.SM4_GCM, MASTER);
        before.rotate();
        String sealed = new EnvelopeFieldCipher(before).seal("赵某", "cases.parties.name");
        String next = key(32);
        byte[] nextKey = Base64.getDecoder().decode(next);
        assertThatThrownBy(() -> keys(database, Algorithm.SM4_GCM, next))
                .isInstanceOf(MissingCryptoKey.class)
                .hasMessageContaining("does not open with the configured master key");

        DataKeys changed = new DataKeys(
                database, Algorithm.SM4_GCM, nextKey, Base64.getDecoder().decode(MASTER), Duration.ofMillis(100));

        assertThat(changed.list())
                .extracting(DataKeys.KeyInfo::wrappedUnder)
                .containsExactly(DataKeys.fingerprint(nextKey), DataKeys.fingerprint(nextKey));
        assertThat(new EnvelopeFieldCipher(changed).open(sealed, "cases.parties.name"))
                .isEqualTo("赵某");
        // The new master key alone opens everything now, and the old one nothing.
        DataKeys after = keys(database, Algorithm.SM4_GCM, next);
        assertThat(after.activeId()).isEqualTo("k2");
        assertThat(new EnvelopeFieldCipher(after).open(sealed, "cases.parties.name"))
                .isEqualTo("赵某");
        assertThatThrownBy(() -> keys(database, Algorithm.SM4_GCM, MASTER)).isInstanceOf(MissingCryptoKey.class);
        assertThatThrownBy(() -> new DataKeys(database, Algorithm.SM4_GCM, nextKey, nextKey, Duration.ofMillis(100)))
                .isInstanceOf(MissingCryptoKey.class)
                .hasMessageContaining("previous master key");
    }

    @Test
    void aRotationReSealsOldAndPlainValuesUnderTheNewKeyWithProgress() {
        MongoDatabase database = freshDatabase();
        DataKeys keys = keys(database, Algorithm.SM4_GCM, MASTER);
        FieldCipher cipher = new EnvelopeFieldCipher(keys);
        MongoCollection<Document> cases = database.getCollection("cases");
        for (int i = 0; i < 25; i++) {
            // Odd ones as stored before sealing: plain.
            boolean plain = i % 2 == 1;
            cases.insertOne(new Document("_id", String.format("case-%03d", i))
                    .append("title", "非法收购案 " + i)
                    .append(
                            "parties",
                            List.of(
                                    new Document("kind", "PERSON")
                                            .append(
                                                    "name",
                                                    plain ? "王某" + i : cipher.seal("王某" + i, "cases.parties.name"))
                                            .append("phone", null),
                                    new Document("kind", "COMPANY").append("name", "某公司")))
                    .append("people", List.of("男，约四十岁 " + i)));
        }
        KeyRotations rotations = new KeyRotations(
                database,
                keys,
                List.of(SealedCollection.of(cases, cipher, "parties[].name", "parties[].phone", "people[]")),
                new CryptoProperties(
                        Algorithm.SM4_GCM,
                        MASTER,
                        null,
                        INDEX,
                        null,
                        Duration.ofMillis(200),
                        7,
                        Duration.ofSeconds(5),
                        null,
                        null),
                Clock.systemUTC(),
                Duration.ofMillis(100));
        rotations.start();
        try {
            // The first start seals what was stored in plain.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> rotations
                            .find(KeyRotations.INITIAL_RUN)
                            .map(p -> p.state() == KeyRotations.State.DONE)
                            .orElse(false));
            assertThat(cases.find()).allSatisfy(d -> assertThat(d.toJson()).doesNotContain("王某", "男，约四十岁"));

            KeyRotations.Progress started = rotations.rotate("security-admin");
            assertThat(started.activeKey()).isEqualTo("k2");
            assertThatThrownBy(() -> rotations.rotate("someone else"))
                    .as("one at a time")
                    .isInstanceOf(KeyRotations.RunUnderWay.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> rotations.find(started.id()).orElseThrow().state() == KeyRotations.State.DONE);

            KeyRotations.Progress done = rotations.find(started.id()).orElseThrow();
            assertThat(done.steps()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("cases");
                assertThat(s.total()).isEqualTo(25);
                assertThat(s.done()).isEqualTo(25);
                assertThat(s.changed()).isEqualTo(25);
                assertThat(s.finished()).isTrue();
            });
            for (Document d : cases.find()) {
                List<Document> parties = d.getList("parties", Document.class);
                String name = parties.get(0).getString("name");
                assertThat(name).startsWith("enc:v1:SM4_GCM:k2:");
                assertThat(cipher.open(name, "cases.parties.name")).startsWith("王某");
                assertThat(parties.get(0).get("phone")).isNull();
                assertThat(parties.get(1).getString("name")).startsWith("enc:v1:SM4_GCM:k2:");
                assertThat(parties.get(1).getString("kind")).isEqualTo("COMPANY");
                assertThat(cipher.open(d.getList("people", String.class).get(0), "cases.people"))
                        .startsWith("男，约四十岁");
                assertThat(d.getString("title")).startsWith("非法收购案");
            }
            assertThat(rotations.recent(5))
                    .extracting(KeyRotations.Progress::id)
                    .contains(started.id(), "initial-seal");
        } finally {
            rotations.stop();
        }
    }

    @Test
    void anInterruptedRotationIsTakenUpWhereItsLastBatchEnded() {
        MongoDatabase database = freshDatabase();
        DataKeys keys = keys(database, Algorithm.SM4_GCM, MASTER);
        FieldCipher cipher = new EnvelopeFieldCipher(keys);
        MongoCollection<Document> reporters = database.getCollection("clue_reporters");
        for (int i = 0; i < 10; i++) {
            reporters.insertOne(new Document("_id", "C-" + i)
                    .append("phone", cipher.seal("1390000000" + i, "clue_reporters.phone")));
        }
        keys.rotate();
        MongoCollection<Document> runs = database.getCollection(KeyRotations.COLLECTION);
        // What an instance that died after its first batch (C-0 .. C-4) left behind.
        runs.insertOne(new Document("_id", KeyRotations.INITIAL_RUN)
                .append("kind", "RESEAL")
                .append("state", "DONE")
                .append("activeKey", "k1")
                .append("requestedBy", "platform")
                .append("startedAt", new Date())
                .append("steps", List.of()));
        runs.insertOne(new Document("_id", "rot-interrupted")
                .append("kind", "ROTATE")
                .append("state", "RUNNING")
                .append("activeKey", "k2")
                .append("requestedBy", "security-admin")
                .append("startedAt", new Date())
                .append("walkAfter", new Date())
                .append("owner", "a-dead-instance")
                .append("leaseUntil", Date.from(Instant.now().minusSeconds(1)))
                .append("attempts", 0)
                .append(
                        "steps",
                        List.of(new Document("name", "clue_reporters")
                                .append("total", 10L)
                                .append("done", 5L)
                                .append("changed", 5L)
                                .append("refused", 0L)
                                .append("lastId", "C-4")
                                .append("finished", false))));
        runs.insertOne(new Document("_id", "running").append("run", "rot-interrupted"));

        KeyRotations restarted = new KeyRotations(
                database,
                keys,
                List.of(SealedCollection.of(reporters, cipher, "phone")),
                new CryptoProperties(
                        Algorithm.SM4_GCM,
                        MASTER,
                        null,
                        INDEX,
                        null,
                        Duration.ofMillis(200),
                        2,
                        Duration.ofSeconds(5),
                        null,
                        null),
                Clock.systemUTC(),
                Duration.ofMillis(100));
        assertThatThrownBy(() -> restarted.reseal("someone")).isInstanceOf(KeyRotations.RunUnderWay.class);
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> restarted.find("rot-interrupted").orElseThrow().state() == KeyRotations.State.DONE);
            KeyRotations.StepProgress step =
                    restarted.find("rot-interrupted").orElseThrow().steps().get(0);
            assertThat(step.done()).isEqualTo(10);
            assertThat(step.changed()).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                String phone =
                        reporters.find(Filters.eq("_id", "C-" + i)).first().getString("phone");
                assertThat(phone)
                        .as("C-%d: the first five were the dead instance's, the rest this one's", i)
                        .startsWith(i < 5 ? "enc:v1:SM4_GCM:k1:" : "enc:v1:SM4_GCM:k2:");
            }
            // Started again: harmless, and it finishes what is left.
            KeyRotations.Progress again = restarted.reseal("security-admin");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> restarted.find(again.id()).orElseThrow().state() == KeyRotations.State.DONE);
            assertThat(restarted.find(again.id()).orElseThrow().steps().get(0).changed())
                    .isEqualTo(5);
            assertThat(reporters.find())
                    .allSatisfy(d -> assertThat(d.getString("phone")).contains(":k2:"));
        } finally {
            restarted.stop();
        }
    }
}
