package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.link.Identifiers;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.crypto.BlindIndex;
import cn.wildlife.support.crypto.CollectionWalk;
import cn.wildlife.support.crypto.FieldCipher;
import cn.wildlife.support.crypto.RotationStep;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>The reporter's phone and ID number are also kept as blind index keys ({@value #INDEX_FIELD}: HMAC-SM3 under the
 * index key, purpose {@code reporter.<type>}, apart from the suspects' link index so that the two cannot be joined),
 * so that one person's lawful export finds their reports without opening any other reporter's identity.
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

    static final String INDEX_FIELD = "index";

    private final MongoCollection<Document> reporters;
    private final FieldCipher cipher;
    private final BlindIndex index;

    public ClueReporters(MongoDatabase database, FieldCipher cipher, BlindIndex index) {
        this.reporters = database.getCollection(COLLECTION);
        this.cipher = cipher;
        this.index = index;
        reporters.createIndex(Indexes.ascending(INDEX_FIELD));
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
                        .append("recordedAt", Date.from(r.recordedAt()))
                        .append(INDEX_FIELD, indexKeys(r.phone(), r.idNumber())),
                new ReplaceOptions().upsert(true));
    }

    /** The clues whose reporter has this phone or ID number, by the blind index alone: nothing is opened. */
    public List<String> clueIdsReportedBy(Identifier person) {
        if (!Identifiers.valid(person)) {
            return List.of();
        }
        return reporters
                .find(Filters.eq(INDEX_FIELD, indexKey(person)))
                .projection(Projections.include("_id"))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    public Optional<Reporter> find(String clueId) {
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

    /**
     * A re-sealing run's step giving the reporters stored before the blind index their index keys: each document
     * without them is opened once, by the run, never by a request.
     */
    RotationStep indexStep() {
        return new CollectionWalk(
                COLLECTION + ":" + INDEX_FIELD, reporters, Filters.exists(INDEX_FIELD, false), null, d -> {
                    long set = reporters
                            .updateOne(
                                    Filters.and(Filters.eq("_id", d.get("_id")), Filters.exists(INDEX_FIELD, false)),
                                    Updates.set(INDEX_FIELD, indexKeys(open(d, "phone"), open(d, "idNumber"))))
                            .getModifiedCount();
                    return set > 0 ? CollectionWalk.Outcome.CHANGED : CollectionWalk.Outcome.UNCHANGED;
                });
    }

    private List<String> indexKeys(@Nullable String phone, @Nullable String idNumber) {
        List<String> keys = new ArrayList<>();
        for (Identifier id : List.of(
                new Identifier(IdentifierType.PHONE, phone == null ? "" : phone),
                new Identifier(IdentifierType.ID_NUMBER, idNumber == null ? "" : idNumber))) {
            if (!id.value().isEmpty() && Identifiers.valid(id)) {
                keys.add(indexKey(id));
            }
        }
        return keys;
    }

    private String indexKey(Identifier id) {
        return id.type().name() + ":" + index.of("reporter." + id.type().name(), Identifiers.normalised(id));
    }

    private @Nullable String seal(@Nullable String value, String field) {
        return cipher.sealNullable(value, COLLECTION + "." + field);
    }

    private @Nullable String open(Document d, String field) {
        return cipher.openStored(d.getString(field), COLLECTION + "." + field);
    }
}
