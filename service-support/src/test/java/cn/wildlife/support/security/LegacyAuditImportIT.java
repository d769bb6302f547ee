package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditQuery;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.audit.AuditView;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upgrading keeps the reads the unchained audit collection of earlier versions held. */
class LegacyAuditImportIT {

    static TestMongo store;
    static MongoClient client;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        client = MongoClients.create(store.uri("legacy-audit"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @Test
    void earlierReadsAreChainedOnceOldestFirstAndKept() {
        MongoDatabase database = client.getDatabase("legacy-audit");
        database.getCollection(LegacyAuditImport.LEGACY)
                .insertMany(List.of(
                        read("2026-03-02T08:00:00Z", "case-1", "OVERSIGHT"),
                        read("2026-03-01T08:00:00Z", "clue-1", "OWN_AGENCY")));
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);

        AuditTrail trail = new AuditLog(database, clock).trail();
        new AuditLog(database, clock);

        List<AuditView> chained = trail.search(new AuditQuery(null, null, null, null, null, null), 0, 10).stream()
                .map(AuditView::of)
                .toList();
        assertThat(chained)
                .extracting(AuditView::recordId, AuditView::action)
                .containsExactly(
                        tuple("case-1", AuditAction.CROSS_AGENCY_READ), tuple("clue-1", AuditAction.PERSONAL_READ));
        assertThat(trail.verify().intact()).isTrue();
        assertThat(database.getCollection(LegacyAuditImport.IMPORTED).countDocuments())
                .isEqualTo(2);
        assertThat(database.getCollection(LegacyAuditImport.LEGACY).countDocuments())
                .isZero();
        assertThat(database.getCollection(LegacyAuditImport.CLAIMED).countDocuments())
                .isZero();
    }

    private static Document read(String at, String recordId, String grant) {
        return new Document("at", Date.from(Instant.parse(at)))
                .append("subject", "officer-" + recordId)
                .append("name", "林草执法员")
                .append("agency", "MARKET_SUPERVISION")
                .append("region", "220112")
                .append("kind", recordId.startsWith("case") ? "cases" : "clues")
                .append("recordId", recordId)
                .append("owner", "FORESTRY_GRASSLAND")
                .append("grant", grant);
    }
}
