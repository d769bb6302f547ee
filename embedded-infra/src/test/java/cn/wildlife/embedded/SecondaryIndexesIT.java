package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's secondary indexes answer exactly what a scan of the whole collection answers: the same documents in
 * the same order, the same counts, for every shape of query the platform sends (equalities, $in, ranges, anchored
 * expressions, array fields, sorts with paging, aggregations), before and after documents change and, on disk,
 * after a restart. Each query runs against a collection with the indexes and a copy without any.
 */
class SecondaryIndexesIT {

    private static final List<String> REGIONS = List.of("220102", "220112", "220113", "220201", "110101");
    private static final List<String> STATUSES = List.of("OPEN", "CLOSED", "TRANSFERRED");
    private static final List<String> TAGS = List.of("ivory", "pangolin", "bird", "tiger", "orchid");

    @TempDir
    Path dataDir;

    @Test
    void onDiskAnswersLikeAScanBeforeAndAfterChangesAndARestart() {
        Path file = dataDir.resolve("store.mv");
        int port = FreePorts.pick();
        try (MongoWireStore store = MongoWireStore.onDisk(file, port);
                MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase db = client.getDatabase("test");
            fill(db);
            assertSameAnswers(db);
            change(db, 1);
            assertSameAnswers(db);
        }
        try (MongoWireStore store = MongoWireStore.onDisk(file, port);
                MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase db = client.getDatabase("test");
            assertSameAnswers(db);
            change(db, 2);
            assertSameAnswers(db);
        }
    }

    @Test
    void inMemoryAnswersLikeAScanBeforeAndAfterChanges() {
        try (MongoWireStore store = MongoWireStore.inMemory(FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoDatabase db = client.getDatabase("test");
            fill(db);
            assertSameAnswers(db);
            change(db, 1);
            assertSameAnswers(db);
        }
    }

    @Test
    void anIndexCreatedOverStoredDocumentsHoldsThemAll() {
        try (MongoWireStore store = MongoWireStore.inMemory(FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("test"))) {
            MongoCollection<Document> docs = client.getDatabase("test").getCollection("late");
            for (int i = 0; i < 200; i++) {
                docs.insertOne(new Document("_id", i).append("status", STATUSES.get(i % 3)));
            }
            docs.createIndex(Indexes.ascending("status"));
            assertThat(docs.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(67);
            assertThat(docs.find(Filters.eq("status", "CLOSED")).into(new ArrayList<>()))
                    .hasSize(67);
        }
    }

    private static void fill(MongoDatabase db) {
        MongoCollection<Document> indexed = db.getCollection("indexed");
        indexed.createIndex(
                Indexes.compoundIndex(Indexes.ascending("region", "status"), Indexes.descending("openedAt")));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("openedAt")));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.descending("openedAt")));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("records.id"));
        indexed.createIndex(Indexes.descending("value"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("nextCheckAt")));
        Random random = new Random(7);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            batch.add(randomDocument(random, i));
        }
        indexed.insertMany(batch);
        db.getCollection("scanned").insertMany(batch.stream().map(Document::new).toList());
    }

    private static Document randomDocument(Random random, int i) {
        Document doc = new Document("_id", String.format("D-%05d", i)).append("n", i);
        if (random.nextInt(20) > 0) {
            doc.append("region", REGIONS.get(random.nextInt(REGIONS.size())));
        }
        int status = random.nextInt(STATUSES.size() + 1);
        doc.append("status", status == STATUSES.size() ? null : STATUSES.get(status));
        // Whole hours over a month, so that many documents share an instant (paging must still be exact).
        doc.append(
                "openedAt",
                Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * random.nextInt(24 * 30))));
        switch (random.nextInt(4)) {
            case 0 -> doc.append("value", random.nextInt(1000));
            case 1 -> doc.append("value", (long) random.nextInt(1000));
            case 2 -> doc.append("value", random.nextInt(1000) + 0.5);
            default -> {}
        }
        switch (random.nextInt(4)) {
            case 0 -> doc.append("tags", TAGS.get(random.nextInt(TAGS.size())));
            case 1 -> doc.append("tags", List.of());
            case 2 ->
                doc.append(
                        "tags", List.of(TAGS.get(random.nextInt(TAGS.size())), TAGS.get(random.nextInt(TAGS.size()))));
            default -> {}
        }
        doc.append(
                "records",
                List.of(
                        new Document("id", "R-" + random.nextInt(300)),
                        new Document("id", "R-" + random.nextInt(300))));
        doc.append("state", random.nextBoolean() ? "OPEN" : "MET");
        doc.append(
                "nextCheckAt",
                Date.from(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(60L * random.nextInt(10_000))));
        return doc;
    }

    private static void change(MongoDatabase db, int round) {
        for (String name : List.of("indexed", "scanned")) {
            MongoCollection<Document> docs = db.getCollection(name);
            docs.updateMany(Filters.eq("status", "OPEN"), Updates.set("status", "CLOSED"));
            docs.updateMany(Filters.regex("_id", "^D-001"), Updates.set("status", "OPEN"));
            docs.updateMany(
                    Filters.and(Filters.eq("tags", "bird"), Filters.size("tags", 2)),
                    Updates.addToSet("tags", "tiger"));
            docs.updateMany(Filters.gte("n", 1900), Updates.unset("region"));
            docs.updateMany(
                    Filters.lt("n", 50), Updates.set("openedAt", Date.from(Instant.parse("2027-01-01T00:00:00Z"))));
            docs.deleteMany(Filters.eq("records.id", "R-7"));
            docs.deleteMany(Filters.and(Filters.gte("n", 500), Filters.lt("n", 520)));
            docs.insertOne(new Document("_id", "D-new-" + round)
                    .append("region", "220112")
                    .append("status", "OPEN")
                    .append("openedAt", new Date(0))
                    .append("tags", List.of("ivory"))
                    .append("value", 5));
        }
    }

    private static void assertSameAnswers(MongoDatabase db) {
        MongoCollection<Document> indexed = db.getCollection("indexed");
        MongoCollection<Document> scanned = db.getCollection("scanned");
        Date june = Date.from(Instant.parse("2026-06-04T00:00:00Z"));
        Date midJanuary = Date.from(Instant.parse("2026-01-15T00:00:00Z"));
        List<Bson> filters = List.of(
                Filters.eq("region", "220112"),
                Filters.regex("region", "^2201"),
                Filters.regex("region", "^22"),
                Filters.and(Filters.eq("region", "220112"), Filters.eq("status", "OPEN")),
                Filters.and(Filters.regex("region", "^2201"), Filters.eq("status", "OPEN")),
                Filters.and(Filters.in("region", "220112", "220113"), Filters.in("status", "OPEN", "CLOSED")),
                Filters.and(
                        Filters.eq("region", "220112"),
                        Filters.eq("status", "OPEN"),
                        Filters.gte("openedAt", midJanuary)),
                Filters.and(
                        Filters.eq("status", "CLOSED"),
                        Filters.gte("openedAt", midJanuary),
                        Filters.lt("openedAt", june)),
                Filters.eq("status", null),
                Filters.in("status", "OPEN", "TRANSFERRED"),
                Filters.gt("value", 500),
                Filters.and(Filters.gte("value", 100), Filters.lt("value", 200.5)),
                Filters.lte("value", 10L),
                Filters.eq("value", 42),
                Filters.eq("tags", "tiger"),
                Filters.in("tags", "ivory", "orchid"),
                Filters.and(Filters.eq("tags", "bird"), Filters.eq("tags", "tiger")),
                Filters.eq("records.id", "R-12"),
                Filters.and(Filters.eq("status", "OPEN"), Filters.eq("n", 1001)),
                Filters.and(
                        Filters.eq("status", "OPEN"),
                        Filters.or(Filters.eq("region", "110101"), Filters.gt("n", 1500))),
                Filters.and(Filters.eq("status", "OPEN"), Filters.ne("region", "220112")),
                Filters.and(Filters.in("state", "OPEN", "APPROACHING"), Filters.lte("nextCheckAt", june)),
                Filters.and(Filters.eq("region", "220112"), Filters.eq("status", "NONE")));
        List<Bson> sorts = List.of(
                Sorts.orderBy(Sorts.descending("openedAt"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.ascending("openedAt"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.descending("value"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.ascending("nextCheckAt"), Sorts.ascending("_id")),
                Sorts.ascending("_id"));
        for (Bson filter : filters) {
            assertThat(indexed.countDocuments(filter))
                    .as("count of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter));
            CountOptions paged = new CountOptions().skip(3).limit(10);
            assertThat(indexed.countDocuments(filter, paged))
                    .as("paged count of %s", filter)
                    .isEqualTo(scanned.countDocuments(filter, paged));
            assertThat(new HashSet<>(ids(indexed, filter, null, 0, 0)))
                    .as("unsorted %s", filter)
                    .isEqualTo(new HashSet<>(ids(scanned, filter, null, 0, 0)));
            for (Bson sort : sorts) {
                for (int[] page : new int[][] {{0, 0}, {0, 20}, {40, 20}, {7, 1}}) {
                    assertThat(ids(indexed, filter, sort, page[0], page[1]))
                            .as("%s sorted by %s, skip %d limit %d", filter, sort, page[0], page[1])
                            .isEqualTo(ids(scanned, filter, sort, page[0], page[1]));
                }
            }
            Function<MongoCollection<Document>, List<Document>> byStatus = c -> c.aggregate(List.of(
                            Aggregates.match(filter),
                            Aggregates.group("$status", Accumulators.sum("n", 1)),
                            Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertThat(byStatus.apply(indexed)).as("aggregation of %s", filter).isEqualTo(byStatus.apply(scanned));
        }
    }

    private static List<Object> ids(MongoCollection<Document> docs, Bson filter, Bson sort, int skip, int limit) {
        var find = docs.find(filter).projection(new Document("_id", 1));
        if (sort != null) {
            find = find.sort(sort);
        }
        return find.skip(skip).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
    }
}
