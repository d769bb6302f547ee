package cn.wildlife.inspection.results;

import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.Counted;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import cn.wildlife.inspection.results.domain.TallyPeriod;
import cn.wildlife.inspection.results.domain.TallySums;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
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
 * <p>The listeners move parts only once the tallies have been built ({@link ResultsLedgerBuilder}); until then the
 * service is not ready, and a table read from the tallies would count only part of the records.
 */
@Component
public class ResultsLedger {

    private final MongoCollection<Document> tallies;
    private final MongoCollection<Document> sources;

    public ResultsLedger(MongoDatabase database) {
        this.tallies = database.getCollection("resultTallies");
        this.sources = database.getCollection("resultSources");
        tallies.createIndex(Indexes.compoundIndex(
                Indexes.ascending("operationId"), Indexes.ascending("province"), Indexes.ascending("month")));
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

    /**
     * Moves a record's part from what it was ({@code before}) to what it is ({@code after}), either possibly none.
     * Called before the record's new state is stored, so that a crash in between brings the same event, and the same
     * {@code before}, again.
     */
    void move(@Nullable Counted before, @Nullable Counted after, Position at) {
        for (Counted.Change change : Counted.moves(before, after)) {
            add(change, at);
        }
    }

    private void add(Counted.Change change, Position at) {
        Counted tally = change.at();
        List<Bson> updates = new ArrayList<>();
        change.amounts().forEach((column, amount) -> {
            updates.add(Updates.inc("values." + column.name(), new Decimal128(amount)));
            updates.add(Updates.inc("days." + tally.dayOfMonth() + "." + column.name(), new Decimal128(amount)));
        });
        updates.add(Updates.set(at.key(), at.offset()));
        updates.add(Updates.setOnInsert("operationId", tally.operationId()));
        updates.add(Updates.setOnInsert("province", tally.province()));
        updates.add(Updates.setOnInsert("region", tally.region()));
        updates.add(Updates.setOnInsert("month", tally.month().toString()));
        Bson notYetTaken =
                Filters.and(Filters.eq("_id", tally.tally()), Filters.not(Filters.gte(at.key(), at.offset())));
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

    /** A sortie is entered once and never changed: announced again, it is already counted. */
    void countSortie(SortieRecorded s, Position at) {
        String id = "sortie:" + s.sortieId();
        if (sources.find(Filters.eq("_id", id))
                        .projection(Projections.include("_id"))
                        .first()
                != null) {
            return;
        }
        Counted now = RecordParts.ofSortie(
                s.operationId(),
                s.sortieId(),
                s.region(),
                s.on(),
                s.personnel(),
                s.vehicles(),
                s.places().stream()
                        .map(p -> new Sortie.Places(p.kind(), p.count()))
                        .toList());
        move(null, now, at);
        MongoSupport.insertIfAbsent(sources, source(id, 0, now));
    }

    void countInspection(InspectionChanged i, Position at) {
        String id = "inspection:" + i.inspectionId();
        Document stored = sources.find(Filters.eq("_id", id)).first();
        if (stored != null && ((Number) stored.get("version")).longValue() >= i.version()) {
            return;
        }
        Counted now =
                RecordParts.ofInspection(i.inspectionId(), i.region(), i.status(), i.inspectedAt(), i.operationId());
        move(stored == null ? null : fromDocument(stored.get("counted", Document.class)), now, at);
        try {
            sources.replaceOne(
                    Filters.and(Filters.eq("_id", id), Filters.lt("version", i.version())),
                    source(id, i.version(), now),
                    new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoSupport.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** What a sortie or an inspection last added ({@code counted} null: nothing, e.g. an inspection only planned). */
    static Document source(String id, long version, @Nullable Counted counted) {
        return new Document("_id", id)
                .append("version", version)
                .append("counted", counted == null ? null : toDocument(counted));
    }

    private static Document toDocument(Counted counted) {
        Document amounts = new Document();
        counted.values().forEach((column, amount) -> amounts.append(column.name(), new Decimal128(amount)));
        return new Document("operationId", counted.operationId())
                .append("region", counted.region())
                .append("day", counted.day().toString())
                .append("values", amounts);
    }

    private static @Nullable Counted fromDocument(@Nullable Document d) {
        if (d == null || d.getString("operationId") == null) {
            return null;
        }
        Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
        d.get("values", Document.class)
                .forEach((column, amount) ->
                        values.put(Column.valueOf(column), ((Decimal128) amount).bigDecimalValue()));
        return new Counted(
                d.getString("operationId"), d.getString("region"), LocalDate.parse(d.getString("day")), values);
    }

    /**
     * What the tallies hold for an operation in a region subtree on days from {@code from} to {@code to}, with the
     * inspections tagged with no operation.
     */
    public List<Contribution> tallied(String operationId, String regionPrefix, LocalDate from, LocalDate to) {
        TallyPeriod period = new TallyPeriod(from, to);
        List<String> ends =
                period.partMonths().stream().map(YearMonth::toString).toList();
        List<Contribution> parts = new ArrayList<>();
        for (String operation : List.of(operationId, Counted.NO_OPERATION)) {
            Bson province = Filters.and(
                    Filters.eq("operationId", operation), Filters.eq("province", regionPrefix.substring(0, 2)));
            // The region is told apart here, not by the store: its matcher costs more per document than reading
            // the field does, and of a province's tallies most are wanted.
            if (period.hasWholeMonths()) {
                tallies.find(Filters.and(
                                province,
                                Filters.gte("month", period.firstWhole().toString()),
                                Filters.lte("month", period.lastWhole().toString())))
                        .projection(Projections.include("region", "values"))
                        .forEach(d -> {
                            if (d.getString("region").startsWith(regionPrefix)) {
                                addAll(parts, d.getString("region"), d.get("values", Document.class));
                            }
                        });
            }
            if (!ends.isEmpty()) {
                tallies.find(Filters.and(province, Filters.in("month", ends)))
                        .projection(Projections.include("region", "month", "days"))
                        .forEach(d -> {
                            String region = d.getString("region");
                            if (!region.startsWith(regionPrefix)) {
                                return;
                            }
                            YearMonth month = YearMonth.parse(d.getString("month"));
                            d.get("days", Document.class).forEach((day, values) -> {
                                if (period.covers(month, day)) {
                                    addAll(parts, region, (Document) values);
                                }
                            });
                        });
            }
        }
        return parts;
    }

    private static void addAll(List<Contribution> parts, String region, Document values) {
        values.forEach((column, amount) -> parts.add(
                new Contribution(region, Column.valueOf(column), ((Decimal128) amount).bigDecimalValue(), null)));
    }

    /** Replaces every tally and every sortie's and inspection's source with what a build summed. */
    void replaceAll(TallySums sums, List<Document> counted) {
        tallies.deleteMany(new Document());
        sources.deleteMany(new Document());
        insertAll(sources, counted);
        List<Document> months = new ArrayList<>(sums.size());
        for (TallySums.Month m : sums.months()) {
            Counted named = m.named();
            Document days = new Document();
            m.days().forEach((day, values) -> days.append(day, decimals(values)));
            months.add(new Document("_id", named.tally())
                    .append("operationId", named.operationId())
                    .append("province", named.province())
                    .append("region", named.region())
                    .append("month", named.month().toString())
                    .append("values", decimals(m.total()))
                    .append("days", days));
        }
        insertAll(tallies, months);
    }

    private static Document decimals(Map<Column, BigDecimal> values) {
        Document d = new Document();
        values.forEach((column, amount) -> d.append(column.name(), new Decimal128(amount)));
        return d;
    }

    private static void insertAll(MongoCollection<Document> collection, List<Document> docs) {
        for (int i = 0; i < docs.size(); i += 1000) {
            collection.insertMany(
                    docs.subList(i, Math.min(docs.size(), i + 1000)), new InsertManyOptions().ordered(false));
        }
    }
}
