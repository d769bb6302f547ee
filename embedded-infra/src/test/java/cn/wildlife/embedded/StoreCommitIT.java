package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process killed at any moment leaves on disk is the last commit, so every commit must hold whole commands:
 * a document stored with all its index entries, or not at all. Writers insert concurrently under two unique indexes
 * while the file is committed and copied as it stands, again and again; each copy, opened as the store opens a file
 * after a crash, must have every document findable by its {@code _id} and by its other unique key.
 */
class StoreCommitIT {

    static final int WRITERS = 4;
    static final int SNAPSHOTS = 25;

    @TempDir
    Path dataDir;

    @Test
    void everyCommitHoldsWholeCommands() throws Exception {
        Path file = dataDir.resolve("store.mv");
        MVStore mvStore = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        // The scheduled commits are left to this test: an hour apart.
        SyncingH2Backend backend = new SyncingH2Backend(mvStore, 3_600_000);
        MongoServer server = new MongoServer(backend);
        int port = FreePorts.pick();
        server.bind("localhost", port);
        List<Path> snapshots = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port + "/cases")) {
            MongoCollection<Document> clues = client.getDatabase("cases").getCollection("clues");
            clues.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        clues.insertOne(new Document("_id", "C-" + writer + "-" + n)
                                .append("eventId", "E-" + writer + "-" + n)
                                .append("text", "巡护发现非法捕猎 " + n));
                    }
                    return null;
                }));
            }
            for (int s = 0; s < SNAPSHOTS; s++) {
                Thread.sleep(20);
                backend.commit();
                Path copy = dataDir.resolve("snapshot-" + s + ".mv");
                // No commit runs until the next one asked for here, so the file stands still while it is copied.
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                snapshots.add(copy);
            }
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
            server.shutdownNow();
            backend.close();
        }

        int checked = 0;
        for (Path snapshot : snapshots) {
            checked += checkWhole(snapshot);
        }
        assertThat(checked).as("documents checked over %d snapshots", SNAPSHOTS).isPositive();
    }

    /** Opens a copy as a restarted store would and finds each of its documents by both unique keys. */
    private static int checkWhole(Path snapshot) {
        H2Backend reopened = new H2Backend(new MVStore.Builder()
                .fileName(snapshot.toString())
                .autoCommitDisabled()
                .open());
        MongoServer server = new MongoServer(reopened);
        int port = FreePorts.pick();
        server.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port + "/cases")) {
            MongoCollection<Document> clues = client.getDatabase("cases").getCollection("clues");
            Set<String> ids = new HashSet<>();
            for (Document clue : clues.find()) {
                ids.add(clue.getString("_id"));
                assertThat(clues.find(Filters.eq("_id", clue.get("_id"))).first())
                        .as("%s: %s by its _id", snapshot.getFileName(), clue.get("_id"))
                        .isNotNull();
                assertThat(clues.find(Filters.eq("eventId", clue.get("eventId")))
                                .first())
                        .as("%s: %s by its eventId", snapshot.getFileName(), clue.get("_id"))
                        .isNotNull();
            }
            assertThat(clues.countDocuments()).isEqualTo(ids.size());
            return ids.size();
        } finally {
            server.shutdownNow();
            reopened.close();
        }
    }
}
