package cn.wildlife.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NarrowingIndex;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with unique indexes that also serve conditional queries (see {@link NarrowingIndex}):
 * a version-checked write or a claim then costs one lookup instead of a scan of the whole collection.
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
                protected Index<Object> openOrCreateUniqueIndex(String collection, String index,
                                                                List<IndexKey> keys, boolean sparse) {
                    return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse));
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
