package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A non-unique index, kept as an ordered map from (the indexed values..., {@code _id}) to the document's position.
 * mongo-java-server ignores every index that is not unique, so each query on anything but {@code _id} read and
 * decoded the whole collection: a case search or the deadline scheduler's scan grew with the number of stored
 * records, and so did every lookup the services make by a subject, a number or a status while applying events.
 * The services declare the same indexes for a real MongoDB; here they become real too.
 *
 * <p>An array value is indexed once per element (a "multikey" index, as MongoDB does); a document without the field
 * is indexed under null. The map lives in the on-disk store beside the collection (under the name H2's own indexes
 * use, so dropping the index or the database removes it) or in an in-memory store for the in-memory backend. Which
 * index answers a query, and how, is {@link IndexedQueries}' business.
 */
public final class SecondaryIndex<P> extends Index<P> {

    /** The flags map remembering, across restarts, which indexes have seen an array value. */
    private static final String MULTIKEY = "wildlife.multikey-indexes";

    private final MVMap<KeyValue, P> entries;
    private final MVMap<String, String> multikeyFlags;
    private final String mapName;
    private final boolean[] descending;
    private volatile boolean multikey;

    public SecondaryIndex(String name, List<IndexKey> keys, MVStore store, String mapName) {
        super(name, keys, false);
        this.descending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        this.mapName = mapName;
        this.entries = store.openMap(mapName, new MVMap.Builder<KeyValue, P>().keyType(new KeyOrder(descending)));
        this.multikeyFlags = store.openMap(MULTIKEY);
        this.multikey = multikeyFlags.containsKey(mapName);
    }

    /** The indexed field names, in the index's order. */
    List<String> fields() {
        return keys();
    }

    boolean descending(int field) {
        return descending[field];
    }

    /** Whether some document had an array under an indexed field (one document, several entries). */
    boolean multikey() {
        return multikey;
    }

    /** Entries between two search keys (see {@link #searchKey}), both ends included. */
    Cursor<KeyValue, P> entries(KeyValue from, KeyValue to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    /** How many entries lie between two search keys, without reading them (the map's pages keep counts). */
    long count(KeyValue from, KeyValue to) {
        return insertionPoint(to) - insertionPoint(from);
    }

    private long insertionPoint(KeyValue searchKey) {
        long index = entries.getKeyIndex(searchKey);
        // A search key holds a bound, so it is never stored: the answer is always "not found, would go here".
        return index < 0 ? -index - 1 : index;
    }

    /** A key to search from or to: {@code values} for the leading fields, then {@code rest} for all the others. */
    KeyValue searchKey(List<Object> values, Bound rest) {
        List<Object> key = new ArrayList<>(descending.length + 1);
        key.addAll(values);
        while (key.size() < descending.length + 1) {
            key.add(rest);
        }
        return new KeyValue(key);
    }

    /** The indexed values of an entry as the document held them (numbers normalized), without the {@code _id}. */
    static Object value(KeyValue entry, int field) {
        return entry.get(field);
    }

    @Override
    public P getPosition(Document document) {
        // The _id index tells a document's position; this one would only repeat it.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {}

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        for (KeyValue key : keysOf(document)) {
            entries.put(key, position);
        }
    }

    @Override
    public P remove(Document document) {
        P position = null;
        for (KeyValue key : keysOf(document)) {
            P removed = entries.remove(key);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    /**
     * A document this index holds no entry for (as a crash between the document's write and the index's could leave)
     * must still be removable: the collection skips an index that reports no position only if it is sparse.
     */
    @Override
    protected boolean isSparse() {
        return true;
    }

    @Override
    public boolean canHandle(Document query) {
        // Queries are planned by the collection (IndexedQueries), which can compare indexes and use their order.
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        // Not asked while canHandle says no; if it is, every document is a candidate (the collection still matches
        // each against the query).
        return new LinkedHashSet<>(entries.values());
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {}

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        // Most updates leave an index's fields alone (the outbox relay's claims and releases, a status elsewhere):
        // equal raw values give equal entries, without working out the entries of both versions.
        if (sameIndexedValues(oldDocument, newDocument)) {
            return;
        }
        Set<KeyValue> before = keysOf(oldDocument);
        Set<KeyValue> after = keysOf(newDocument);
        if (before.equals(after)) {
            return;
        }
        for (KeyValue key : before) {
            if (!after.contains(key)) {
                entries.remove(key);
            }
        }
        for (KeyValue key : after) {
            if (!before.contains(key)) {
                entries.put(key, position);
            }
        }
    }

    @Override
    public void drop() {
        entries.clear();
        multikeyFlags.remove(mapName);
        multikey = false;
    }

    /** True when each indexed field (top-level ones only; a dotted path is not compared) holds an equal value. */
    private boolean sameIndexedValues(Document a, Document b) {
        if (!Objects.equals(a.get(Constants.ID_FIELD), b.get(Constants.ID_FIELD))) {
            return false;
        }
        for (String field : keys()) {
            if (field.indexOf('.') >= 0 || !Objects.equals(a.getOrMissing(field), b.getOrMissing(field))) {
                return false;
            }
        }
        return true;
    }

    /** The entries' keys for a document: one per combination of its indexed values, each ending with its _id. */
    private Set<KeyValue> keysOf(Document document) {
        List<List<Object>> combinations = List.of(List.of());
        for (String field : keys()) {
            // A top-level field is read directly: the path lookup splits the name with a regular expression.
            Object value = field.indexOf('.') < 0
                    ? document.getOrMissing(field)
                    : Utils.getSubdocumentValueCollectionAware(document, field);
            List<Object> values;
            if (value instanceof Collection<?> elements) {
                markMultikey();
                values = elements.isEmpty()
                        ? nullValue()
                        : elements.stream()
                                .map(SecondaryIndex::keyValue)
                                .distinct()
                                .toList();
            } else {
                values = nullOr(keyValue(value));
            }
            List<List<Object>> next = new ArrayList<>(combinations.size() * values.size());
            for (List<Object> prefix : combinations) {
                for (Object v : values) {
                    List<Object> combination = new ArrayList<>(prefix.size() + 1);
                    combination.addAll(prefix);
                    combination.add(v);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        Object id = document.get(Constants.ID_FIELD);
        Set<KeyValue> keys = new LinkedHashSet<>(combinations.size());
        for (List<Object> combination : combinations) {
            List<Object> key = new ArrayList<>(combination.size() + 1);
            key.addAll(combination);
            key.add(id);
            keys.add(new KeyValue(key));
        }
        return keys;
    }

    /**
     * A value as entries hold it: as mongo-java-server normalizes it for its own indexes (numbers as doubles, but a
     * long a double cannot hold exactly stays a long; the order compares them by value).
     */
    static Object keyValue(Object value) {
        return Utils.normalizeValue(value);
    }

    private static List<Object> nullValue() {
        List<Object> values = new ArrayList<>(1);
        values.add(null);
        return values;
    }

    private static List<Object> nullOr(Object value) {
        return value == null ? nullValue() : List.of(value);
    }

    private void markMultikey() {
        if (!multikey) {
            multikey = true;
            multikeyFlags.put(mapName, "1");
        }
    }

    /** Ends of a search key's open part: before, or after, every stored value. Never stored. */
    enum Bound {
        LOW,
        HIGH
    }

    /**
     * The entries' order: field by field (a descending field reversed), each in mongo-java-server's own order of
     * values (types by BSON rank, so that all numbers, all strings, all dates lie together and a range of one type
     * is one stretch of the map), the {@code _id} last.
     */
    static final class KeyOrder extends KeyValueType {

        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

        private final boolean[] descending;

        KeyOrder(boolean[] descending) {
            this.descending = descending;
        }

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int size = Math.min(left.size(), right.size());
                for (int i = 0; i < size; i++) {
                    Object x = left.get(i);
                    Object y = right.get(i);
                    if (x instanceof Bound || y instanceof Bound) {
                        int c = compareBounds(x, y);
                        if (c != 0) {
                            return c;
                        }
                        continue;
                    }
                    int c = compareValues(x, y);
                    if (c != 0) {
                        return i < descending.length && descending[i] ? -c : c;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return super.compare(a, b);
        }

        private static int compareBounds(Object x, Object y) {
            if (x == y) {
                return 0;
            }
            if (x instanceof Bound bound) {
                return bound == Bound.LOW ? -1 : 1;
            }
            return y == Bound.LOW ? 1 : -1;
        }

        /**
         * Exactly the order mongo-java-server sorts documents in, so that reading in order is sorting. Two values of
         * the types most keys hold are compared as its comparator would, directly: it finds a value's type rank and
         * branch by {@code Class.isAssignableFrom}, which C1 does not inline, and that was a twentieth of the store's
         * CPU while the platform ran at full load (perf, every insert's binary search in every index).
         */
        int compareValues(Object a, Object b) {
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            if (a instanceof Instant x && b instanceof Instant y) {
                return x.compareTo(y);
            }
            if (a instanceof Boolean x && b instanceof Boolean y) {
                return Boolean.compare(x, y);
            }
            return VALUES.compare(a, b);
        }
    }
}
