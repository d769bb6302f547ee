package cn.wildlife.notification.oversight;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.support.mongo.Regions;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Overdue and escalated clocks per child region, agency and rule, grouped by MongoDB over {@code deadlines} (one
 * group per stored region, agency, rule and state; the roll-up to child regions is done on those few groups), and
 * kept for a short while: many viewers polling one region cost one aggregation per
 * {@link OversightProperties#cacheFor()}.
 */
class OversightClocks {

    private static final List<String> MISSED = List.of("OVERDUE", "ESCALATED");

    /** The clocks of one region's oversight view. */
    record ClocksView(String region, RegionCode.Level level, Instant computedAt, List<ClockCount> counts) {}

    /** Missed clocks of one agency under one rule in a child region (or the region itself, 本级). */
    record ClockCount(String region, String agency, String ruleId, String title, long overdue, long escalated) {}

    private record Key(@Nullable Agency agency, String region) {}

    /** A child region, an agency and a rule: one row of the view, in that order. */
    private record Child(String region, String agency, String rule) {
        static final Comparator<Child> ORDER =
                Comparator.comparing(Child::region).thenComparing(Child::agency).thenComparing(Child::rule);
    }

    private final MongoCollection<Document> deadlines;
    private final Clock clock;
    private final Cache<Key, ClocksView> cache;

    OversightClocks(MongoDatabase database, OversightProperties properties, Clock clock) {
        this.deadlines = database.getCollection("deadlines");
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheFor())
                .maximumSize(properties.regions())
                .build();
        // Missed clocks of a region subtree (and of one agency there): the view's match, from this index alone.
        deadlines.createIndex(Indexes.ascending("state", "region", "agency"));
    }

    /** {@code agency} narrows to one agency's clocks (an agency head's view); null covers every agency. */
    ClocksView missed(@Nullable Agency agency, String region, String prefix) {
        return cache.get(new Key(agency, region), key -> compute(agency, region, prefix));
    }

    private ClocksView compute(@Nullable Agency agency, String region, String prefix) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.in("state", MISSED), Regions.within("region", prefix)));
        if (agency != null) {
            filters.add(Filters.eq("agency", agency.name()));
        }
        Map<Child, long[]> rolled = new TreeMap<>(Child.ORDER);
        Map<String, String> titles = new TreeMap<>();
        deadlines
                .aggregate(List.of(
                        Aggregates.match(Filters.and(filters)),
                        Aggregates.group(
                                new Document("region", "$region")
                                        .append("agency", "$agency")
                                        .append("rule", "$ruleId")
                                        .append("state", "$state"),
                                Accumulators.sum("count", 1),
                                Accumulators.first("title", "$title"))))
                .forEach(group -> {
                    Document id = group.get("_id", Document.class);
                    String rule = id.getString("rule");
                    long[] counts = rolled.computeIfAbsent(
                            new Child(
                                    new RegionCode(region).childContaining(id.getString("region")),
                                    id.getString("agency"),
                                    rule),
                            child -> new long[2]);
                    counts["ESCALATED".equals(id.getString("state")) ? 1 : 0] +=
                            ((Number) group.get("count")).longValue();
                    String title = group.getString("title");
                    titles.putIfAbsent(rule, title == null ? rule : title);
                });
        List<ClockCount> counts = new ArrayList<>();
        rolled.forEach((child, c) -> counts.add(
                new ClockCount(child.region(), child.agency(), child.rule(), titles.get(child.rule()), c[0], c[1])));
        return new ClocksView(region, new RegionCode(region).level(), clock.instant(), counts);
    }
}
