package cn.wildlife.inspection.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.inspection.RecordDocuments;
import cn.wildlife.inspection.results.ResultsLedger.Position;
import cn.wildlife.inspection.results.domain.ResultsTable;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running tallies against a real store (the embedded one on disk, or the image: TestInfrastructure): a record's
 * part moves as the record changes, an event delivered again takes nothing twice (also after a crash between the
 * tallies and the record), and tallies built from the stored records equal the ones kept as events came.
 */
class ResultsLedgerIT {

    private static final String OPERATION = "OP-210000-LEDGER";
    private static final LocalDate SEPTEMBER_FIRST = LocalDate.parse("2022-09-01");
    private static final LocalDate SEPTEMBER_LAST = LocalDate.parse("2022-09-30");

    @TempDir
    static Path dir;

    static TestMongo store;
    static MongoClient client;

    private final RecordDocuments documents =
            new RecordDocuments(JsonMapper.builder().build());
    private MongoDatabase database;
    private ResultsLedger ledger;
    private CaseFacts cases;
    private long offset;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongoOnDisk(dir.resolve("store/data.mv"));
        client = MongoClients.create(store.uri("ledger"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("ledger-" + UUID.randomUUID().toString().substring(0, 8));
        // The build counts the records of the operations inspection-service holds.
        database.getCollection("operations").insertOne(new Document("_id", OPERATION));
        ledger = builtLedger();
        cases = new CaseFacts(database, documents, ledger);
    }

    /** The ledger as a started service has it: the tallies built from the store, or found built. */
    private ResultsLedger builtLedger() {
        ResultsLedger built = new ResultsLedger(database);
        assertThat(new ResultsLedgerBuilder(database, documents, built, () -> {}).buildIfMissing())
                .isTrue();
        return built;
    }

    private Position next() {
        return new Position("platform.cases", 0, offset++);
    }

    private static CaseChanged caseOf(
            String id,
            String region,
            @Nullable String operation,
            long version,
            @Nullable BigDecimal fines,
            List<SeizureSummary> seizures) {
        return caseOf(id, region, operation, version, fines, seizures, Instant.parse("2022-09-10T02:00:00Z"));
    }

    private static CaseChanged caseOf(
            String id,
            String region,
            @Nullable String operation,
            long version,
            @Nullable BigDecimal fines,
            List<SeizureSummary> seizures,
            Instant opened) {
        return new CaseChanged(
                id,
                "NO-" + id,
                CaseKind.ADMINISTRATIVE,
                Agency.FORESTRY,
                region,
                "OPEN",
                opened,
                Instant.parse("2022-09-20T02:00:00Z"),
                "officer",
                "REST",
                List.of(),
                List.of(),
                null,
                seizures,
                new BigDecimal("1000"),
                fines,
                CaseGrade.GENERAL,
                null,
                null,
                operation,
                false,
                List.of(),
                version);
    }

    private Map<Column, BigDecimal> province() {
        return values(
                ResultsTable.rollUp("210000", ledger.tallied(OPERATION, "21", SEPTEMBER_FIRST, SEPTEMBER_LAST)),
                "210000");
    }

    private static Map<Column, BigDecimal> values(List<ResultsTable.Row> rows, String region) {
        Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
        rows.stream()
                .filter(r -> r.region().equals(region))
                .findFirst()
                .orElseThrow()
                .values()
                .forEach((column, amount) -> {
                    if (amount.signum() != 0) {
                        values.put(column, amount.stripTrailingZeros());
                    }
                });
        return values;
    }

    private static Map<Column, BigDecimal> expect(Object... pairs) {
        Map<Column, BigDecimal> values = new EnumMap<>(Column.class);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((Column) pairs[i], new BigDecimal(pairs[i + 1].toString()).stripTrailingZeros());
        }
        return values;
    }

    @Test
    void aCasesPartMovesAsTheCaseChangesAndLeavesWhenItLeavesTheOperation() {
        cases.apply(caseOf("C1", "210112", OPERATION, 1, null, List.of()), next());
        assertThat(province()).isEqualTo(expect(Column.ADMINISTRATIVE_CASES, 1, Column.CASE_VALUE, 1000));

        SeizureSummary released = new SeizureSummary(
                "C1-S1", SeizureKind.LIVE, "cygnus-cygnus", BigDecimal.valueOf(5), QuantityUnit.ANIMAL, "RELEASED");
        cases.apply(caseOf("C1", "210112", OPERATION, 2, new BigDecimal("5000"), List.of(released)), next());
        assertThat(province())
                .isEqualTo(expect(
                        Column.ADMINISTRATIVE_CASES,
                        1,
                        Column.CASE_VALUE,
                        1000,
                        Column.FINES,
                        5000,
                        Column.PEOPLE_PENALISED,
                        1,
                        Column.LIVE_ANIMALS_SEIZED,
                        5,
                        Column.ANIMALS_RELEASED,
                        5));

        // An older version arriving late (another instance's replay) changes nothing.
        cases.apply(caseOf("C1", "210112", OPERATION, 1, null, List.of()), next());
        assertThat(province()).containsEntry(Column.FINES, new BigDecimal("5E+3"));

        cases.apply(caseOf("C1", "210112", null, 3, new BigDecimal("5000"), List.of(released)), next());
        assertThat(province()).isEmpty();
    }

    @Test
    void aCaseOfNoOperationIsNotKeptUntilItJoinsOneAndIsKeptAfterItLeaves() {
        MongoCollection<Document> facts = database.getCollection("caseFacts");
        cases.apply(caseOf("N1", "210112", null, 1, null, List.of()), next());
        cases.apply(caseOf("N1", "210112", null, 2, new BigDecimal("300"), List.of()), next());
        assertThat(facts.countDocuments(Filters.eq("_id", "N1"))).isZero();
        assertThat(province()).isEmpty();

        cases.apply(caseOf("N1", "210112", OPERATION, 3, new BigDecimal("300"), List.of()), next());
        assertThat(province())
                .isEqualTo(expect(
                        Column.ADMINISTRATIVE_CASES,
                        1,
                        Column.CASE_VALUE,
                        1000,
                        Column.FINES,
                        300,
                        Column.PEOPLE_PENALISED,
                        1));

        cases.apply(caseOf("N1", "210112", null, 4, new BigDecimal("300"), List.of()), next());
        assertThat(province()).isEmpty();
        // Kept, untagged: the tagged version arriving late (a replay) finds it newer and counts nothing again.
        assertThat(facts.countDocuments(Filters.eq("_id", "N1"))).isOne();
        cases.apply(caseOf("N1", "210112", OPERATION, 3, new BigDecimal("300"), List.of()), next());
        assertThat(province()).isEmpty();
    }

    @Test
    void aPeriodCountsTheMonthsWhollyInsideByTheirTotalsAndTheMonthsAtItsEndsByTheirDays() {
        // One case a day from 20 August to 10 October; 10:00 in China, so each on its own day there.
        LocalDate first = LocalDate.parse("2022-08-20");
        for (int i = 0; i < 52; i++) {
            cases.apply(
                    caseOf(
                            "D" + i,
                            "210112",
                            OPERATION,
                            1,
                            null,
                            List.of(),
                            first.plusDays(i).atTime(2, 0).toInstant(java.time.ZoneOffset.UTC)),
                    next());
        }
        assertThat(casesBetween("2022-09-10", "2022-10-03")).isEqualTo(24);
        assertThat(casesBetween("2022-09-01", "2022-09-30")).isEqualTo(30);
        assertThat(casesBetween("2022-08-01", "2022-10-31")).isEqualTo(52);
        assertThat(casesBetween("2022-08-31", "2022-08-31")).isEqualTo(1);
        assertThat(casesBetween("2022-09-01", "2022-09-15")).isEqualTo(15);
        assertThat(casesBetween("2022-09-16", "2022-09-30")).isEqualTo(15);
        assertThat(casesBetween("2022-08-25", "2022-09-30")).isEqualTo(37);
        assertThat(casesBetween("2022-10-11", "2022-12-31")).isZero();
        // The city and a county of it see the same; another city, nothing.
        assertThat(ResultsTable.rollUp("210100", ledger.tallied(OPERATION, "2101", SEPTEMBER_FIRST, SEPTEMBER_LAST))
                        .get(0)
                        .values()
                        .get(Column.ADMINISTRATIVE_CASES))
                .isEqualByComparingTo("30");
        assertThat(ledger.tallied(OPERATION, "2102", SEPTEMBER_FIRST, SEPTEMBER_LAST))
                .isEmpty();
    }

    private long casesBetween(String from, String to) {
        return ResultsTable.rollUp(
                        "210000", ledger.tallied(OPERATION, "21", LocalDate.parse(from), LocalDate.parse(to)))
                .get(0)
                .values()
                .get(Column.ADMINISTRATIVE_CASES)
                .longValueExact();
    }

    @Test
    void aBuildReadsManyRecordsInPagesWithoutSplittingRecordsThatShareATime() {
        // 12,000 clues, seven at a time received in the same millisecond: pages of 5,000 end inside such groups.
        List<Document> clues = new java.util.ArrayList<>();
        long first = Instant.parse("2022-09-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 12_000; i++) {
            clues.add(new Document("_id", "CLUE-" + i)
                    .append("operationId", OPERATION)
                    .append("agency", "FORESTRY")
                    .append("region", i % 2 == 0 ? "210112" : "210203")
                    .append("receivedAtMillis", first + (i / 7) * 60_000L));
        }
        database.getCollection("clueFacts").insertMany(clues);
        database.getCollection("resultLedger").deleteMany(new Document());

        ResultsLedger rebuilt = builtLedger();

        assertThat(values(
                        ResultsTable.rollUp(
                                "210000", rebuilt.tallied(OPERATION, "21", SEPTEMBER_FIRST, SEPTEMBER_LAST)),
                        "210000"))
                .containsEntry(Column.CLUES_RECEIVED, new BigDecimal("1.2E+4"));
    }

    @Test
    void anEventDeliveredAgainTakesNothingTwiceEvenAfterACrashBetweenTheTalliesAndTheCase() {
        Position first = next();
        CaseChanged opened = caseOf("C2", "210102", OPERATION, 1, null, List.of());
        cases.apply(opened, first);
        cases.apply(opened, first);
        assertThat(province()).containsEntry(Column.ADMINISTRATIVE_CASES, BigDecimal.ONE);

        // The tallies took version 2, then the service died before the case fact was written: the event comes again
        // from the same offset, and finds version 1 still stored.
        Position second = next();
        CaseChanged fined = caseOf("C2", "210102", OPERATION, 2, new BigDecimal("800"), List.of());
        ledger.move(RecordParts.ofCase(opened), RecordParts.ofCase(fined), second);
        cases.apply(fined, second);
        assertThat(province())
                .isEqualTo(expect(
                        Column.ADMINISTRATIVE_CASES,
                        1,
                        Column.CASE_VALUE,
                        1000,
                        Column.FINES,
                        800,
                        Column.PEOPLE_PENALISED,
                        1));
    }

    @Test
    void sortiesCountOnceAndInspectionsWithoutAnOperationCountInEveryOperationOverTheirRegion() {
        Position sorties = new Position("platform.operations", 1, 7);
        SortieRecorded sortie = new SortieRecorded(
                "SRT-1",
                OPERATION,
                Agency.FORESTRY,
                "210203",
                SEPTEMBER_FIRST.plusDays(2),
                6,
                2,
                List.of(
                        new SortieRecorded.Places(PlaceKind.MARKET, 3),
                        new SortieRecorded.Places(PlaceKind.BREEDING_SITE, 1)),
                null);
        ledger.countSortie(sortie, sorties);
        // Announced again by the outbox after a crash, at a later offset.
        ledger.countSortie(sortie, new Position("platform.operations", 1, 9));

        Position inspections = new Position("platform.inspections", 0, 3);
        ledger.countInspection(inspection("INS-1", "PLANNED", null, null, 1), inspections);
        ledger.countInspection(
                inspection("INS-1", "RECORDED", Instant.parse("2022-09-12T01:00:00Z"), null, 2),
                new Position("platform.inspections", 0, 4));
        ledger.countInspection(
                inspection("INS-2", "RECORDED", Instant.parse("2022-09-12T01:00:00Z"), "OP-ELSEWHERE", 2),
                new Position("platform.inspections", 0, 5));
        // October is outside September's table.
        ledger.countInspection(
                inspection("INS-3", "RECORDED", Instant.parse("2022-10-02T01:00:00Z"), null, 2),
                new Position("platform.inspections", 0, 6));

        assertThat(province())
                .isEqualTo(expect(
                        Column.PERSONNEL_SORTIES,
                        6,
                        Column.VEHICLE_SORTIES,
                        2,
                        Column.MARKETS_INSPECTED,
                        3,
                        Column.BREEDING_SITES_INSPECTED,
                        1));
    }

    private static InspectionChanged inspection(
            String id, String status, @Nullable Instant at, @Nullable String operation, long version) {
        return new InspectionChanged(
                id,
                "FAC-1",
                "210112",
                status,
                null,
                SEPTEMBER_FIRST,
                at,
                List.of("officer"),
                List.of(),
                0,
                version,
                operation);
    }

    @Test
    void talliesBuiltFromTheStoredRecordsEqualTheOnesKeptAsEventsCame() {
        for (int i = 0; i < 40; i++) {
            String region = i % 2 == 0 ? "210112" : "210203";
            cases.apply(caseOf("B" + i, region, i % 5 == 0 ? null : OPERATION, 1, null, List.of()), next());
            if (i % 3 == 0) {
                cases.apply(caseOf("B" + i, region, OPERATION, 2, BigDecimal.valueOf(100 + i), List.of()), next());
            }
        }
        new ClueFacts(database, ledger)
                .apply(
                        new cn.wildlife.events.clue.ClueRecorded(
                                "CLUE-1",
                                Agency.FORESTRY,
                                "210112",
                                cn.wildlife.events.ClueSource.PATROL,
                                Instant.parse("2022-09-03T00:00:00Z"),
                                Instant.parse("2022-09-03T00:00:00Z"),
                                List.of(),
                                List.of(),
                                "线索",
                                cn.wildlife.events.clue.ClueRecorded.Channel.REST,
                                OPERATION,
                                null,
                                null),
                        new Position("platform.clues", 0, 1));
        List<ResultsTable.Row> kept =
                ResultsTable.rollUp("210000", ledger.tallied(OPERATION, "21", SEPTEMBER_FIRST, SEPTEMBER_LAST));

        database.getCollection("resultLedger").deleteMany(new Document());
        ResultsLedger rebuilt = builtLedger();
        List<ResultsTable.Row> built =
                ResultsTable.rollUp("210000", rebuilt.tallied(OPERATION, "21", SEPTEMBER_FIRST, SEPTEMBER_LAST));

        for (String region : List.of("210000", "210100", "210200", "210112", "210203")) {
            assertThat(values(built, region)).as(region).isEqualTo(values(kept, region));
        }
        assertThat(values(built, "210000"))
                .containsEntry(Column.ADMINISTRATIVE_CASES, BigDecimal.valueOf(35))
                .containsEntry(Column.CLUES_RECEIVED, BigDecimal.ONE);
    }

    @Test
    void anInstanceStartsCountingOnlyOnceAnotherInstancesBuildIsDone() {
        MongoCollection<Document> state = database.getCollection("resultLedger");
        state.deleteMany(new Document());
        // Another instance claimed the build a moment ago and is still at it.
        state.insertOne(new Document("_id", "building").append("since", new Date()));
        AtomicBoolean listening = new AtomicBoolean();
        ResultsLedgerBuilder builder =
                new ResultsLedgerBuilder(database, documents, new ResultsLedger(database), () -> listening.set(true));
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        TalliesReadiness readiness = new TalliesReadiness(availability, builder);
        try {
            builder.start();
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !builder.ready() && !listening.get());
            Health building = readiness.health();
            assertThat(building.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(building.getDetails()).containsEntry("resultTallies", "building tallies");

            state.insertOne(new Document("_id", "tallies").append("builtAt", new Date()));
            state.deleteOne(Filters.eq("_id", "building"));

            await().atMost(Duration.ofSeconds(10)).until(builder::ready);
            assertThat(listening).isTrue();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            builder.stop();
        }
    }

    @Test
    void aBuildLeftByAnInstanceThatDiedLapsesAndIsDoneAgain() {
        MongoCollection<Document> state = database.getCollection("resultLedger");
        state.deleteMany(new Document());
        state.insertOne(new Document("_id", "building")
                .append("since", Date.from(Instant.now().minus(Duration.ofMinutes(16)))));
        cases.apply(caseOf("L1", "210112", OPERATION, 1, null, List.of()), next());

        assertThat(builtLedger().tallied(OPERATION, "21", SEPTEMBER_FIRST, SEPTEMBER_LAST))
                .isNotEmpty();
        assertThat(state.countDocuments(Filters.eq("_id", "building"))).isZero();
        assertThat(state.countDocuments(Filters.eq("_id", "tallies"))).isOne();
    }
}
