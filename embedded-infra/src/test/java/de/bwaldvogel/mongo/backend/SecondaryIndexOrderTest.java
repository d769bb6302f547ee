package de.bwaldvogel.mongo.backend;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index's own comparison of key values must be mongo-java-server's order exactly: reading in order is sorting. */
class SecondaryIndexOrderTest {

    private static final ValueComparator STORE_ORDER = ValueComparator.ascWithoutListHandling();

    private final SecondaryIndex.KeyOrder order = new SecondaryIndex.KeyOrder(new boolean[] {false});

    @Test
    void everyPairOfValuesComparesAsTheStoreSortsThem() {
        List<Object> values = Arrays.asList(
                null,
                Missing.getInstance(),
                "",
                "A",
                "FORESTRY",
                "FORESTRY-220112",
                "a",
                "Ä",
                "林业",
                "公安",
                "\uD83D\uDC3C",
                new String("FORESTRY"),
                Instant.parse("2026-11-26T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00.000000001Z"),
                Instant.parse("1969-12-31T23:59:59Z"),
                Instant.EPOCH,
                true,
                false,
                Boolean.valueOf(true),
                0.0,
                1.0,
                -1.5,
                2L,
                Long.MAX_VALUE,
                3,
                new Document("a", 1));
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(order.compareValues(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(STORE_ORDER.compare(a, b)));
            }
        }
    }
}
