package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
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
            client.getDatabase("cases").getCollection("clues").insertOne(new Document("_id", "C-1").append("n", 1));
        }
        try (MongoWireStore store = MongoWireStore.onDisk(file, port);
             MongoClient client = MongoClients.create(store.uri("cases"))) {
            assertThat(client.getDatabase("cases").getCollection("clues").find(Filters.eq("_id", "C-1")).first())
                    .containsEntry("n", 1);
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
}
