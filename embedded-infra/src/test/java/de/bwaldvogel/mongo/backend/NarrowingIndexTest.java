package de.bwaldvogel.mongo.backend;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrowingIndexTest {

    private final NarrowingIndex<Integer> byId =
            new NarrowingIndex<>(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));

    @Test
    void findsTheLookupInAnAndNestedAsTheDriverWritesIt() {
        // and(and(eq _id, eq claim), nor(...)), as the outbox relay's release filter renders.
        Document query = new Document(
                "$and",
                List.of(
                        new Document(
                                "$and", List.of(new Document("_id", "C-1"), new Document("_outboxClaimedBy", "t"))),
                        new Document("$nor", List.of(new Document("_outbox", new Document("$size", 1))))));

        assertThat(byId.narrowed(query)).isEqualTo(new Document("_id", "C-1"));
        assertThat(byId.canHandle(query)).isTrue();
    }

    @Test
    void aLookupOnlyUnderAnOrOrANorIsNoLookup() {
        Document underOr = new Document("$or", List.of(new Document("_id", "C-1"), new Document("x", 1)));
        Document underNor = new Document("$and", List.of(new Document("$nor", List.of(new Document("_id", "C-1")))));

        assertThat(byId.narrowed(underOr)).isNull();
        assertThat(byId.narrowed(underNor)).isNull();
    }
}
