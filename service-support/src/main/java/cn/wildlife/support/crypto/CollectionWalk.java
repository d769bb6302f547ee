package cn.wildlife.support.crypto;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RotationStep} that walks a collection's documents in {@code _id} order and hands each to an action: for
 * a step that is not plain re-sealing, such as recomputing an index from the records.
 */
public class CollectionWalk implements RotationStep {

    /** What is done to one document. */
    @FunctionalInterface
    public interface Action {

        /** The outcome for one document: whether it was written, and how many values could not be opened. */
        Outcome apply(Document document);
    }

    /** What an action did to one document. */
    public record Outcome(boolean changed, int refused) {

        public static final Outcome UNCHANGED = new Outcome(false, 0);
        public static final Outcome CHANGED = new Outcome(true, 0);
    }

    private final String name;
    private final MongoCollection<Document> collection;
    private final Bson filter;
    private final @Nullable Bson projection;
    private final Action action;

    /**
     * @param filter     which documents are walked ({@code new Document()} for all)
     * @param projection the fields the action needs (null for whole documents)
     */
    public CollectionWalk(
            String name, MongoCollection<Document> collection, Bson filter, @Nullable Bson projection, Action action) {
        this.name = name;
        this.collection = collection;
        this.filter = filter;
        this.projection = projection;
        this.action = action;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long total() {
        return collection.countDocuments(filter);
    }

    @Override
    public Batch walk(@Nullable Object afterId, int limit) {
        Bson where = afterId == null ? filter : Filters.and(filter, Filters.gt("_id", afterId));
        var found = collection.find(where).sort(Sorts.ascending("_id")).limit(limit);
        if (projection != null) {
            found = found.projection(projection);
        }
        List<Document> documents = found.into(new ArrayList<>());
        int changed = 0;
        int refused = 0;
        for (Document document : documents) {
            Outcome outcome = action.apply(document);
            changed += outcome.changed() ? 1 : 0;
            refused += outcome.refused();
        }
        return new Batch(
                documents.size(),
                changed,
                refused,
                documents.isEmpty()
                        ? afterId
                        : documents.get(documents.size() - 1).get("_id"));
    }

    protected MongoCollection<Document> collection() {
        return collection;
    }
}
