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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corners where an index could answer differently from a scan: values of several types in one field, numbers a
 * double cannot hold, expressions that match any value's text, several conditions on several fields, descending
 * fields with exclusive bounds, array fields, grouping from the entries. Each case runs on a collection with the
 * index and on a copy without, on both backends, and the answers must be the same.
 */
class SecondaryIndexEdgesIT {

    @TempDir
    Path dataDir;

    private MongoDatabase db;
    private int sets;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> scanned;

    @Test
    void onDisk() {
        try (MongoWireStore store = MongoWireStore.onDisk(dataDir.resolve("store.mv"), FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("edges"))) {
            db = client.getDatabase("edges");
            everyCase();
        }
    }

    @Test
    void inMemory() {
        try (MongoWireStore store = MongoWireStore.inMemory(FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("edges"))) {
            db = client.getDatabase("edges");
            everyCase();
        }
    }

    private void everyCase() {
        given(
                List.of(
                        doc(1).append("s", "abc"),
                        doc(2).append("s", "xyz"),
                        doc(3).append("s", "fooxyz"),
                        doc(4).append("s", "ab\uffff\uffff"),
                        doc(5).append("s", 123),
                        doc(6).append("s", 123L)),
                Indexes.ascending("s"));
        same("alternation", c -> ids(c.find(Filters.regex("s", "^abc|xyz")).sort(Sorts.ascending("_id"))));
        same("alternation count", c -> c.countDocuments(Filters.regex("s", "^abc|xyz")));
        same(
                "expression over numbers",
                c -> ids(c.find(Filters.regex("s", "^12")).sort(Sorts.ascending("_id"))));
        same("prefix before the last character", c -> c.countDocuments(Filters.regex("s", "^ab")));

        List<Document> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(doc(i).append("a", i % 2 == 0 ? 1 : 7).append("b", "m" + i));
        }
        given(pairs, Indexes.compoundIndex(Indexes.descending("a"), Indexes.ascending("b")));
        Bson twoFields =
                Filters.and(Filters.in("a", 1, 7), Filters.lt("a", 5), Filters.gte("b", "m"), Filters.lte("b", "n"));
        same("two fields, two terms each: count", c -> c.countDocuments(twoFields));
        same(
                "two fields, two terms each: page",
                c -> ids(c.find(twoFields)
                        .sort(Sorts.descending("a", "b"))
                        .skip(1)
                        .limit(2)));

        List<Document> natural = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            natural.add(doc(10 - i).append("st", "A"));
        }
        given(natural, Indexes.ascending("st"));
        same("$natural backwards", c -> ids(c.find(Filters.eq("st", "A")).sort(new Document("$natural", -1))));
        same("$natural", c -> ids(c.find(Filters.eq("st", "A")).sort(new Document("$natural", 1))));

        given(
                List.of(
                        doc(1).append("st", "A").append("v", true),
                        doc(2).append("st", "A").append("v", 5),
                        doc(3).append("st", "A").append("v", "x"),
                        doc(4).append("st", "A").append("v", new ObjectId()),
                        doc(5).append("st", "A").append("v", new Document("k", 1)),
                        doc(6).append("st", "A"),
                        doc(7).append("st", "A").append("v", 4.5)),
                Indexes.compoundIndex(Indexes.ascending("st"), Indexes.ascending("v")));
        same("mixed types ascending", c -> ids(c.find(Filters.eq("st", "A")).sort(Sorts.ascending("v"))));
        same("mixed types descending", c -> ids(c.find(Filters.eq("st", "A")).sort(Sorts.descending("v"))));
        same(
                "direction 0.5 reads as descending",
                c -> ids(c.find(Filters.eq("st", "A")).sort(new Document("v", 0.5))));

        given(
                List.of(
                        new Document("_id", 5L).append("st", "A"),
                        new Document("_id", 3).append("st", "A"),
                        new Document("_id", 4.5).append("st", "A")),
                Indexes.ascending("st"));
        same(
                "numeric ids of three types",
                c -> ids(c.find(Filters.eq("st", "A")).sort(Sorts.ascending("_id"))));

        given(
                List.of(
                        doc(1).append("st", "A").append("g", new Document("x", 1)),
                        doc(2).append("st", "A").append("g", new Document("x", 1L)),
                        doc(3).append("st", "A").append("g", "b"),
                        doc(4).append("st", "A").append("g", "a")),
                Indexes.compoundIndex(Indexes.ascending("st"), Indexes.ascending("g")));
        same(
                "grouped by a field holding documents",
                c -> c.aggregate(List.of(
                                Aggregates.match(Filters.eq("st", "A")),
                                Aggregates.group("$g", Accumulators.sum("n", 1)),
                                Aggregates.sort(Sorts.ascending("_id"))))
                        .into(new ArrayList<>()));

        long big = 9_007_199_254_740_993L;
        given(
                List.of(doc(1).append("n", big), doc(2).append("n", big - 1), doc(3).append("n", 5)),
                Indexes.ascending("n"));
        same("a long a double cannot hold", c -> c.countDocuments(Filters.eq("n", big)));
        same(
                "a range between two such longs",
                c -> c.countDocuments(Filters.and(Filters.gt("n", big - 1), Filters.lte("n", big))));
        same("found above a double", c -> ids(c.find(Filters.gt("n", (double) (big - 1)))));

        given(
                List.of(
                        doc(1).append("t", List.of("a", "b")),
                        doc(2).append("t", List.of("b")),
                        doc(3).append("t", List.of()),
                        doc(4).append("t", "a")),
                Indexes.ascending("t"));
        same("array field, $in", c -> c.countDocuments(Filters.in("t", "a", "b")));
        same(
                "array field, $in, skipped",
                c -> ids(c.find(Filters.in("t", "a", "b"))
                        .sort(Sorts.ascending("_id"))
                        .skip(1)));
        same("array field, range", c -> c.countDocuments(Filters.and(Filters.gte("t", "a"), Filters.lte("t", "b"))));
        same("array field, expression over its text", c -> c.countDocuments(Filters.regex("t", "a, b")));

        given(List.of(doc(1).append("a", null), doc(2), doc(3).append("a", 3)), Indexes.ascending("a"));
        same("null", c -> ids(c.find(Filters.eq("a", null)).sort(Sorts.ascending("_id"))));
        same("$in with null", c -> c.countDocuments(Filters.in("a", null, 3)));
        same("$ne", c -> c.countDocuments(Filters.ne("a", 3)));
        same("$exists and a range", c -> c.countDocuments(Filters.and(Filters.exists("a"), Filters.gte("a", 0))));

        List<Document> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(doc(i).append("st", "A").append("v", i / 2));
        }
        given(ten, Indexes.compoundIndex(Indexes.ascending("st"), Indexes.descending("v")));
        same(
                "descending, exclusive",
                c -> ids(c.find(Filters.and(Filters.eq("st", "A"), Filters.gt("v", 1), Filters.lt("v", 4)))
                        .sort(Sorts.orderBy(Sorts.ascending("v"), Sorts.ascending("_id")))));
        same(
                "descending, inclusive count",
                c -> c.countDocuments(Filters.and(Filters.eq("st", "A"), Filters.gte("v", 1), Filters.lte("v", 3))));
        same(
                "descending read backwards with ties",
                c -> ids(c.find(Filters.and(Filters.eq("st", "A"), Filters.lte("v", 3)))
                        .sort(Sorts.orderBy(Sorts.ascending("v"), Sorts.descending("_id")))
                        .skip(2)
                        .limit(3)));
        same(
                "$in with a value twice",
                c -> c.countDocuments(Filters.and(Filters.eq("st", "A"), Filters.in("v", 1, 1, 1.0))));
        same(
                "count, skipped and limited",
                c -> c.countDocuments(
                        Filters.eq("st", "A"), new CountOptions().skip(3).limit(4)));
        same("changed, replaced and removed", c -> {
            c.updateMany(Filters.and(Filters.eq("st", "A"), Filters.eq("v", 1)), Updates.set("st", "B"));
            c.replaceOne(Filters.eq("_id", 1), new Document("st", "C"));
            c.deleteMany(Filters.eq("v", 4));
            return c.countDocuments(Filters.eq("st", "A")) + "/" + c.countDocuments(Filters.eq("st", "B")) + "/"
                    + ids(c.find(Filters.in("st", "A", "B", "C")).sort(Sorts.ascending("_id")));
        });

        given(
                List.of(
                        doc(1).append("r", List.of(new Document("id", 1), new Document("id", 5))),
                        doc(2).append("r", List.of(new Document("id", 3)))),
                Indexes.ascending("r.id"));
        same(
                "path through an array of documents",
                c -> c.countDocuments(new Document("r.id", new Document("$gt", 2).append("$lt", 4))));
    }

    private static Document doc(Object id) {
        return new Document("_id", id);
    }

    private void given(List<Document> documents, Bson index) {
        sets++;
        indexed = db.getCollection("indexed" + sets);
        scanned = db.getCollection("scanned" + sets);
        indexed.createIndex(index);
        for (Document d : documents) {
            indexed.insertOne(new Document(d));
            scanned.insertOne(new Document(d));
        }
    }

    private void same(String what, Function<MongoCollection<Document>, Object> question) {
        assertThat(String.valueOf(question.apply(indexed))).as(what).isEqualTo(String.valueOf(question.apply(scanned)));
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }
}
