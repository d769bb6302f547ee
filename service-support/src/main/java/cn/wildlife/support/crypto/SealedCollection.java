package cn.wildlife.support.crypto;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal fields of one collection, for a rotation to re-seal: every value sealed under an older key (or
 * algorithm) is opened and sealed again under the active key, and every plain value (stored before values were
 * sealed) is sealed. Any service reuses it for its own collection; its store seals the same fields the same way.
 *
 * <p>A field path is dot-separated; {@code []} after a name walks every element of that array:
 * {@code "phone"}, {@code "parties[].name"}, {@code "people[]"}. A value's context is the collection's name, a dot
 * and the path without the brackets ({@code "cases.parties.name"}), as {@link FieldCipher} describes; only string
 * values are touched.
 *
 * <p>A document is written back only if the fields touched are still what was read (compare-and-set on each
 * top-level field), so a concurrent change by the service is never overwritten: the document is read again and
 * re-sealed anew.
 */
public final class SealedCollection extends CollectionWalk {

    private static final Logger log = LoggerFactory.getLogger(SealedCollection.class);
    private static final int ATTEMPTS = 5;

    private SealedCollection(String name, MongoCollection<Document> collection, Set<String> tops, Action action) {
        super(name, collection, new Document(), Projections.include(new ArrayList<>(tops)), action);
    }

    /** The collection's fields at {@code paths}, their contexts named after the collection. */
    public static SealedCollection of(MongoCollection<Document> collection, FieldCipher cipher, String... paths) {
        String name = collection.getNamespace().getCollectionName();
        return of(name, name, collection, cipher, List.of(paths));
    }

    /**
     * @param name          the step's name in the progress report
     * @param contextPrefix what the contexts start with (the collection's name unless the store chose otherwise)
     */
    public static SealedCollection of(
            String name,
            String contextPrefix,
            MongoCollection<Document> collection,
            FieldCipher cipher,
            List<String> paths) {
        List<Path> parsed =
                paths.stream().map(p -> Path.parse(contextPrefix, p)).toList();
        Set<String> tops = new LinkedHashSet<>();
        parsed.forEach(p -> tops.add(p.top()));
        Resealer resealer = new Resealer(collection, cipher, parsed, tops);
        return new SealedCollection(name, collection, tops, resealer::reseal);
    }

    /** A field path: its segments (a name, or {@code null} for "each element"), and its context. */
    record Path(List<String> segments, String context) {

        static Path parse(String contextPrefix, String path) {
            List<String> segments = new ArrayList<>();
            for (String part : path.split("\\.")) {
                boolean each = part.endsWith("[]");
                String fieldName = each ? part.substring(0, part.length() - 2) : part;
                if (fieldName.isEmpty()) {
                    throw new IllegalArgumentException("bad field path '" + path + "'");
                }
                segments.add(fieldName);
                if (each) {
                    segments.add(null);
                }
            }
            return new Path(segments, contextPrefix + "." + path.replace("[]", ""));
        }

        String top() {
            return segments.get(0);
        }
    }

    private record Resealer(
            MongoCollection<Document> collection, FieldCipher cipher, List<Path> paths, Set<String> tops) {

        Outcome reseal(Document read) {
            Document current = read;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int[] refused = {0};
                Document after = current;
                for (Path path : paths) {
                    after = (Document) transform(after, path, 0, refused);
                }
                List<Bson> unchangedSince = new ArrayList<>(List.of(Filters.eq("_id", current.get("_id"))));
                List<Bson> sets = new ArrayList<>();
                for (String top : tops) {
                    if (after.get(top) != current.get(top)) {
                        unchangedSince.add(Filters.eq(top, current.get(top)));
                        sets.add(Updates.set(top, after.get(top)));
                    }
                }
                if (refused[0] > 0) {
                    log.warn(
                            "{} value(s) of {} {} could not be opened and were left as they are",
                            refused[0],
                            collection.getNamespace().getCollectionName(),
                            current.get("_id"));
                }
                if (sets.isEmpty()) {
                    return new Outcome(false, refused[0]);
                }
                if (collection
                                .updateOne(Filters.and(unchangedSince), Updates.combine(sets))
                                .getMatchedCount()
                        == 1) {
                    return new Outcome(true, refused[0]);
                }
                // Changed meanwhile (the service wrote it, sealing under the active key): read it again.
                current = collection
                        .find(Filters.eq("_id", read.get("_id")))
                        .projection(Projections.include(new ArrayList<>(tops)))
                        .first();
                if (current == null) {
                    return Outcome.UNCHANGED;
                }
            }
            throw new IllegalStateException("document " + read.get("_id") + " of "
                    + collection.getNamespace().getCollectionName() + " kept changing while it was re-sealed");
        }

        /** The value with the path's strings re-sealed: the same object when nothing changed, else a copy. */
        private Object transform(Object value, Path path, int index, int[] refused) {
            if (index == path.segments().size()) {
                return value instanceof String text ? reseal(text, path.context(), refused) : value;
            }
            String segment = path.segments().get(index);
            if (segment == null) {
                if (!(value instanceof List<?> list)) {
                    return value;
                }
                List<Object> copy = new ArrayList<>(list.size());
                boolean changed = false;
                for (Object element : list) {
                    Object after = element == null ? null : transform(element, path, index + 1, refused);
                    changed |= after != element;
                    copy.add(after);
                }
                return changed ? copy : value;
            }
            if (!(value instanceof Document document) || document.get(segment) == null) {
                return value;
            }
            Object child = document.get(segment);
            Object after = transform(child, path, index + 1, refused);
            if (after == child) {
                return value;
            }
            Document copy = new Document(document);
            copy.put(segment, after);
            return copy;
        }

        private String reseal(String value, String context, int[] refused) {
            if (!cipher.isSealed(value)) {
                return cipher.seal(value, context);
            }
            if (!cipher.needsResealing(value)) {
                return value;
            }
            try {
                String resealed = cipher.seal(cipher.open(value, context), context);
                return Objects.requireNonNull(resealed);
            } catch (SealedValueRefused e) {
                refused[0]++;
                return value;
            }
        }
    }
}
