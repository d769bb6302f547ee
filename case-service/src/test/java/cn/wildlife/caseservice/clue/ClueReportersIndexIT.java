package cn.wildlife.caseservice.clue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.caseservice.link.Identifiers;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.crypto.Algorithm;
import cn.wildlife.support.crypto.BlindIndex;
import cn.wildlife.support.crypto.DataKeys;
import cn.wildlife.support.crypto.EnvelopeFieldCipher;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.crypto.HmacSm3BlindIndex;
import cn.wildlife.testinfra.TestInfrastructure;
import cn.wildlife.testinfra.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reporter is found by their phone or ID number through a blind index of its own, and never in plain. */
class ClueReportersIndexIT {

    private static final String PHONE = "13912345678";
    private static final String ID_NUMBER = "22011219900101777X";

    static TestMongo store;
    static MongoClient client;

    private MongoDatabase database;
    private FieldCipher cipher;
    private BlindIndex index;
    private ClueReporters reporters;

    @BeforeAll
    static void start() {
        store = TestInfrastructure.mongo();
        client = MongoClients.create(store.uri("reporters-index"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase(
                "reporters-index-" + UUID.randomUUID().toString().substring(0, 8));
        cipher = new EnvelopeFieldCipher(
                new DataKeys(database, Algorithm.SM4_GCM, randomBytes(32), Duration.ofSeconds(10)));
        index = new HmacSm3BlindIndex(randomBytes(32));
        reporters = new ClueReporters(database, cipher, index);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static ClueReporters.Reporter reporter(String phone, String idNumber) {
        return new ClueReporters.Reporter(
                false, "王某", phone, idNumber, null, false, "forestry-officer", Instant.parse("2026-11-20T01:00:00Z"));
    }

    @Test
    void aReporterIsFoundByPhoneOrIdNumberHoweverWrittenAndNobodyElseIs() {
        reporters.save("C-1", reporter("+86 139-1234-5678", ID_NUMBER.toLowerCase()));
        reporters.save("C-2", reporter("13700000000", "220112198001010011"));

        assertThat(reporters.clueIdsReportedBy(new Identifier(IdentifierType.PHONE, PHONE)))
                .containsExactly("C-1");
        assertThat(reporters.clueIdsReportedBy(new Identifier(IdentifierType.ID_NUMBER, ID_NUMBER)))
                .containsExactly("C-1");
        assertThat(reporters.clueIdsReportedBy(new Identifier(IdentifierType.PHONE, "13800000000")))
                .isEmpty();
        assertThat(reporters.clueIdsReportedBy(new Identifier(IdentifierType.PHONE, "ring me")))
                .isEmpty();
    }

    @Test
    void theIndexHoldsNeitherTheValueNorTheSuspectsLinkIndexKey() {
        reporters.save("C-1", reporter(PHONE, ID_NUMBER));

        Document stored =
                database.getCollection(ClueReporters.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain(PHONE, ID_NUMBER, "王某");
        String linkKey = Identifiers.key(new Identifier(IdentifierType.PHONE, PHONE), index);
        assertThat(stored.getList(ClueReporters.INDEX_FIELD, String.class))
                .hasSize(2)
                .as("a reporter cannot be joined with the suspects' index: another purpose")
                .doesNotContain(linkKey);
    }

    @Test
    void reportersStoredBeforeTheIndexAreIndexedByTheResealingRunOnce() {
        database.getCollection(ClueReporters.COLLECTION)
                .insertOne(new Document("_id", "C-OLD")
                        .append("anonymous", false)
                        .append("name", cipher.seal("王某", "clue_reporters.name"))
                        .append("phone", cipher.seal(PHONE, "clue_reporters.phone"))
                        .append("idNumber", null)
                        .append("rewardRequested", false)
                        .append("recordedBy", "forestry-officer")
                        .append("recordedAt", new Date()));
        database.getCollection(ClueReporters.COLLECTION)
                .insertOne(new Document("_id", "C-PLAIN")
                        .append("anonymous", false)
                        .append("phone", PHONE)
                        .append("recordedBy", "forestry-officer")
                        .append("recordedAt", new Date()));
        Identifier phone = new Identifier(IdentifierType.PHONE, PHONE);
        assertThat(reporters.clueIdsReportedBy(phone)).isEmpty();

        var step = reporters.indexStep();
        assertThat(step.total()).isEqualTo(2);
        var batch = step.walk(null, 100);

        assertThat(batch.changed()).isEqualTo(2);
        assertThat(reporters.clueIdsReportedBy(phone)).containsExactlyInAnyOrder("C-OLD", "C-PLAIN");
        assertThat(step.total()).as("nothing left to index").isZero();
    }
}
