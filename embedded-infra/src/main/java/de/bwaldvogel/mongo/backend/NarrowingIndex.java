package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import java.util.Map;

/**
 * A unique single-field index (above all {@code _id}) that also serves queries naming its field among other
 * conditions: {@code {_id: x, version: 3}}, {@code {_id: {$in: [x, y]}, pending: true}} or
 * {@code {$and: [{_id: x}, ...]}}, the shape of every conditional write and of the outbox relay's batch claims.
 * mongo-java-server uses an index only for a query whose keys are exactly the index's, so each such write scanned
 * the whole collection. Narrowed to the index's key, the lookup finds the one candidate; the collection still matches
 * the whole query against it, so the answer is the same. Lives in mongo-java-server's package to reach the index's
 * package-level methods.
 */
public final class NarrowingIndex<P> extends Index<P> {

    private final Index<P> delegate;
    private final String key;

    public NarrowingIndex(Index<P> delegate) {
        super(delegate.getName(), delegate.getKeys(), delegate.isSparse());
        this.delegate = delegate;
        this.key = delegate.keys().size() == 1 ? delegate.keys().get(0) : null;
    }

    /** The part of a query this index can answer, or null. */
    Document narrowed(Document query) {
        if (key == null || query.keySet().equals(delegate.keySet())) {
            return query;
        }
        return lookupIn(query);
    }

    /**
     * The key's lookup at the top level or in an {@code $and} term, however deeply nested: the driver renders
     * {@code and(and(a, b), c)} without flattening it, and a query the index could not narrow read the whole
     * collection (the outbox relay's release did, once per aggregate, until the platform crawled).
     */
    private Document lookupIn(Document query) {
        if (query.containsKey(key) && isLookup(query.get(key))) {
            return new Document(key, query.get(key));
        }
        if (query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d) {
                    Document found = lookupIn(d);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** A value the index finds by lookups: a plain value, or {@code {$in: [...]}} of plain values. */
    private static boolean isLookup(Object value) {
        if (value instanceof Document d && d.size() == 1 && d.get("$in") instanceof java.util.Collection<?> values) {
            return values.stream().allMatch(NarrowingIndex::isPlainValue);
        }
        return isPlainValue(value);
    }

    private static boolean isPlainValue(Object value) {
        if (value instanceof Document d) {
            return d.keySet().stream().noneMatch(k -> k.startsWith("$"));
        }
        return !(value instanceof Map<?, ?>)
                && !(value instanceof java.util.regex.Pattern)
                && !(value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression);
    }

    @Override
    public boolean canHandle(Document query) {
        Document narrowed = narrowed(query);
        return narrowed != null && delegate.canHandle(narrowed);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return delegate.getPositions(narrowed(query));
    }

    @Override
    public P getPosition(Document document) {
        return delegate.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        delegate.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        delegate.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return delegate.remove(document);
    }

    @Override
    public long getCount() {
        return delegate.getCount();
    }

    @Override
    public long getDataSize() {
        return delegate.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        delegate.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        delegate.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        delegate.drop();
    }

    @Override
    public boolean isUnique() {
        return delegate.isUnique();
    }
}
