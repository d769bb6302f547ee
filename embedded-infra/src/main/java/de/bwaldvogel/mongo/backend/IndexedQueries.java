package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.SecondaryIndex.Bound;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.Cursor;

/**
 * Answers queries through the {@link SecondaryIndex secondary indexes}, the way a database's planner would, within
 * what the platform's queries need:
 * <ul>
 *   <li>Each index turns the query's conditions on its leading fields into stretches of its entries: equalities and
 *       {@code $in} fix fields, then one range ({@code $gt}/{@code $gte}/{@code $lt}/{@code $lte}) bounds the next.
 *       The index whose stretches hold the fewest entries wins (the entry counts come from the map's pages without
 *       reading entries).</li>
 *   <li>Conditions the entries can decide (the indexed values against equalities, {@code $in} and ranges) are
 *       checked on the entries before any document is read; when they are all the query's conditions the query is
 *       covered: a count reads no document, and with no condition beyond the stretches' bounds it reads no entry
 *       either. Regular expressions are left to the documents (mongo-java-server matches one against any value's
 *       text, a number's too).</li>
 *   <li>When the index's order is the sort's (fields fixed by an equality left aside, the {@code _id} last, read
 *       backwards when every direction is the opposite), entries are read in order and reading stops once the page
 *       is full: a page of a search reads its own documents, not every match. The entries are ordered the way
 *       mongo-java-server sorts values, so this is the order a sort would give.</li>
 * </ul>
 * Every document returned is still matched against the whole query, so an index narrows an answer but never changes
 * which documents it holds. Without a sort, documents come in the index's order rather than in the order they
 * were stored (as from a real MongoDB, where neither is promised); a {@code $natural} sort is left to
 * mongo-java-server, as are queries no index helps with.
 */
public final class IndexedQueries {

    /** More combinations of fixed values than this, and the fields after them are not used to narrow. */
    private static final int MAX_STRETCHES = 1_000;

    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

    /** Values in the order entries hold them (for sorting fixed values and tightening bounds). */
    private static final SecondaryIndex.KeyOrder VALUE_ORDER = new SecondaryIndex.KeyOrder(new boolean[0]);

    private IndexedQueries() {}

    /** The documents a query asks for, read through an index; null when no index helps. */
    public static <P> QueryResult query(
            AbstractMongoCollection<P> collection,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document projection) {
        Plan<P> plan = plan(collection, query, orderBy, skip, limit, false);
        if (plan == null) {
            return null;
        }
        if (plan.ordered) {
            List<Document> page = new ArrayList<>();
            Set<P> seen = plan.index.multikey() ? new HashSet<>() : null;
            int skipped = 0;
            read:
            for (KeyValue[] stretch : plan.stretches) {
                Cursor<KeyValue, P> entries = plan.index.entries(stretch[0], stretch[1], plan.reverse);
                while (entries.hasNext()) {
                    KeyValue key = entries.next();
                    if (!plan.passes(key) || seen != null && !seen.add(entries.getValue())) {
                        continue;
                    }
                    Document document =
                            plan.covered && skipped < skip ? null : collection.getDocument(entries.getValue());
                    if (!plan.covered && (document == null || !collection.documentMatchesQuery(document, query))) {
                        continue;
                    }
                    if (skipped < skip) {
                        skipped++;
                        continue;
                    }
                    if (document != null) {
                        page.add(document);
                    }
                    if (limit > 0 && page.size() >= limit) {
                        break read;
                    }
                }
            }
            // Matched again (cheap for a page) so that a covered answer is checked like any other.
            return collection.matchDocumentsFromStream(query, page.stream(), 0, 0, batchSize, null, projection);
        }
        Collection<P> positions = plan.index.multikey() ? new LinkedHashSet<>() : new ArrayList<>();
        for (KeyValue[] stretch : plan.stretches) {
            Cursor<KeyValue, P> entries = plan.index.entries(stretch[0], stretch[1], false);
            while (entries.hasNext()) {
                if (plan.passes(entries.next())) {
                    positions.add(entries.getValue());
                }
            }
        }
        // An entry whose document is gone (a crash between the two writes) is passed over.
        return collection.matchDocumentsFromStream(
                positions.stream().map(collection::getDocument).filter(java.util.Objects::nonNull),
                query,
                orderBy,
                skip,
                limit,
                batchSize,
                projection);
    }

    /** How many documents match a query its indexes cover, without reading them; -1 when not covered. */
    public static <P> long count(AbstractMongoCollection<P> collection, Document query) {
        Plan<P> plan = plan(collection, query, null, 0, 0, true);
        if (plan == null || !plan.covered) {
            return -1;
        }
        long count = 0;
        if (plan.exact) {
            for (KeyValue[] stretch : plan.stretches) {
                count += plan.index.count(stretch[0], stretch[1]);
            }
            return count;
        }
        Set<P> seen = plan.index.multikey() ? new HashSet<>() : null;
        for (KeyValue[] stretch : plan.stretches) {
            Cursor<KeyValue, P> entries = plan.index.entries(stretch[0], stretch[1], false);
            while (entries.hasNext()) {
                if (plan.passes(entries.next()) && (seen == null || seen.add(entries.getValue()))) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The answer to an {@code aggregate} command whose pipeline starts with {@code $match}, with the match read through
     * the indexes (mongo-java-server runs every pipeline over the whole collection), and a driver's
     * {@code countDocuments} answered as a count; null to leave the command to mongo-java-server, which also happens
     * on any failure so that errors read as they always did.
     */
    public static Document aggregate(
            MongoDatabase database,
            MongoCollection<?> collection,
            Document command,
            DatabaseResolver resolver,
            Oplog oplog) {
        if (collection == null
                || !(command.get("pipeline") instanceof List<?> stages)
                || stages.isEmpty()
                || !(stages.get(0) instanceof Document first)
                || !(first.get("$match") instanceof Document match)
                || !(command.get("cursor") instanceof Document)) {
            return null;
        }
        try {
            List<Document> pipeline = Aggregation.parse(stages);
            for (Document stage : pipeline) {
                if (stage.containsKey("$out") || stage.containsKey("$merge") || stage.containsKey("$changeStream")) {
                    return null;
                }
            }
            List<Document> result;
            Document counted = countShape(pipeline);
            List<Document> grouped;
            if (counted == null
                    && collection instanceof AbstractMongoCollection<?> c
                    && (grouped = coveredGroup(c, match, pipeline, database, resolver, oplog)) != null) {
                result = grouped;
            } else if (counted != null) {
                int skip = ((Number) counted.get("skip")).intValue();
                int limit = ((Number) counted.get("limit")).intValue();
                int n = collection.count(match, skip, limit);
                result = n == 0
                        ? List.of()
                        : List.of(new Document("_id", counted.get("_id"))
                                .append(counted.getOrDefault("field", "n").toString(), n));
            } else {
                Aggregation rest = Aggregation.fromPipeline(
                        pipeline.subList(1, pipeline.size()), resolver, database, collection, oplog);
                rest.validate(command);
                result = rest.runStages(collection.handleQueryAsStream(match));
            }
            return Utils.firstBatchCursorResponse(collection.getFullName(), result);
        } catch (RuntimeException notHandledHere) {
            return null;
        }
    }

    /**
     * {@code [$match, $group, $sort?]} where an index covers the match and holds every field the group names: grouped
     * from the index's entries, no document read (the deadline gauges count every running clock by state, rule
     * and agency this way). Null when the pipeline or the indexes do not fit, or an entry holds a number or null
     * in a named field (an entry holds every number as a double, and null for a missing field too).
     */
    private static <P> List<Document> coveredGroup(
            AbstractMongoCollection<P> collection,
            Document match,
            List<Document> pipeline,
            MongoDatabase database,
            DatabaseResolver resolver,
            Oplog oplog) {
        if (pipeline.size() < 2
                || pipeline.size() > 3
                || !(pipeline.get(1).get("$group") instanceof Document group)
                || pipeline.size() == 3 && !pipeline.get(2).containsKey("$sort")) {
            return null;
        }
        Set<String> named = new LinkedHashSet<>();
        if (!fieldsNamed(group, named)) {
            return null;
        }
        Plan<P> plan = plan(collection, match, null, 0, 0, true, named);
        if (plan == null) {
            return null;
        }
        List<String> fields = plan.index.fields();
        List<Integer> positions = named.stream().map(fields::indexOf).toList();
        List<Document> rows = new ArrayList<>();
        // Under the collection's lock, as a query is: no write moves an entry between two stretches meanwhile.
        synchronized (collection) {
            if (!rowsFromEntries(plan, positions, fields, rows)) {
                return null;
            }
        }
        return Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database, collection, oplog)
                .runStages(rows.stream());
    }

    private static <P> boolean rowsFromEntries(
            Plan<P> plan, List<Integer> positions, List<String> fields, List<Document> rows) {
        for (KeyValue[] stretch : plan.stretches) {
            Cursor<KeyValue, P> entries = plan.index.entries(stretch[0], stretch[1], false);
            while (entries.hasNext()) {
                KeyValue entry = entries.next();
                if (!plan.passes(entry)) {
                    continue;
                }
                Document row = new Document();
                for (int at : positions) {
                    Object value = SecondaryIndex.value(entry, at);
                    if (value == null
                            || value instanceof Number
                            || value instanceof Map<?, ?>
                            || value instanceof Collection<?>) {
                        return false;
                    }
                    Utils.changeSubdocumentValue(row, fields.get(at), value);
                }
                rows.add(row);
            }
        }
        return true;
    }

    /**
     * Collects the fields a group stage names ({@code "$field"}); false when it has an operand of another kind
     * than a field, a constant or a sum/count accumulator, so that nothing it reads can be missed.
     */
    private static boolean fieldsNamed(Object expression, Set<String> named) {
        if (expression instanceof String s) {
            if (s.startsWith("$$")) {
                return false;
            }
            if (s.startsWith("$")) {
                named.add(s.substring(1));
            }
            return true;
        }
        if (expression instanceof Document d) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (e.getKey().startsWith("$")
                        && !e.getKey().equals("$sum")
                        && !e.getKey().equals("$count")) {
                    return false;
                }
                if (!fieldsNamed(e.getValue(), named)) {
                    return false;
                }
            }
            return true;
        }
        return expression == null || expression instanceof Number || expression instanceof Boolean;
    }

    /**
     * {@code [$match, $skip?, $limit?, $group: {_id: constant, field: {$sum: 1}}]}, what a driver's countDocuments
     * sends: its skip, limit, _id and field, or null for any other pipeline.
     */
    private static Document countShape(List<Document> pipeline) {
        int skip = 0;
        int limit = 0;
        int i = 1;
        if (i < pipeline.size() && pipeline.get(i).get("$skip") instanceof Number n) {
            skip = n.intValue();
            i++;
        }
        if (i < pipeline.size() && pipeline.get(i).get("$limit") instanceof Number n) {
            limit = n.intValue();
            i++;
        }
        if (i != pipeline.size() - 1
                || !(pipeline.get(i).get("$group") instanceof Document group)
                || group.size() != 2
                || !group.containsKey("_id")) {
            return null;
        }
        Object id = group.get("_id");
        if (id instanceof Document || id instanceof String s && s.startsWith("$") || id instanceof Collection<?>) {
            return null;
        }
        for (Map.Entry<String, Object> entry : group.entrySet()) {
            if (entry.getKey().equals("_id")) {
                continue;
            }
            if (entry.getValue() instanceof Document sum
                    && sum.size() == 1
                    && sum.get("$sum") instanceof Number one
                    && one.doubleValue() == 1.0) {
                return new Document("skip", skip)
                        .append("limit", limit)
                        .append("_id", id)
                        .append("field", entry.getKey());
            }
        }
        return null;
    }

    // ---- planning ----

    private static <P> Plan<P> plan(
            AbstractMongoCollection<P> collection,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            boolean counting) {
        return plan(collection, query, orderBy, skip, limit, counting, null);
    }

    /** The cheapest way to answer; with {@code fields}, only an index holding them that covers the query. */
    private static <P> Plan<P> plan(
            AbstractMongoCollection<P> collection,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            boolean counting,
            Set<String> fields) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        List<SecondaryIndex<P>> secondary = new ArrayList<>();
        for (Index<P> index : collection.getIndexes()) {
            if (index instanceof SecondaryIndex<P> s) {
                secondary.add(s);
            } else if (index.canHandle(query)) {
                // A lookup by _id (or another unique key) is as narrow as it gets.
                return null;
            }
        }
        if (secondary.isEmpty()) {
            return null;
        }
        Conditions conditions = Conditions.of(query);
        if (conditions.byField.isEmpty()) {
            return null;
        }
        Plan<P> best = null;
        for (SecondaryIndex<P> index : secondary) {
            if (fields != null && (index.multikey() || !index.fields().containsAll(fields))) {
                continue;
            }
            Plan<P> plan = Plan.of(index, conditions, orderBy);
            if (plan == null || fields != null && !plan.covered) {
                continue;
            }
            // Roughly the documents read: a page in order reads its own; a covered count reads entries only.
            if (counting) {
                plan.cost = plan.exact ? 0 : plan.covered ? plan.entries / 10 : plan.entries;
            } else {
                plan.cost = plan.ordered && limit > 0 ? Math.min(plan.entries, (long) skip + limit) : plan.entries;
            }
            if (best == null || plan.cost < best.cost || plan.cost == best.cost && plan.covered && !best.covered) {
                best = plan;
            }
        }
        return best;
    }

    /** A query's conditions on fields, as the terms it ANDs (top level and {@code $and}). */
    private static final class Conditions {

        final Map<String, List<Object>> byField = new LinkedHashMap<>();
        /** Whether the query has conditions of other kinds ($or, $nor, $expr, ...), which no entry decides. */
        boolean others;

        /** What each field's conditions say, worked out once for every index the query is planned over. */
        final Map<String, FieldTerms> terms = new LinkedHashMap<>();

        static Conditions of(Document query) {
            Conditions conditions = new Conditions();
            conditions.add(query);
            conditions.byField.forEach(
                    (field, values) -> conditions.terms.put(field, FieldTerms.of(values, VALUE_ORDER)));
            return conditions;
        }

        private void add(Document query) {
            for (Map.Entry<String, Object> term : query.entrySet()) {
                String key = term.getKey();
                if (key.equals("$and") && term.getValue() instanceof List<?> terms) {
                    for (Object t : terms) {
                        if (t instanceof Document d) {
                            add(d);
                        } else {
                            others = true;
                        }
                    }
                } else if (key.equals("$comment")) {
                    continue;
                } else if (key.startsWith("$")) {
                    others = true;
                } else {
                    byField.computeIfAbsent(key, k -> new ArrayList<>()).add(term.getValue());
                }
            }
        }
    }

    /** What a field's conditions say about its value: fixed values, bounds, and whether an entry can decide them. */
    private static final class FieldTerms {

        List<Object> points;
        Object lower;
        boolean lowerInclusive;
        Object upper;
        boolean upperInclusive;
        /** Every condition is one an entry's value decides exactly like the document's value does. */
        boolean decidable = true;
        /** The points, or the bounds, are exactly the condition (no entry in the stretch fails it). */
        boolean exact;

        int terms;

        static FieldTerms of(List<Object> conditions, SecondaryIndex.KeyOrder order) {
            FieldTerms f = new FieldTerms();
            f.terms = conditions.size();
            for (Object condition : conditions) {
                f.add(condition, order);
            }
            // One condition, entirely decided by the stretch: fixed values, or a range with both ends of one type.
            f.exact = f.decidable
                    && conditions.size() == 1
                    && (f.points != null
                            ? f.lower == null && f.upper == null
                            : f.lower != null && f.upper != null && f.lower.getClass() == f.upper.getClass());
            return f;
        }

        boolean narrows() {
            return points != null || lower != null || upper != null;
        }

        /** Takes in one condition. */
        private void add(Object condition, SecondaryIndex.KeyOrder order) {
            if (BsonRegularExpression.isRegularExpression(condition)
                    || condition instanceof Pattern
                    || condition instanceof Document operators && operators.containsKey("$regex")) {
                // mongo-java-server matches an expression against any value's text (a number's, an array's), so
                // neither a range of strings nor an entry's single value can stand for it: the documents decide.
                decidable = false;
                return;
            }
            if (condition instanceof Document operators
                    && !operators.isEmpty()
                    && operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                for (Map.Entry<String, Object> op : operators.entrySet()) {
                    Object value = op.getValue();
                    switch (op.getKey()) {
                        case "$eq" -> point(value);
                        case "$in" -> in(value);
                        case "$gt" -> lower(value, false, order);
                        case "$gte" -> lower(value, true, order);
                        case "$lt" -> upper(value, false, order);
                        case "$lte" -> upper(value, true, order);
                        default -> decidable = false;
                    }
                }
                return;
            }
            if (condition == null) {
                // {field: null} also matches a missing field; null entries stand for both, but an empty array has
                // one too, so the documents decide.
                decidable = false;
                setPoints(nullList());
                return;
            }
            point(condition);
        }

        private void point(Object value) {
            if (!isScalar(value)) {
                decidable = false;
                return;
            }
            setPoints(List.of(keyValue(value)));
        }

        private void in(Object value) {
            if (!(value instanceof Collection<?> values)
                    || values.isEmpty()
                    || !values.stream().allMatch(IndexedQueries::isScalar)) {
                decidable = false;
                return;
            }
            setPoints(values.stream().map(IndexedQueries::keyValue).distinct().toList());
        }

        private void setPoints(List<Object> values) {
            if (points == null) {
                points = values;
            } else {
                List<Object> both = new ArrayList<>(points);
                both.retainAll(values);
                points = both;
            }
        }

        private void lower(Object value, boolean inclusive, SecondaryIndex.KeyOrder order) {
            if (!isScalar(value)) {
                decidable = false;
                return;
            }
            Object v = keyValue(value);
            int c = lower == null || lower.getClass() != v.getClass() ? 0 : order.compareValues(v, lower);
            if (lower == null || c > 0 || c == 0 && !inclusive) {
                lower = v;
                lowerInclusive = inclusive;
            }
        }

        private void upper(Object value, boolean inclusive, SecondaryIndex.KeyOrder order) {
            if (!isScalar(value)) {
                decidable = false;
                return;
            }
            Object v = keyValue(value);
            int c = upper == null || upper.getClass() != v.getClass() ? 0 : order.compareValues(v, upper);
            if (upper == null || c < 0 || c == 0 && !inclusive) {
                upper = v;
                upperInclusive = inclusive;
            }
        }
    }

    /** How one index answers a query. */
    private static final class Plan<P> {

        SecondaryIndex<P> index;
        /** Pairs of search keys, first to last in the index's order. */
        final List<KeyValue[]> stretches = new ArrayList<>();
        /** The conditions the entries decide, on the fields at these positions of the key. */
        Document entryConditions;

        int[] entryFields;
        boolean covered;
        boolean exact;
        boolean ordered;
        boolean reverse;
        long entries;
        long cost;

        static <P> Plan<P> of(SecondaryIndex<P> index, Conditions conditions, Document orderBy) {
            List<String> fields = index.fields();
            boolean multikey = index.multikey();
            Map<String, FieldTerms> terms = conditions.terms;
            // Several conditions on an array field may each hold for a different element.
            java.util.function.Predicate<FieldTerms> usable =
                    f -> f != null && f.narrows() && !(multikey && f.terms > 1);

            List<List<Object>> prefixes = new ArrayList<>();
            prefixes.add(List.of());
            int fixed = 0;
            for (; fixed < fields.size(); fixed++) {
                FieldTerms f = terms.get(fields.get(fixed));
                if (!usable.test(f)
                        || f.points == null
                        || f.points.isEmpty()
                        || prefixes.size() * f.points.size() > MAX_STRETCHES) {
                    break;
                }
                List<Object> points = new ArrayList<>(f.points);
                Comparator<Object> byValue = VALUE_ORDER::compareValues;
                points.sort(index.descending(fixed) ? byValue.reversed() : byValue);
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object point : points) {
                        List<Object> longer = new ArrayList<>(prefix);
                        longer.add(point);
                        next.add(longer);
                    }
                }
                prefixes = next;
            }
            FieldTerms range = fixed < fields.size() ? terms.get(fields.get(fixed)) : null;
            if (!usable.test(range) || range.points != null) {
                range = null;
            }
            if (fixed == 0 && range == null) {
                return null;
            }
            Plan<P> plan = new Plan<>();
            plan.index = index;
            boolean descending = fixed < fields.size() && index.descending(fixed);
            for (List<Object> prefix : prefixes) {
                KeyValue from;
                KeyValue to;
                if (range == null) {
                    from = index.searchKey(prefix, Bound.LOW);
                    to = index.searchKey(prefix, Bound.HIGH);
                } else {
                    Object first = descending ? range.upper : range.lower;
                    boolean firstInclusive = descending ? range.upperInclusive : range.lowerInclusive;
                    Object last = descending ? range.lower : range.upper;
                    boolean lastInclusive = descending ? range.lowerInclusive : range.upperInclusive;
                    from = first == null
                            ? index.searchKey(prefix, Bound.LOW)
                            : index.searchKey(with(prefix, first), firstInclusive ? Bound.LOW : Bound.HIGH);
                    to = last == null
                            ? index.searchKey(prefix, Bound.HIGH)
                            : index.searchKey(with(prefix, last), lastInclusive ? Bound.HIGH : Bound.LOW);
                }
                plan.stretches.add(new KeyValue[] {from, to});
                plan.entries += index.count(from, to);
            }

            // What the entries decide: every decidable field of the index (for an array field, a single condition).
            Document decided = new Document();
            List<Object> severalTerms = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            boolean allDecided = !conditions.others;
            for (Map.Entry<String, List<Object>> c : conditions.byField.entrySet()) {
                int at = fields.indexOf(c.getKey());
                FieldTerms f = terms.get(c.getKey());
                if (at >= 0 && f.decidable && !(multikey && f.terms > 1)) {
                    positions.add(at);
                    List<Object> values = c.getValue();
                    if (values.size() == 1) {
                        decided.put(c.getKey(), values.get(0));
                    } else {
                        for (Object v : values) {
                            severalTerms.add(new Document(c.getKey(), v));
                        }
                    }
                } else {
                    allDecided = false;
                }
            }
            if (!severalTerms.isEmpty()) {
                decided.put("$and", severalTerms);
            }
            plan.covered = allDecided;
            // Exact: the stretches are the conditions, field for field.
            boolean exact = allDecided && !multikey;
            for (Map.Entry<String, FieldTerms> t : terms.entrySet()) {
                int at = fields.indexOf(t.getKey());
                boolean inStretch = at >= 0 && (at < fixed || range != null && at == fixed);
                exact &= inStretch && t.getValue().exact;
            }
            plan.exact = exact;
            if (!exact && !decided.isEmpty()) {
                plan.entryConditions = decided;
                plan.entryFields =
                        positions.stream().mapToInt(Integer::intValue).toArray();
            }
            plan.orderBy(orderBy, fixed, prefixes.size(), multikey);
            return plan;
        }

        private static List<Object> with(List<Object> prefix, Object value) {
            List<Object> longer = new ArrayList<>(prefix);
            longer.add(value);
            return longer;
        }

        /** Whether reading the stretches in order (or backwards) gives the documents in the query's sort order. */
        private void orderBy(Document sort, int fixed, int prefixes, boolean multikey) {
            if (sort == null || sort.isEmpty()) {
                ordered = true;
                return;
            }
            if (prefixes != 1 || multikey) {
                return;
            }
            List<String> fields = index.fields();
            List<String> rest = new ArrayList<>(fields.subList(fixed, fields.size()));
            rest.add(Constants.ID_FIELD);
            int next = 0;
            Boolean backwards = null;
            for (Map.Entry<String, Object> s : sort.entrySet()) {
                int at = fields.indexOf(s.getKey());
                if (at >= 0 && at < fixed) {
                    continue;
                }
                if (next >= rest.size()
                        || !rest.get(next).equals(s.getKey())
                        || !(s.getValue() instanceof Number direction)) {
                    return;
                }
                boolean indexDescending = next + fixed < fields.size() && index.descending(next + fixed);
                // As mongo-java-server's DocumentComparator reads a direction.
                boolean sortDescending = direction.intValue() <= 0;
                boolean flipped = indexDescending != sortDescending;
                if (backwards != null && backwards != flipped) {
                    return;
                }
                backwards = flipped;
                next++;
            }
            ordered = true;
            reverse = backwards != null && backwards;
        }

        boolean passes(KeyValue entry) {
            if (entryConditions == null) {
                return true;
            }
            Document values = new Document();
            List<String> fields = index.fields();
            for (int at : entryFields) {
                Utils.changeSubdocumentValue(values, fields.get(at), SecondaryIndex.value(entry, at));
            }
            return MATCHER.matches(values, entryConditions);
        }
    }

    private static List<Object> nullList() {
        List<Object> list = new ArrayList<>(1);
        list.add(null);
        return list;
    }

    /** A value as an index entry holds it (see {@link SecondaryIndex#keyValue}). */
    static Object keyValue(Object value) {
        return SecondaryIndex.keyValue(value);
    }

    /** A value an index entry holds as is: not null, not an array, a sub-document or an expression. */
    static boolean isScalar(Object value) {
        return value != null
                && !(value instanceof Collection<?>)
                && !(value instanceof Map<?, ?>)
                && !(value instanceof Pattern)
                && !(value instanceof BsonRegularExpression)
                && !(value instanceof Missing);
    }
}
