package cn.wildlife.caseservice.clue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditQuery;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.audit.ChainedEntry;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reporters' identities erased when their clue's outcome is past the retention period, each erasure audited. */
class ReporterErasureIT {

    private static final Instant NOW = Instant.parse("2029-06-01T02:00:00Z");
    private static final ReporterRetentionProperties THREE_YEARS =
            new ReporterRetentionProperties(Duration.ofDays(1095), Duration.ofHours(1), 2);

    static TestMongo store;
    static MongoClient client;

    private MongoCollection<Document> clues;
    private MongoCollection<Document> reporters;
    private AuditTrail audit;
    private ReporterErasure erasure;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        client = MongoClients.create(store.uri("reporters"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        MongoDatabase database =
                client.getDatabase("reporters-" + UUID.randomUUID().toString().substring(0, 8));
        clues = database.getCollection("clues");
        reporters = database.getCollection(ClueReporters.COLLECTION);
        audit = new AuditTrail(database);
        erasure = new ReporterErasure(clues, reporters, audit, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void onlyReportersOfCluesWhoseOutcomeIsPastTheRetentionAreErasedEachAudited() {
        clue(
                "dismissed-long-ago",
                "DISMISSED",
                step("ASSIGNED", "2025-01-10T00:00:00Z"),
                step("DISMISSED", "2026-05-01T00:00:00Z"));
        clue("case-opened-long-ago", "CASE_OPENED", step("CASE_OPENED", "2026-02-01T00:00:00Z"));
        clue(
                "referred-recently",
                "REFERRAL_ACCEPTED",
                step("REFERRED", "2027-01-01T00:00:00Z"),
                step("REFERRAL_ACCEPTED", "2027-02-01T00:00:00Z"));
        clue("still-open", "ASSIGNED", step("ASSIGNED", "2025-01-01T00:00:00Z"));
        clue(
                "outcome-after-an-old-assignment",
                "DISMISSED",
                step("ASSIGNED", "2025-01-01T00:00:00Z"),
                step("DISMISSED", "2027-03-01T00:00:00Z"));

        long erased =
                new ReporterRetention(erasure, THREE_YEARS, Clock.fixed(NOW, ZoneOffset.UTC)).erasePastRetention();

        assertThat(erased).isEqualTo(2);
        assertThat(reporters.find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("referred-recently", "still-open", "outcome-after-an-old-assignment");
        Document gone = clues.find(new Document("_id", "dismissed-long-ago")).first();
        assertThat(gone.getBoolean("reporterOnFile")).isFalse();
        assertThat(erasure.erasedAt("dismissed-long-ago")).isEqualTo(NOW);
        assertThat(erasure.erasedAt("still-open")).isNull();

        List<ChainedEntry> entries =
                audit.search(new AuditQuery(null, null, null, null, AuditAction.ERASURE, null), 0, 10);
        assertThat(entries)
                .extracting(e -> e.entry().target().id())
                .containsExactlyInAnyOrder("dismissed-long-ago", "case-opened-long-ago");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.entry().target().kind()).isEqualTo("clue-reporter");
            assertThat(e.entry().target().owner()).isEqualTo("FORESTRY");
            assertThat(e.entry().actor().subject()).isEqualTo("system");
        });
        assertThat(audit.verify().intact()).isTrue();

        assertThat(new ReporterRetention(erasure, THREE_YEARS, Clock.fixed(NOW, ZoneOffset.UTC)).erasePastRetention())
                .as("a second pass finds nothing more")
                .isZero();
    }

    private void clue(String id, String status, Document... steps) {
        clues.insertOne(new Document("_id", id)
                .append("agency", "FORESTRY")
                .append("region", "220112")
                .append("status", status)
                .append("reporterOnFile", true)
                .append("steps", List.of(steps)));
        reporters.insertOne(new Document("_id", id)
                .append("anonymous", false)
                .append("name", "enc:v1:SM4_GCM:k1:sealed")
                .append("recordedBy", "forestry-officer")
                .append("recordedAt", Date.from(Instant.parse("2025-01-01T00:00:00Z"))));
    }

    private static Document step(String status, String at) {
        return new Document("status", status).append("at", Date.from(Instant.parse(at)));
    }
}
