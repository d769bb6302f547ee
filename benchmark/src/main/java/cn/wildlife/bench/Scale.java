package cn.wildlife.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The registry at size: many stored clues, cases and running deadlines, then the case search, the clue search and the
 * scheduler's scan for due deadlines timed against them. The records are copies of ones the platform stored through
 * its services (varied in id, number, region, status, dates), written straight into the store: loading them through
 * the services would take hours here, and what is measured is reading them.
 */
final class Scale {

    /**
     * The targets of one size: the local store's (the lean-core issue: 50,000 of each, searches p99 &lt; 200 ms, the
     * scan &lt; 500 ms) or MongoDB's at a million (the targets promised for a million records: case search p99 &lt; 50
     * ms, scan &lt; 100 ms; none was set for the clue search there).
     */
    record Targets(
            int records, double caseSearchP99, @Nullable Double clueSearchP99, double scan, String at) {

        String of(double millis) {
            return String.format(Locale.ROOT, "< %.0f ms %s", millis, at);
        }
    }

    static final Targets LOCAL = new Targets(50_000, 200, 200.0, 500, "at 50,000");
    static final Targets MILLION = new Targets(1_000_000, 50, null, 100, "at 1 M");

    /** The regions the copies spread over (a city and its districts). */
    private static final List<String> REGIONS =
            List.of("220112", "220102", "220103", "220104", "220105", "220106", "220113", "220122");

    private static final List<String> CASE_STATUSES = List.of("OPEN", "OPEN", "OPEN", "CLOSED", "TRANSFERRED");
    private static final List<String> CLUE_STATUSES =
            List.of("RECEIVED", "RECEIVED", "ASSIGNED", "VERIFIED", "CASE_OPENED", "DISMISSED");
    private static final int BATCH = 5_000;
    /** A p99 of 100 requests is their second slowest, one pause away from doubling: 1,000 steady it. */
    private static final int SEARCHES = 1_000;

    private static final int SEARCH_WARM_UP = 100;
    private static final int SCANS = 10;
    /**
     * Where a request takes seconds, 1,000 of them take hours: each phase stops at its budget (after one request at
     * least). Within 5 minutes, 1,000 searches fit whenever they average under 300 ms; a phase cut short by its budget
     * shows a miss as a miss, a figure within its target not as a pass.
     */
    private static final Duration WARM_UP_BUDGET = Duration.ofMinutes(1);

    private static final Duration SEARCH_BUDGET = Duration.ofMinutes(5);
    private static final Duration SCAN_BUDGET = Duration.ofMinutes(2);
    /** Running deadlines that are due when the scan is timed. */
    private static final int DUE = 50;

    /**
     * The moment the scan asks about: a day ahead. Copies due now were taken by the scheduler, whose query this is,
     * while the others were stored or the scan was timed, so the scan is the scheduler's query as it will run
     * tomorrow, when exactly {@link #DUE} copies are due.
     */
    private final Instant scannedMoment = Instant.now().plus(Duration.ofDays(1));

    private final Stand stand;
    private final Figures figures;
    private final HttpClient http;
    private final int count;
    private final Targets targets;

    Scale(Stand stand, Figures figures, HttpClient http, int count, Targets targets) {
        this.stand = stand;
        this.figures = figures;
        this.http = http;
        this.count = count;
        this.targets = targets;
    }

    /** Stores the copies and times the searches (as {@code officerToken}'s caller) and the scan. */
    void measure(String officerToken) throws Exception {
        try (MongoClient mongo = MongoClients.create(stand.mongoUri())) {
            MongoCollection<Document> clues = mongo.getDatabase("cases").getCollection("clues");
            MongoCollection<Document> cases = mongo.getDatabase("cases").getCollection("cases");
            MongoCollection<Document> deadlines =
                    mongo.getDatabase("notifications").getCollection("deadlines");
            Document clueTemplate = clues.find(Filters.eq("agency", "FORESTRY")).first();
            Document caseTemplate = cases.find(Filters.eq("agency", "FORESTRY")).first();
            Document deadlineTemplate =
                    deadlines.find(Filters.in("state", "OPEN", "APPROACHING")).first();
            if (clueTemplate == null || caseTemplate == null || deadlineTemplate == null) {
                throw new IllegalStateException("the platform stored no clue, case or running deadline to copy");
            }
            if (count < targets.records()) {
                figures.note(String.format(
                        Locale.ROOT,
                        "Search and scan over %,d copies of each, fewer than the %,d their targets name: a figure"
                                + " within its target is not a pass there (no ✔), a figure over it is a miss (✘).",
                        count,
                        targets.records()));
            }
            long start = System.nanoTime();
            copyClues(clues, clueTemplate);
            copyCases(cases, caseTemplate);
            copyDeadlines(deadlines, deadlineTemplate);
            Benchmark.log(
                    "stored %,d clues, %,d cases and %,d running deadlines in %.0f s",
                    count, count, count, RawCeiling.seconds(start));
            // The copies come on top of what the earlier phases stored: the figures name the whole.
            search(
                    "Case search, two filters and paging",
                    cases.countDocuments(),
                    "cases",
                    // A county officer's open cases, the third page, newest opened first (the API's default order).
                    "/api/cases?region=220112&status=OPEN&page=2&size=20",
                    officerToken,
                    targets.caseSearchP99());
            search(
                    "Clue search, two filters and paging",
                    clues.countDocuments(),
                    "clues",
                    // The same officer's clues still waiting to be handled, the second page, newest first.
                    "/api/clues?region=220112&status=RECEIVED&page=1&size=20",
                    officerToken,
                    targets.clueSearchP99());
            scan(deadlines, deadlines.countDocuments());
        }
    }

    private void search(String what, long stored, String records, String path, String token, @Nullable Double target)
            throws Exception {
        String url = "http://localhost:" + stand.casePort() + path;
        // The first requests after the bulk load meet cold caches and code not yet compiled.
        long warmUpEnd = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        int warmUp = 0;
        while (warmUp < SEARCH_WARM_UP && System.nanoTime() < warmUpEnd) {
            timedGet(url, token);
            warmUp++;
        }
        long end = System.nanoTime() + SEARCH_BUDGET.toNanos();
        List<Long> times = new ArrayList<>();
        while (times.size() < SEARCHES && (times.isEmpty() || System.nanoTime() < end)) {
            times.add(timedGet(url, token));
        }
        boolean cut = times.size() < SEARCHES;
        times.sort(Comparator.naturalOrder());
        double p99 = percentile(times, 0.99) / 1000.0;
        figures.add(
                String.format(Locale.ROOT, "%s, over %,d stored %s: p99", what, stored, records),
                p99,
                "ms",
                "median " + Figures.format(percentile(times, 0.5) / 1000.0) + " ms (" + times.size() + " requests"
                        + (cut ? ", all that fit in " + SEARCH_BUDGET.toMinutes() + " minutes," : "") + " after "
                        + warmUp + ", straight to case-service: GET " + path + ")",
                target == null ? "" : targets.of(target),
                target == null ? null : judged(p99, target, cut));
    }

    private void scan(MongoCollection<Document> deadlines, long stored) {
        List<Long> scans = new ArrayList<>();
        long end = System.nanoTime() + SCAN_BUDGET.toNanos();
        for (int i = 0; i < SCANS && (i == 0 || System.nanoTime() < end); i++) {
            long t = System.nanoTime();
            // The scheduler's own query (DeadlineAlerting.raiseDue), a day ahead.
            List<Document> due = deadlines
                    .find(Filters.and(
                            Filters.in("state", "OPEN", "APPROACHING", "OVERDUE", "ESCALATED"),
                            Filters.lte("nextCheckAt", Date.from(scannedMoment))))
                    .sort(Sorts.ascending("nextCheckAt"))
                    .limit(500)
                    .into(new ArrayList<>());
            scans.add((System.nanoTime() - t) / 1000);
            if (i == 0) {
                // The copies, and the deadlines of the earlier phases whose next check comes before then.
                Benchmark.log(
                        "the scan found %d deadlines due by %s (%d of them copies)",
                        due.size(),
                        scannedMoment,
                        due.stream()
                                .filter(d -> String.valueOf(d.get("subjectId")).startsWith("SCALE-"))
                                .count());
            }
        }
        boolean cut = scans.size() < SCANS;
        scans.sort(Comparator.naturalOrder());
        // Every scan is to answer within the target, so the slowest is judged.
        double slowest = percentile(scans, 1.0) / 1000.0;
        figures.add(
                String.format(
                        Locale.ROOT,
                        "Deadline scan for the due ones among %,d stored deadlines (%,d copies running): slowest",
                        stored,
                        count),
                slowest,
                "ms",
                "median " + Figures.format(percentile(scans, 0.5) / 1000.0) + " ms (" + scans.size() + " scans"
                        + (cut ? ", all that fit in " + SCAN_BUDGET.toMinutes() + " minutes" : "")
                        + ", the scheduler's query straight to the store)",
                targets.of(targets.scan()),
                judged(slowest, targets.scan(), cut));
    }

    /**
     * Met or not where it can be told: at the count the target names, over every request; below that count, or when
     * the budget cut the requests short, only a miss is certain (a pass at a smaller count does not say how the
     * figure grows), a pass is not.
     */
    private @Nullable Boolean judged(double millis, double target, boolean cut) {
        if (count >= targets.records() && !cut) {
            return millis < target;
        }
        return millis < target ? null : Boolean.FALSE;
    }

    private void copyClues(MongoCollection<Document> clues, Document template) {
        Instant received = Instant.parse("2025-01-01T00:00:00Z");
        insertCopies(clues, template, "SCALE-CLUE-", (copy, i) -> {
            Instant at = received.plusSeconds(i * 61L);
            copy.put("region", REGIONS.get(i % REGIONS.size()));
            copy.put("status", CLUE_STATUSES.get(i % CLUE_STATUSES.size()));
            copy.put("receivedAt", Date.from(at));
            copy.put("recordedAt", Date.from(at.plusSeconds(5)));
        });
    }

    private void copyCases(MongoCollection<Document> cases, Document template) {
        Instant opened = Instant.parse("2025-01-01T00:00:00Z");
        insertCopies(cases, template, "SCALE-", (copy, i) -> {
            copy.put("number", template.getString("number") + "-S" + i);
            copy.put("region", REGIONS.get(i % REGIONS.size()));
            copy.put("status", CASE_STATUSES.get(i % CASE_STATUSES.size()));
            copy.put("openedAt", Date.from(opened.plusSeconds(i * 61L)));
        });
    }

    private void copyDeadlines(MongoCollection<Document> deadlines, Document template) {
        insertCopies(deadlines, template, "SCALE-", (copy, i) -> {
            copy.put("subjectId", "SCALE-" + i);
            copy.put("state", "OPEN");
            // A few are due at the scanned moment; the rest are checked in the weeks after it.
            Instant next = i < DUE ? scannedMoment : scannedMoment.plus(Duration.ofMinutes(10 + i % 40_000));
            copy.put("nextCheckAt", Date.from(next));
            copy.put("dueAt", Date.from(next.plus(Duration.ofDays(1))));
        });
    }

    /**
     * {@code count} copies of the template with ids {@code prefix}i, empty outboxes and no applied events remembered,
     * varied by {@code vary}.
     */
    private void insertCopies(
            MongoCollection<Document> collection,
            Document template,
            String prefix,
            java.util.function.ObjIntConsumer<Document> vary) {
        insertInBatches(collection, count, i -> {
            Document copy = new Document(template);
            copy.put("_id", prefix + i);
            copy.put("_outbox", List.of());
            copy.put("_outboxPending", false);
            if (copy.containsKey("_applied")) {
                copy.put("_applied", List.of());
            }
            vary.accept(copy, (int) i);
            return copy;
        });
    }

    /** {@code count} documents made by {@code make}, written {@link #BATCH} at a time, progress every 100,000. */
    static void insertInBatches(
            MongoCollection<Document> collection, long count, java.util.function.LongFunction<Document> make) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < count; i++) {
            batch.add(make.apply(i));
            if (batch.size() == BATCH || i == count - 1) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
                if ((i + 1) % 100_000 == 0) {
                    Benchmark.log(
                            "  %,d %s stored", i + 1, collection.getNamespace().getCollectionName());
                }
            }
        }
    }

    private long timedGet(String url, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return micros;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
