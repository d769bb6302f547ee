package cn.wildlife.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NarrowingIndex;
import de.bwaldvogel.mongo.backend.h2.BsonDocumentValues;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.OrderedKeyIndexes;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with unique indexes that also serve conditional queries (see {@link NarrowingIndex}):
 * a version-checked write or a claim then costs one lookup instead of a scan of the whole collection. On disk, index
 * keys compare without serialization ({@link OrderedKeyIndexes}) and documents are stored as BSON
 * ({@link BsonDocumentValues}).
 */
final class IndexedBackends {

    private IndexedBackends() {
    }

    static final class OnDisk extends H2Backend {
        OnDisk(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new H2Database(name, getMvStore(), getCursorRegistry()) {
                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collection,
                                                                         CollectionOptions options) {
                    return BsonDocumentValues.openCollection(this, getMvStore(),
                            getFullCollectionNamespace(collection), collection, options, cursorRegistry);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collection, String index,
                                                                List<IndexKey> keys, boolean sparse) {
                    // The name H2Database gives the index's map, so that dropping the index or the database
                    // removes it as before.
                    return new NarrowingIndex<>(OrderedKeyIndexes.open(getMvStore(),
                            getFullCollectionNamespace(collection) + "._index_" + index, index, keys, sparse));
                }
            };
        }
    }

    static final class InMemory extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new MemoryDatabase(name, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collection, String index,
                                                                 List<IndexKey> keys, boolean sparse) {
                    return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse));
                }
            };
        }
    }
}
