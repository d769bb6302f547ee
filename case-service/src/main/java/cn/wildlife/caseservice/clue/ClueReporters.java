package cn.wildlife.caseservice.clue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who reported a clue (举报人), kept apart from the clue in {@code clue_reporters}: nothing that reads, searches,
 * publishes or logs clues can touch it by accident. Only the receiving agency's handlers read it, one audited read
 * at a time.
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

    private final MongoCollection<Document> reporters;

    public ClueReporters(MongoDatabase database) {
        this.reporters = database.getCollection("clue_reporters");
    }

    void save(String clueId, Reporter r) {
        reporters.replaceOne(
                Filters.eq("_id", clueId),
                new Document("_id", clueId)
                        .append("anonymous", r.anonymous())
                        .append("name", r.name())
                        .append("phone", r.phone())
                        .append("idNumber", r.idNumber())
                        .append("contact", r.contact())
                        .append("rewardRequested", r.rewardRequested())
                        .append("recordedBy", r.recordedBy())
                        .append("recordedAt", Date.from(r.recordedAt())),
                new ReplaceOptions().upsert(true));
    }

    Optional<Reporter> find(String clueId) {
        return Optional.ofNullable(reporters.find(Filters.eq("_id", clueId)).first())
                .map(d -> new Reporter(
                        d.getBoolean("anonymous", false),
                        d.getString("name"),
                        d.getString("phone"),
                        d.getString("idNumber"),
                        d.getString("contact"),
                        d.getBoolean("rewardRequested", false),
                        d.getString("recordedBy"),
                        d.getDate("recordedAt").toInstant()));
    }
}
