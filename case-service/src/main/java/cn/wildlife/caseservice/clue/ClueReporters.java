package cn.wildlife.caseservice.clue;

import cn.wildlife.support.crypto.FieldCipher;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who reported a clue (举报人), kept apart from the clue in {@code clue_reporters}: nothing that reads, searches,
 * publishes or logs clues can touch it by accident. Only the receiving agency's handlers read it, one audited read
 * at a time. The identity (name, phone, ID number, contact) is sealed at rest ({@link FieldCipher}, contexts
 * {@code clue_reporters.<field>}); a value stored before sealing reads as it is until a re-sealing run seals it.
 */
@Component
public class ClueReporters {

    /** The reporter as the receiving agency recorded them. */
    public record Reporter(
            boolean anonymous,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String idNumber,
            @Nullable String contact,
            boolean rewardRequested,
            String recordedBy,
            Instant recordedAt) {

        /** Never printed whole, should it ever reach a log or a debugger. */
        @Override
        public String toString() {
            return "Reporter[anonymous=" + anonymous + ", identity withheld]";
        }
    }

    /** The collection and its sealed fields, for the re-sealing run ({@code ClueConfiguration}). */
    static final String COLLECTION = "clue_reporters";

    static final List<String> SEALED_FIELDS = List.of("name", "phone", "idNumber", "contact");

    private final MongoCollection<Document> reporters;
    private final FieldCipher cipher;

    public ClueReporters(MongoDatabase database, FieldCipher cipher) {
        this.reporters = database.getCollection(COLLECTION);
        this.cipher = cipher;
    }

    MongoCollection<Document> collection() {
        return reporters;
    }

    void save(String clueId, Reporter r) {
        reporters.replaceOne(
                Filters.eq("_id", clueId),
                new Document("_id", clueId)
                        .append("anonymous", r.anonymous())
                        .append("name", seal(r.name(), "name"))
                        .append("phone", seal(r.phone(), "phone"))
                        .append("idNumber", seal(r.idNumber(), "idNumber"))
                        .append("contact", seal(r.contact(), "contact"))
                        .append("rewardRequested", r.rewardRequested())
                        .append("recordedBy", r.recordedBy())
                        .append("recordedAt", Date.from(r.recordedAt())),
                new ReplaceOptions().upsert(true));
    }

    Optional<Reporter> find(String clueId) {
        return Optional.ofNullable(reporters.find(Filters.eq("_id", clueId)).first())
                .map(d -> new Reporter(
                        d.getBoolean("anonymous", false),
                        open(d, "name"),
                        open(d, "phone"),
                        open(d, "idNumber"),
                        open(d, "contact"),
                        d.getBoolean("rewardRequested", false),
                        d.getString("recordedBy"),
                        d.getDate("recordedAt").toInstant()));
    }

    private @Nullable String seal(@Nullable String value, String field) {
        return cipher.sealNullable(value, COLLECTION + "." + field);
    }

    private @Nullable String open(Document d, String field) {
        return cipher.openStored(d.getString(field), COLLECTION + "." + field);
    }
}
