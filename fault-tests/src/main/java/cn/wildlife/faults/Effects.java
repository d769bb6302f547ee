package cn.wildlife.faults;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * What the services stored, read straight from their databases with the MongoDB driver (not through their APIs,
 * which could hide a duplicate): case-service's clues and cases, notification-service's deadlines, and
 * inspection-service's facts of the joint operation with the running tallies its results table is read from.
 */
final class Effects implements AutoCloseable {

    /** Counted effects of one load; {@code counted}: its reports inspection-service keeps as facts of the operation. */
    record Stored(
            Set<String> clues, Set<String> cases, Map<String, Set<String>> deadlinesBySubject, Set<String> counted) {

        Set<String> deadlineIds() {
            Set<String> ids = new HashSet<>();
            deadlinesBySubject.values().forEach(ids::addAll);
            return ids;
        }
    }

    private final MongoClient client;

    Effects(String mongoUri) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                // The store is stopped on purpose in one scenario: fail fast and ask again.
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    /** How many of case-service's clues have ids starting with {@code prefix}. */
    long clues(String prefix) {
        return client.getDatabase("cases")
                .getCollection("clues")
                .countDocuments(Filters.regex("_id", Pattern.compile("^" + Pattern.quote(prefix))));
    }

    Stored of(String prefix) {
        Pattern ours = Pattern.compile("^" + Pattern.quote(prefix));
        Set<String> clues = ids(client.getDatabase("cases")
                .getCollection("clues")
                .find(Filters.regex("_id", ours))
                .projection(Projections.include("_id")));
        Set<String> cases = ids(client.getDatabase("cases")
                .getCollection("cases")
                .find(Filters.regex("_id", ours))
                .projection(Projections.include("_id")));
        Map<String, Set<String>> deadlines = new HashMap<>();
        for (Document d : client.getDatabase("notifications")
                .getCollection("deadlines")
                .find(Filters.regex("subjectId", ours))
                .projection(Projections.include("_id", "subjectId"))) {
            deadlines
                    .computeIfAbsent(d.getString("subjectId"), s -> new HashSet<>())
                    .add(d.getString("_id"));
        }
        MongoDatabase inspections = client.getDatabase("inspections");
        Set<String> counted = ids(inspections
                .getCollection("clueFacts")
                .find(Filters.regex("_id", ours))
                .projection(Projections.include("_id")));
        counted.addAll(ids(inspections
                .getCollection("caseFacts")
                .find(Filters.regex("_id", ours))
                .projection(Projections.include("_id"))));
        return new Stored(clues, cases, deadlines, counted);
    }

    /**
     * An operation's results as inspection-service keeps them: the facts it holds, and what its running tallies (one
     * document per region and month, each event's part taken once per partition offset) add up to in the columns the
     * suite's reports count in. A report counted twice, or not at all, makes them differ.
     */
    record Results(
            long clueFacts,
            long caseFacts,
            BigDecimal caseValueOfFacts,
            BigDecimal cluesTallied,
            BigDecimal casesTallied,
            BigDecimal caseValueTallied) {

        boolean agree() {
            return cluesTallied.compareTo(BigDecimal.valueOf(clueFacts)) == 0
                    && casesTallied.compareTo(BigDecimal.valueOf(caseFacts)) == 0
                    && caseValueTallied.compareTo(caseValueOfFacts) == 0;
        }

        /** Clues and cases the tallies count beyond those sent: parts taken twice. */
        int beyond(int cluesSent, int casesSent) {
            return Math.max(0, cluesTallied.intValue() - cluesSent) + Math.max(0, casesTallied.intValue() - casesSent);
        }
    }

    Results results(String operationId) {
        MongoDatabase inspections = client.getDatabase("inspections");
        long clueFacts = inspections.getCollection("clueFacts").countDocuments(Filters.eq("operationId", operationId));
        long caseFacts = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (Document f : inspections
                .getCollection("caseFacts")
                .find(Filters.eq("operationId", operationId))
                .projection(Projections.include("value"))) {
            caseFacts++;
            value = value.add(decimal(f.get("value")));
        }
        BigDecimal clues = BigDecimal.ZERO;
        BigDecimal cases = BigDecimal.ZERO;
        BigDecimal tallied = BigDecimal.ZERO;
        for (Document t : inspections
                .getCollection("resultTallies")
                .find(Filters.eq("operationId", operationId))
                .projection(Projections.include("values"))) {
            Document values = t.get("values", Document.class);
            clues = clues.add(decimal(values.get("CLUES_RECEIVED")));
            cases = cases.add(decimal(values.get("ADMINISTRATIVE_CASES")));
            tallied = tallied.add(decimal(values.get("CASE_VALUE")));
        }
        return new Results(clueFacts, caseFacts, value, clues, cases, tallied);
    }

    /** One entry of a service's {@code kafkaQuarantine}: a record neither applied nor dead-lettered. */
    record Quarantined(
            String database,
            String group,
            String topic,
            int partition,
            long offset,
            String reason,
            String deadLetterFailure) {

        /** Where the record was: {@code <topic>-<partition>@<offset>}, as {@link Poison#acceptedAt()} has it. */
        String at() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** Every quarantine entry of the given databases (each service keeps its own, in its own database). */
    java.util.List<Quarantined> quarantined(java.util.List<String> databases) {
        java.util.List<Quarantined> all = new java.util.ArrayList<>();
        for (String database : databases) {
            for (Document d : client.getDatabase(database)
                    .getCollection("kafkaQuarantine")
                    .find()
                    .projection(Projections.include(
                            "group", "topic", "partition", "offset", "reason", "deadLetterFailure"))) {
                all.add(new Quarantined(
                        database,
                        d.getString("group"),
                        d.getString("topic"),
                        ((Number) d.get("partition")).intValue(),
                        ((Number) d.get("offset")).longValue(),
                        d.getString("reason"),
                        d.getString("deadLetterFailure")));
            }
        }
        return all;
    }

    private static BigDecimal decimal(Object number) {
        if (number == null) {
            return BigDecimal.ZERO;
        }
        return number instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(number.toString());
    }

    private static Set<String> ids(Iterable<Document> docs) {
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Override
    public void close() {
        client.close();
    }
}
