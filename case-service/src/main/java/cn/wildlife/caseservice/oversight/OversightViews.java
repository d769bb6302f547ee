package cn.wildlife.caseservice.oversight;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The oversight views of one region, rolled up to its child regions and kept for a short while: many viewers polling
 * the same region cost one aggregation per {@link OversightProperties#cacheFor()}.
 */
class OversightViews {

    /** Open transfers per child region and state, and the non-filings under reconsideration or supervision. */
    record TransfersView(
            String region,
            RegionCode.Level level,
            Instant computedAt,
            List<StateCount> counts,
            List<OversightStore.ReviewedTransfer> underReview) {}

    /** Open transfers of a child region (or the region itself, 本级) in one state. */
    record StateCount(String region, String state, long count) {}

    /** 以罚代刑 flags per child region and agency, and the flagged cases newest first. */
    record FlagsView(
            String region,
            RegionCode.Level level,
            Instant computedAt,
            List<AgencyCount> counts,
            List<OversightStore.FlaggedCase> cases) {}

    /** Flagged cases of one agency in a child region. */
    record AgencyCount(String region, String agency, long count) {}

    private record Key(String view, @Nullable Agency agency, String region) {}

    /** A child region and what is counted in it (a state, an agency), in that order. */
    private record Child(String region, String key) {
        static final Comparator<Child> ORDER =
                Comparator.comparing(Child::region).thenComparing(Child::key);
    }

    private final OversightStore store;
    private final OversightProperties properties;
    private final Clock clock;
    private final Cache<Key, Object> cache;

    OversightViews(OversightStore store, OversightProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheFor())
                .maximumSize(properties.regions())
                .build();
    }

    /** {@code agency} narrows to one agency's transfers (an agency head's view); null covers every agency. */
    TransfersView transfers(@Nullable Agency agency, String region, String prefix) {
        return (TransfersView) cache.get(new Key("transfers", agency, region), key -> {
            RegionCode asked = new RegionCode(region);
            List<StateCount> counts = new ArrayList<>();
            rollUp(asked, store.openTransfers(agency, prefix), g -> new Child(g.region(), g.state()), g -> g.count())
                    .forEach((child, count) -> counts.add(new StateCount(child.region(), child.key(), count)));
            return new TransfersView(
                    region,
                    asked.level(),
                    clock.instant(),
                    counts,
                    store.underReview(agency, prefix, properties.listed()));
        });
    }

    /** The stored groups summed per child region of {@code asked} and key, in region then key order. */
    private static <G> Map<Child, Long> rollUp(
            RegionCode asked, List<G> groups, Function<G, Child> stored, ToLongFunction<G> count) {
        Map<Child, Long> rolled = new TreeMap<>(Child.ORDER);
        for (G group : groups) {
            Child child = stored.apply(group);
            rolled.merge(
                    new Child(asked.childContaining(child.region()), child.key()), count.applyAsLong(group), Long::sum);
        }
        return rolled;
    }

    FlagsView flags(@Nullable Agency agency, String region, String prefix) {
        return (FlagsView) cache.get(new Key("flags", agency, region), key -> {
            RegionCode asked = new RegionCode(region);
            List<AgencyCount> counts = new ArrayList<>();
            rollUp(asked, store.flaggedCases(agency, prefix), g -> new Child(g.region(), g.agency()), g -> g.count())
                    .forEach((child, count) -> counts.add(new AgencyCount(child.region(), child.key(), count)));
            return new FlagsView(
                    region,
                    asked.level(),
                    clock.instant(),
                    counts,
                    store.flaggedList(agency, prefix, properties.listed()));
        });
    }
}
