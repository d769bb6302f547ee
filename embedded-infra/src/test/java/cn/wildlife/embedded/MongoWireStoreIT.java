package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireStoreIT {

    @TempDir
    Path dataDir;

    @Test
    void documentsSurviveARestart() {
        Path file = dataDir.resolve("store.mv");
        int port = FreePorts.pick();
        try (MongoWireStore store = MongoWireStore.onDisk(file, port);
                MongoClient client = MongoClients.create(store.uri("cases"))) {
            client.getDatabase("cases").getCollection("clues").insertOne(everyKindOfValue());
        }
        try (MongoWireStore store = MongoWireStore.onDisk(file, port);
                MongoClient client = MongoClients.create(store.uri("cases"))) {
            assertThat(client.getDatabase("cases")
                            .getCollection("clues")
                            .find(Filters.eq("_id", "C-1"))
                            .first())
                    .isEqualTo(everyKindOfValue());
        }
    }

    @Test
    void collectionStatisticsReportTheStoredSizeOnBothBackends() {
        try (MongoWireStore onDisk = MongoWireStore.onDisk(dataDir.resolve("sizes.mv"), FreePorts.pick());
                MongoWireStore inMemory = MongoWireStore.inMemory(FreePorts.pick())) {
            for (MongoWireStore store : List.of(onDisk, inMemory)) {
                try (MongoClient client = MongoClients.create(store.uri("cases"))) {
                    var db = client.getDatabase("cases");
                    var clues = db.getCollection("clues");
                    Document small = new Document("_id", "S").append("text", "x");
                    Document large = new Document("_id", "L").append("text", "x".repeat(1000));
                    clues.insertMany(List.of(small, large));
                    int both = db.runCommand(new Document("collStats", "clues")).getInteger("size");
                    clues.updateOne(Filters.eq("_id", "L"), com.mongodb.client.model.Updates.set("text", "y"));
                    int updated =
                            db.runCommand(new Document("collStats", "clues")).getInteger("size");
                    clues.deleteOne(Filters.eq("_id", "S"));
                    int one = db.runCommand(new Document("collStats", "clues")).getInteger("size");

                    int smallSize = org.bson.RawBsonDocument.parse(small.toJson())
                            .getByteBuffer()
                            .remaining();
                    assertThat(both).isGreaterThan(1000);
                    assertThat(updated).isEqualTo(2 * smallSize);
                    assertThat(one).isEqualTo(smallSize);
                }
            }
        }
    }

    @Test
    void theFileStaysBoundedWhenDataIsRewrittenAcrossRestarts() throws Exception {
        Path file = dataDir.resolve("store.mv");
        int port = FreePorts.pick();
        long afterFirstRound = 0;
        for (int round = 0; round < 4; round++) {
            try (MongoWireStore store = MongoWireStore.onDisk(file, port);
                    MongoClient client = MongoClients.create(store.uri("bench"))) {
                MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
                docs.drop();
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    batch.add(new Document("_id", i).append("payload", "x".repeat(400)));
                }
                docs.insertMany(batch);
            }
            if (round == 0) {
                afterFirstRound = Files.size(file);
            }
        }
        // The same live data rewritten three more times: compaction at start keeps the file near one round's size.
        try (MongoWireStore ignored = MongoWireStore.onDisk(file, port)) {
            assertThat(Files.size(file)).isLessThan(afterFirstRound * 2);
        }
    }

    @Test
    void aBatchOfConditionalWritesByIdChangesExactlyTheDocumentsThatMatch() {
        int port = FreePorts.pick();
        try (MongoWireStore store = MongoWireStore.onDisk(dataDir.resolve("store.mv"), port);
                MongoClient client = MongoClients.create(store.uri("cases"))) {
            MongoCollection<Document> docs = client.getDatabase("cases").getCollection("clues");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(new Document("_id", "C-" + i).append("pending", i % 2 == 0));
            }
            docs.insertMany(batch);
            // The outbox relay's claim: ids looked up through the index, the other condition still holds.
            long claimed = docs.updateMany(
                            Filters.and(
                                    Filters.in("_id", List.of("C-1", "C-2", "C-4", "C-99")),
                                    Filters.eq("pending", true)),
                            com.mongodb.client.model.Updates.set("claimedBy", "r1"))
                    .getModifiedCount();
            assertThat(claimed).isEqualTo(2);
            assertThat(docs.find(Filters.eq("claimedBy", "r1"))
                            .map(d -> d.getString("_id"))
                            .into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("C-2", "C-4");
            // Values the index cannot look up (a pattern) are matched against every document, as before.
            assertThat(docs.countDocuments(Filters.and(
                            Filters.in("_id", List.of(java.util.regex.Pattern.compile("^C-1"), "C-2")),
                            Filters.eq("pending", true))))
                    .isEqualTo(6);
        }
    }

    @Test
    void aFileOfTheEarlierPatchedFormatIsRefusedUntouchedWithHowToRebuildIt() throws Exception {
        Path file = dataDir.resolve("mongo").resolve("platform.mv");
        Files.createDirectories(file.getParent());
        // What the builds that patched mongo-java-server left beside their own-format indexes.
        MVStore earlier = new MVStore.Builder().fileName(file.toString()).open();
        earlier.openMap("wildlife.ordered-indexes").put("databases.cases.clues._index_number", "1");
        earlier.close();
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> MongoWireStore.onDisk(file, FreePorts.pick()))
                .isInstanceOf(EarlierStoreFormat.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("./platform rebuild-store --data-dir=" + dataDir)
                .hasMessageContaining("--data-dir=NEW");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void fsyncIsAnsweredOnBothBackendsAndTheLockRefused() {
        try (MongoWireStore onDisk = MongoWireStore.onDisk(dataDir.resolve("sync.mv"), FreePorts.pick());
                MongoWireStore inMemory = MongoWireStore.inMemory(FreePorts.pick())) {
            for (MongoWireStore store : List.of(onDisk, inMemory)) {
                try (MongoClient client = MongoClients.create(store.uri("cases"))) {
                    client.getDatabase("cases").getCollection("clues").insertOne(new Document("_id", "C-1"));
                    var admin = client.getDatabase("admin");
                    assertThat(admin.runCommand(new Document("fsync", 1)).get("ok"))
                            .isEqualTo(1.0);
                    assertThatThrownBy(() -> admin.runCommand(new Document("fsync", 1).append("lock", true)))
                            .hasMessageContaining("lock is not supported");
                }
            }
        }
    }

    private static Document everyKindOfValue() {
        return new Document("_id", "C-1")
                .append("n", 1)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("yes", true)
                .append("none", null)
                .append("text", "林业局 clue")
                .append("at", new java.util.Date(1_790_000_000_000L))
                .append("id", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 1, new Document("x", List.of())))
                .append("nested", new Document("deeper", new Document("k", "v")));
    }
}
