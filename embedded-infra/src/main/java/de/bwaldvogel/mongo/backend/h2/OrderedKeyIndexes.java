package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.KeyValueType;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Unique indexes of the on-disk store whose keys compare without Java serialization. H2's generic key type compares
 * two objects it does not know (mongo-java-server's {@link KeyValue}) by serializing both and comparing the bytes,
 * so every step of every index lookup serialized two keys: the largest single cost of the platform's writes in a
 * profile. Here keys compare by their values' own order (type first, then {@link Comparable}); values of types
 * without one (documents, lists as keys) still compare by their serialized bytes.
 *
 * <p>The order differs from the one an existing file's indexes were built in, so an index written by an earlier
 * version is rebuilt once, in place, when it is first opened; a map of the converted indexes remembers which are.
 * The stored bytes of keys and values are unchanged.
 */
public final class OrderedKeyIndexes {

    /** Names of the index maps already in this class's order. */
    static final String CONVERTED = "wildlife.ordered-indexes";

    private static final String BUILDING = ".converting";

    private OrderedKeyIndexes() {}

    /**
     * Opens (or creates) the index the way {@link H2Database} would, under the same map name, with keys in value
     * order.
     */
    public static Index<Object> open(
            MVStore store, String mapName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<String, String> converted = store.openMap(CONVERTED);
        String building = mapName + BUILDING;
        if (!store.hasMap(mapName) && store.hasMap(building)) {
            // A conversion stopped after the old index was removed: the copy was complete before that.
            store.renameMap(store.openMap(building, ordered()), mapName);
        } else if (store.hasMap(mapName) && !converted.containsKey(mapName)) {
            convert(store, mapName, building);
        }
        MVMap<KeyValue, Object> map = store.openMap(mapName, ordered());
        converted.put(mapName, "1");
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    /**
     * Copies every entry into a new map in the new order, makes the copy durable, and only then replaces the old
     * map: a crash at any point leaves either the old index or a complete copy.
     */
    private static void convert(MVStore store, String mapName, String building) {
        if (store.hasMap(building)) {
            store.removeMap(building);
        }
        MVMap<Object, Object> old = store.openMap(mapName);
        MVMap<KeyValue, Object> copy = store.openMap(building, ordered());
        old.forEach((key, value) -> copy.put((KeyValue) key, value));
        store.commit();
        store.removeMap(old);
        store.renameMap(copy, mapName);
        store.commit();
    }

    private static MVMap.Builder<KeyValue, Object> ordered() {
        // One type per map: H2's generic type remembers the last type it saw, unsynchronised.
        return new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder());
    }

    /** H2's generic type for everything but the comparison of two index keys (and their encoding, see the parent). */
    static final class KeyOrder extends KeyValueType {

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int sizes = Integer.compare(left.size(), right.size());
                if (sizes != 0) {
                    return sizes;
                }
                for (int i = 0; i < left.size(); i++) {
                    int c = compareValues(left.get(i), right.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            return super.compare(a, b);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private int compareValues(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a == null || b == null) {
                return a == null ? -1 : 1;
            }
            if (a.getClass() != b.getClass()) {
                return a.getClass().getName().compareTo(b.getClass().getName());
            }
            if (a instanceof Comparable comparable) {
                return comparable.compareTo(b);
            }
            return super.compare(a, b);
        }
    }
}
