package cn.wildlife.inspection.results;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.RecordDocuments;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Running tallies of every operation's results table ({@code resultTallies}): per operation, region and month, each
 * column's total for the month and for each of its days, kept up to date as sorties, inspections, cases and clues
 * are announced. A province's table over a million records is then the sum of one document per region and month
 * (the months at a period's ends by their days) instead of a read of every record.
 *
 * <p>Each record's part is moved in, out or between tallies as the record changes, and never twice: a tally remembers,
 * per partition, the offset of the last event it took, and a partition's offsets only grow, so an event delivered
 * again (a crash before its commit, a retry) finds it already taken. What each record last added is kept with it (the
 * case and clue facts, {@code resultSources} for sorties and inspections), written after the tallies: a crash between
 * the two replays the event, which takes nothing twice and then records it.
 *
 * <p>When the tallies are missing (a new installation, an upgrade from a version without them) they are built from the
 * stored records before any event is read; one instance builds, the others wait for it. To build them again on purpose
 * (e.g. after the Kafka topics were recreated, whose offsets then start again from 0), stop every inspection-service
 * instance, delete the {@code resultLedger} collection and start them: a build wipes the tallies, which listeners of
 * an instance still running would be writing to.
 */
@Component
public class ResultsLedger {

    private static final Logger log = LoggerFactory.getLogger(ResultsLedger.class);

    /** The tallies of inspections tagged with no operation: they count in every operation over their region and day. */
    static final String NO_OPERATION = "";

    private static final String BUILT = "tallies";
    private static final String BUILDING = "building";
    private static final Duration BUILD_LEASE = Duration.ofMinutes(15);

    private final MongoDatabase database;
    private final MongoCollection<Document> tallies;
    private final MongoCollection<Document> sources;
    private final MongoCollection<Document> state;
    private final RecordDocuments documents;

    public ResultsLedger(MongoDatabase database, RecordDocuments documents) {
        this.database = database;
        this.tallies = database.getCollection("resultTallies");
        this.sources = database.getCollection("resultSources");
        this.state = database.getCollection("resultLedger");
        this.documents = documents;
        tallies.createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("province"),
                Indexes.ascending("month")));
        // The build pages along these (the stores declare them too, but are made after this): without them the
        // embedded store would sort a whole operation's records in memory for every page.
        database.getCollection("caseFacts").createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"),
                Indexes.ascending("openedAtMillis")));
        database.getCollection("clueFacts").createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"),
                Indexes.ascending("receivedAtMillis")));
        database.getCollection("sorties").createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"),
                Indexes.ascending("on")));
        buildIfMissing();
    }

    /** Where an event was read; the key names its partition in a tally's {@code applied} offsets. */
    public record Position(String topic, int partition, long offset) {

        public static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.topic(), record.partition(), record.offset());
        }

        String key() {
            return "applied." + topic.replace('.', '_') + "-" + partition;
        }
    }

    /** One record's part in the tallies: the tally it counts in and its amount per column. */
    record Counted(String operationId, String region, LocalDate day, Map<Column, BigDecimal> values) {

        /** The contributions summed per column; null when the record counts in no operation. */
        static @Nullable Counted of(@Nullable String operationId, LocalDate day, List<Contribution> parts) {
            if (operationId == null || parts.isEmpty()) {
                return null;
            }
            Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
            for (Contribution c : parts) {
                values.merge(c.column(), c.amount(), BigDecimal::add);
            }
            return new Counted(operationId, parts.get(0).region(), day, values);
        }

        /** The month's tally it counts in: one per operation, region and month, holding the month's days too. */
        String tally() {
            return operationId + "|" + region + "|" + YearMonth.from(day);
        }

        Document toDocument() {
            Document amounts = new Document();
            values.forEach((column, amount) -> amounts.append(column.name(), new Decimal128(amount)));
            return new Document("operationId", operationId).append("region", region).append("day", day.toString())
                    .append("values", amounts);
        }

        static @Nullable Counted fromDocument(@Nullable Document d) {
            if (d == null || d.getString("operationId") == null) {
                return null;
            }
            Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
            d.get("values", Document.class).forEach((column, amount) -> values.put(Column.valueOf(column),
                    ((Decimal128) amount).bigDecimalValue()));
            return new Counted(d.getString("operationId"), d.getString("region"), LocalDate.parse(d.getString("day")),
                    values);
        }
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, InspectionServiceApplication.CHINA);
    }

    static @Nullable Counted ofCase(CaseChanged c) {
        return Counted.of(c.operationId(), day(c.openedAt()), Contributions.ofCase(c));
    }

    /** The fields of a stored case fact that count (what {@link #ofCaseFact} reads). */
    static final Bson CASE_FIELDS = Projections.include("caseId", "region", "kind", "openedAt", "openedAtMillis",
            "fines", "value", "seizures", "operationId", "version");

    /**
     * A stored case fact's part, read from the document's fields: no round trip through the event's JSON form,
     * which a build from a million facts would pay a million times.
     */
    static @Nullable Counted ofCaseFact(Document d) {
        String operationId = d.getString("operationId");
        if (operationId == null) {
            return null;
        }
        List<SeizureSummary> seizures = d.getList("seizures", Document.class, List.of()).stream()
                .map(s -> new SeizureSummary(s.getString("itemId"), SeizureKind.valueOf(s.getString("kind")),
                        s.getString("speciesCode"), decimal(s.get("quantity")),
                        QuantityUnit.valueOf(s.getString("unit")), s.getString("disposition")))
                .toList();
        return Counted.of(operationId, day(Instant.parse(d.getString("openedAt"))), Contributions.ofCase(
                d.getString("caseId"), d.getString("region"), CaseKind.valueOf(d.getString("kind")),
                decimal(d.get("fines")), decimal(d.get("value")), seizures));
    }

    /** A number as stored from the event's JSON (an integer, a long or a double), exactly as it was written. */
    private static @Nullable BigDecimal decimal(@Nullable Object number) {
        if (number == null) {
            return null;
        }
        return number instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(number.toString());
    }

    static @Nullable Counted ofClue(@Nullable String operationId, String clueId, String region, Instant receivedAt) {
        return Counted.of(operationId, day(receivedAt), Contributions.ofClue(clueId, region));
    }

    static Counted ofSortie(String operationId, String sortieId, String region, LocalDate on, int personnel,
                            int vehicles, List<Sortie.Places> places) {
        return Counted.of(operationId, on, Contributions.ofSortie(sortieId, region, personnel, vehicles, places));
    }

    static @Nullable Counted ofInspection(String inspectionId, String region, String status,
                                          @Nullable Instant inspectedAt, @Nullable String operationId) {
        if (!"RECORDED".equals(status) || inspectedAt == null) {
            return null;
        }
        return Counted.of(operationId == null ? NO_OPERATION : operationId, day(inspectedAt),
                Contributions.ofInspection(inspectionId, region));
    }

    /**
     * Moves a record's part from what it was ({@code before}) to what it is ({@code after}), either possibly none.
     * Called before the record's new state is stored, so that a crash in between brings the same event, and the same
     * {@code before}, again.
     */
    void move(@Nullable Counted before, @Nullable Counted after, Position at) {
        if (before != null && after != null && before.tally().equals(after.tally())) {
            Map<Column, BigDecimal> delta = new EnumMap<>(after.values());
            before.values().forEach((column, amount) -> delta.merge(column, amount.negate(), BigDecimal::add));
            add(after, delta, at);
            return;
        }
        if (before != null) {
            Map<Column, BigDecimal> out = new EnumMap<>(Column.class);
            before.values().forEach((column, amount) -> out.put(column, amount.negate()));
            add(before, out, at);
        }
        if (after != null) {
            add(after, after.values(), at);
        }
    }

    private void add(Counted tally, Map<Column, BigDecimal> delta, Position at) {
        List<Bson> updates = new ArrayList<>();
        String day = dayKey(tally.day());
        delta.forEach((column, amount) -> {
            if (amount.signum() != 0) {
                updates.add(Updates.inc("values." + column.name(), new Decimal128(amount)));
                updates.add(Updates.inc("days." + day + "." + column.name(), new Decimal128(amount)));
            }
        });
        if (updates.isEmpty()) {
            return;
        }
        updates.add(Updates.set(at.key(), at.offset()));
        updates.add(Updates.setOnInsert("operationId", tally.operationId()));
        updates.add(Updates.setOnInsert("province", tally.region().substring(0, 2)));
        updates.add(Updates.setOnInsert("region", tally.region()));
        updates.add(Updates.setOnInsert("month", YearMonth.from(tally.day()).toString()));
        Bson notYetTaken = Filters.and(Filters.eq("_id", tally.tally()), Filters.not(Filters.gte(at.key(),
                at.offset())));
        try {
            tallies.updateOne(notYetTaken, Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoSupport.isDuplicateKey(e)) {
                throw e;
            }
            // The upsert's insert met a tally of that _id: either one that took this offset (or a later one) of the
            // partition already, which has the event's part, or one another event inserted a moment ago (two first
            // writes to a new tally race). Without the insert, only the second takes the part.
            tallies.updateOne(notYetTaken, Updates.combine(updates));
        }
    }

    @KafkaListener(id = "inspection-results", topics = {Topics.PLATFORM_OPERATIONS, Topics.PLATFORM_INSPECTIONS},
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onRecord(ConsumerRecord<String, Envelope<?>> record) {
        Position at = Position.of(record);
        if (record.value().data() instanceof SortieRecorded s) {
            countSortie(s, at);
        } else if (record.value().data() instanceof InspectionChanged i) {
            countInspection(i, at);
        }
    }

    /** A sortie is entered once and never changed: announced again, it is already counted. */
    void countSortie(SortieRecorded s, Position at) {
        String id = "sortie:" + s.sortieId();
        if (sources.find(Filters.eq("_id", id)).projection(Projections.include("_id")).first() != null) {
            return;
        }
        Counted now = ofSortie(s.operationId(), s.sortieId(), s.region(), s.on(), s.personnel(), s.vehicles(),
                s.places().stream().map(p -> new Sortie.Places(p.kind(), p.count())).toList());
        move(null, now, at);
        MongoSupport.insertIfAbsent(sources, source(id, 0, now));
    }

    void countInspection(InspectionChanged i, Position at) {
        String id = "inspection:" + i.inspectionId();
        Document stored = sources.find(Filters.eq("_id", id)).first();
        if (stored != null && ((Number) stored.get("version")).longValue() >= i.version()) {
            return;
        }
        Counted now = ofInspection(i.inspectionId(), i.region(), i.status(), i.inspectedAt(), i.operationId());
        move(stored == null ? null : Counted.fromDocument(stored.get("counted", Document.class)), now, at);
        try {
            sources.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", i.version())),
                    source(id, i.version(), now), new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoSupport.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** What a sortie or an inspection last added ({@code counted} null: nothing, e.g. an inspection only planned). */
    private static Document source(String id, long version, @Nullable Counted counted) {
        return new Document("_id", id).append("version", version)
                .append("counted", counted == null ? null : counted.toDocument());
    }

    /**
     * What the tallies hold for an operation in a region subtree on days from {@code from} to {@code to}: a month
     * wholly inside counts by its total, the months at either end by their days.
     */
    public List<Contribution> tallied(String operationId, String regionPrefix, LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        YearMonth firstWhole = from.getDayOfMonth() == 1 ? first : first.plusMonths(1);
        YearMonth lastWhole = to.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
        // The months at either end that the period covers only in part: those count by their days.
        List<String> ends = Stream.of(first, last).distinct()
                .filter(m -> m.isBefore(firstWhole) || m.isAfter(lastWhole)).map(YearMonth::toString).toList();
        List<Contribution> parts = new ArrayList<>();
        for (String operation : List.of(operationId, NO_OPERATION)) {
            Bson province = Filters.and(Filters.eq("operationId", operation),
                    Filters.eq("province", regionPrefix.substring(0, 2)));
            // The region is told apart here, not by the store: its matcher costs more per document than reading
            // the field does, and of a province's tallies most are wanted.
            if (!firstWhole.isAfter(lastWhole)) {
                tallies.find(Filters.and(province, Filters.gte("month", firstWhole.toString()),
                                Filters.lte("month", lastWhole.toString())))
                        .projection(Projections.include("region", "values")).forEach(d -> {
                            if (d.getString("region").startsWith(regionPrefix)) {
                                addAll(parts, d.getString("region"), d.get("values", Document.class));
                            }
                        });
            }
            if (!ends.isEmpty()) {
                tallies.find(Filters.and(province, Filters.in("month", ends)))
                        .projection(Projections.include("region", "month", "days")).forEach(d -> {
                            String region = d.getString("region");
                            if (!region.startsWith(regionPrefix)) {
                                return;
                            }
                            YearMonth month = YearMonth.parse(d.getString("month"));
                            d.get("days", Document.class).forEach((day, values) -> {
                                LocalDate date = month.atDay(Integer.parseInt(day));
                                if (!date.isBefore(from) && !date.isAfter(to)) {
                                    addAll(parts, region, (Document) values);
                                }
                            });
                        });
            }
        }
        return parts;
    }

    private static void addAll(List<Contribution> parts, String region, Document values) {
        values.forEach((column, amount) -> parts.add(new Contribution(region, Column.valueOf(column),
                ((Decimal128) amount).bigDecimalValue(), null)));
    }

    private static String dayKey(LocalDate day) {
        return day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : Integer.toString(day.getDayOfMonth());
    }

    /**
     * Builds the tallies from the stored records when there are none yet. The records' collections are read here
     * rather than through their stores: this runs once, before any listener, and must see every record whatever
     * the stores' own searches cap.
     */
    private void buildIfMissing() {
        while (state.find(Filters.eq("_id", BUILT)).first() == null) {
            if (claimBuilding()) {
                // Another instance may have finished between the look above and the claim: building again would
                // wipe tallies its listeners already keep.
                if (state.find(Filters.eq("_id", BUILT)).first() == null) {
                    build();
                }
                state.deleteOne(Filters.eq("_id", BUILDING));
                return;
            }
            // Another instance is building them: its listeners start once it is done, and so do ours.
            log.info("Waiting for another instance to build the results tallies");
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Stopped while the results tallies were being built", e);
            }
        }
    }

    /** Only one instance builds; a claim left by one that died while building lapses after {@link #BUILD_LEASE}. */
    private boolean claimBuilding() {
        Date now = new Date();
        if (MongoSupport.insertIfAbsent(state, new Document("_id", BUILDING).append("since", now))) {
            return true;
        }
        return state.updateOne(Filters.and(Filters.eq("_id", BUILDING), Filters.lt("since",
                        Date.from(now.toInstant().minus(BUILD_LEASE)))), Updates.set("since", now))
                .getModifiedCount() == 1;
    }

    private static final int PAGE = 5_000;

    /**
     * Hands every record of an operation to {@code each}, read a page at a time in the order of the index on
     * (operationId, {@code order}); returns how many. The embedded store keeps a query's whole answer in memory until
     * it is read, and a million case facts in one answer took the platform's heap; a page reads its own records.
     * A page ends after the last record with its {@code order} value, so records sharing one are never split.
     */
    private long inPages(MongoCollection<Document> collection, String operationId, String order,
                         @Nullable Bson projection, java.util.function.Consumer<Document> each) {
        long read = 0;
        Object after = null;
        while (true) {
            Bson filter = after == null ? Filters.eq("operationId", operationId)
                    : Filters.and(Filters.eq("operationId", operationId), Filters.gt(order, after));
            List<Document> page = collection.find(filter).projection(projection)
                    .sort(Sorts.ascending(order, "_id")).limit(PAGE).into(new ArrayList<>());
            if (page.isEmpty()) {
                return read;
            }
            boolean full = page.size() == PAGE;
            Object last = page.get(page.size() - 1).get(order);
            if (full) {
                // The records at the last value, whether or not the page held them all.
                page.removeIf(d -> Objects.equals(d.get(order), last));
                page.addAll(collection.find(Filters.and(Filters.eq("operationId", operationId),
                        Filters.eq(order, last))).projection(projection).into(new ArrayList<>()));
            }
            for (Document d : page) {
                each.accept(d);
                if (++read % 100_000 == 0) {
                    renewClaim(read);
                }
            }
            if (!full) {
                return read;
            }
            after = last;
        }
    }

    /** A build of millions of records outlasts the lease: it is renewed as the build goes. */
    private void renewClaim(long records) {
        state.updateOne(Filters.eq("_id", BUILDING), Updates.set("since", new Date()));
        log.info("Building the results tallies: {} records read so far", records);
    }

    private void build() {
        long start = System.nanoTime();
        tallies.deleteMany(new Document());
        sources.deleteMany(new Document());
        Map<String, Document> sums = new HashMap<>();
        long records = 0;
        // Only records tagged with an operation count; an operation's id is inspection-service's own.
        List<String> operations = database.getCollection("operations").find().projection(Projections.include("_id"))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        for (String operation : operations) {
            records += inPages(database.getCollection("caseFacts"), operation, "openedAtMillis", CASE_FIELDS,
                    d -> sum(sums, ofCaseFact(d)));
            records += inPages(database.getCollection("clueFacts"), operation, "receivedAtMillis", null,
                    d -> sum(sums, ofClue(d.getString("operationId"), d.getString("_id"), d.getString("region"),
                            Instant.ofEpochMilli(((Number) d.get("receivedAtMillis")).longValue()))));
        }
        List<Document> counted = new ArrayList<>();
        for (String operation : operations) {
            records += inPages(database.getCollection("sorties"), operation, "on", null, d -> {
                Sortie s = documents.fromDocument(d, Sortie.class);
                Counted c = ofSortie(s.operationId(), s.id(), s.region(), s.on(), s.personnel(), s.vehicles(),
                        s.places());
                sum(sums, c);
                counted.add(source("sortie:" + s.id(), 0, c));
            });
        }
        for (Document d : database.getCollection("inspections").find()
                .projection(Projections.include("region", "status", "inspectedAt", "operationId", "version"))) {
            Date inspectedAt = d.getDate("inspectedAt");
            Counted c = ofInspection(d.getString("_id"), d.getString("region"), d.getString("status"),
                    inspectedAt == null ? null : inspectedAt.toInstant(), d.getString("operationId"));
            sum(sums, c);
            counted.add(source("inspection:" + d.getString("_id"), ((Number) d.get("version")).longValue(), c));
            records++;
        }
        insertAll(sources, counted);
        insertAll(tallies, new ArrayList<>(sums.values()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        state.insertOne(new Document("_id", BUILT).append("builtAt", new Date()).append("records", records)
                .append("tallies", sums.size()).append("millis", millis));
        log.info("Results tallies built from {} stored records into {} tallies in {} ms", records, sums.size(),
                millis);
    }

    /** Adds a record's part to its month's tally document and to its day in it. */
    private static void sum(Map<String, Document> sums, @Nullable Counted c) {
        if (c == null) {
            return;
        }
        Document tally = sums.computeIfAbsent(c.tally(), id -> new Document("_id", id)
                .append("operationId", c.operationId()).append("province", c.region().substring(0, 2))
                .append("region", c.region()).append("month", YearMonth.from(c.day()).toString())
                .append("values", new Document()).append("days", new Document()));
        Document day = (Document) tally.get("days", Document.class).computeIfAbsent(dayKey(c.day()),
                k -> new Document());
        c.values().forEach((column, amount) -> {
            for (Document values : List.of(tally.get("values", Document.class), day)) {
                Decimal128 sum = (Decimal128) values.get(column.name());
                values.put(column.name(), new Decimal128(sum == null ? amount : sum.bigDecimalValue().add(amount)));
            }
        });
    }

    private static void insertAll(MongoCollection<Document> collection, List<Document> docs) {
        for (int i = 0; i < docs.size(); i += 1000) {
            collection.insertMany(docs.subList(i, Math.min(docs.size(), i + 1000)),
                    new InsertManyOptions().ordered(false));
        }
    }
}
