package cn.wildlife.inspection.inspection;

import cn.wildlife.inspection.inspection.domain.RandomDraw;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** 双随机 draws ({@code draws}), each with its inputs, result and pending events. */
@Component
public class DrawStore {

    private final MongoCollection<Document> draws;

    public DrawStore(MongoDatabase database) {
        this.draws = database.getCollection("draws");
        // The list of past draws: a region's subtree, newest first.
        draws.createIndex(Indexes.compoundIndex(Indexes.ascending("region"), Indexes.descending("drawnAt")));
    }

    MongoCollection<Document> collection() {
        return draws;
    }

    public void insert(Draw draw, List<Document> events, Outbox outbox) {
        Document doc = asDocument(draw);
        doc.putAll(outbox.newDocumentFields(events));
        draws.insertOne(doc);
    }

    /** Publishes once; false when it was published already. */
    public boolean publish(String id, Instant at, List<Document> events, Outbox outbox) {
        return draws.updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq("published", false)),
                                Updates.combine(
                                        Updates.set("published", true),
                                        Updates.set("publishedAt", Date.from(at)),
                                        outbox.append(events)))
                        .getModifiedCount()
                == 1;
    }

    public Optional<Draw> find(String id) {
        return Optional.ofNullable(draws.find(Filters.eq("_id", id))
                        .projection(new Document(Outbox.ENTRIES, 0))
                        .first())
                .map(DrawStore::fromDocument);
    }

    /** Draws of a region's subtree, newest first: one page of them. */
    public List<Draw> list(String regionPrefix, int page, int size) {
        return draws.find(Regions.within("region", regionPrefix))
                .projection(new Document(Outbox.ENTRIES, 0))
                .sort(Sorts.orderBy(Sorts.descending("drawnAt"), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .map(DrawStore::fromDocument)
                .into(new ArrayList<>());
    }

    public long count(String regionPrefix) {
        return draws.countDocuments(Regions.within("region", regionPrefix));
    }

    static Document asDocument(Draw d) {
        return new Document("_id", d.id())
                .append("region", d.region())
                .append("seed", d.seed())
                .append("algorithm", d.algorithm())
                .append("facilityCount", d.facilityCount())
                .append("inspectorsPerFacility", d.inspectorsPerFacility())
                .append("plannedFor", d.plannedFor().toString())
                .append("candidates", d.candidates())
                .append(
                        "roster",
                        d.roster().stream()
                                .map(i ->
                                        new Document("name", i.name()).append("conflicts", List.copyOf(i.conflicts())))
                                .toList())
                // An ordered list, not a map: the order of the draw is part of its result.
                .append(
                        "result",
                        d.inspectorsByFacility().entrySet().stream()
                                .map(e -> new Document("facilityId", e.getKey()).append("inspectors", e.getValue()))
                                .toList())
                .append("inspectionIds", d.inspectionIds())
                .append("drawnAt", Date.from(d.drawnAt()))
                .append("drawnBy", d.drawnBy())
                .append("published", d.published())
                .append("publishedAt", d.publishedAt() == null ? null : Date.from(d.publishedAt()));
    }

    static Draw fromDocument(Document d) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        d.getList("result", Document.class, List.of())
                .forEach(r -> result.put(r.getString("facilityId"), r.getList("inspectors", String.class, List.of())));
        return new Draw(
                d.getString("_id"),
                d.getString("region"),
                ((Number) d.get("seed")).longValue(),
                // Draws recorded before the algorithm was named were drawn with java.util.Random.
                d.get("algorithm", RandomDraw.LEGACY_ALGORITHM),
                d.getInteger("facilityCount"),
                d.getInteger("inspectorsPerFacility"),
                LocalDate.parse(d.getString("plannedFor")),
                d.getList("candidates", String.class, List.of()),
                d.getList("roster", Document.class, List.of()).stream()
                        .map(i -> new RandomDraw.Inspector(
                                i.getString("name"), new HashSet<>(i.getList("conflicts", String.class, List.of()))))
                        .toList(),
                result,
                d.getList("inspectionIds", String.class, List.of()),
                d.getDate("drawnAt").toInstant(),
                d.getString("drawnBy"),
                d.getBoolean("published", false),
                d.getDate("publishedAt") == null
                        ? null
                        : d.getDate("publishedAt").toInstant());
    }
}
