package cn.wildlife.inspection.results;

import cn.wildlife.events.Agency;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.support.mongo.Regions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The clues of joint operations as case-service announces them on {@code platform.clues} ({@code clueFacts}), what the
 * results tables count. A clue referred on to another agency is recorded again by that agency with
 * {@code referredFrom}: the same report, counted once, where it was first received.
 */
@Component
public class ClueFacts {

    private final MongoCollection<Document> facts;

    private final ResultsLedger ledger;

    public ClueFacts(MongoDatabase database, ResultsLedger ledger) {
        this.facts = database.getCollection("clueFacts");
        this.ledger = ledger;
        facts.createIndex(
                Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("receivedAtMillis")));
    }

    /** A clue of an operation as counted: who received it, where and when. */
    public record Fact(String clueId, Agency agency, String region, Instant receivedAt) {}

    /**
     * Keeps a recorded clue that names an operation, after moving its part in the results tallies; the same clue
     * announced again replaces it with itself and moves nothing.
     */
    public void apply(ClueRecorded clue, ResultsLedger.Position at) {
        if (clue.operationId() == null || clue.referredFrom() != null) {
            return;
        }
        Document stored = facts.find(Filters.eq("_id", clue.clueId())).first();
        ledger.move(
                stored == null
                        ? null
                        : RecordParts.ofClue(
                                stored.getString("operationId"),
                                clue.clueId(),
                                stored.getString("region"),
                                Instant.ofEpochMilli(((Number) stored.get("receivedAtMillis")).longValue())),
                RecordParts.ofClue(clue.operationId(), clue.clueId(), clue.region(), clue.receivedAt()),
                at);
        facts.replaceOne(
                Filters.eq("_id", clue.clueId()),
                new Document("_id", clue.clueId())
                        .append("operationId", clue.operationId())
                        .append("agency", clue.agency().name())
                        .append("region", clue.region())
                        // Epoch milliseconds: ISO text with and without fractions of a second does not sort as time.
                        .append("receivedAtMillis", clue.receivedAt().toEpochMilli()),
                new ReplaceOptions().upsert(true));
    }

    /** Clues of an operation in a region subtree received within [from, to). */
    public List<Fact> of(String operationId, String regionPrefix, Instant from, Instant to) {
        return facts.find(Filters.and(
                        Filters.eq("operationId", operationId),
                        Regions.within("region", regionPrefix),
                        Filters.gte("receivedAtMillis", from.toEpochMilli()),
                        Filters.lt("receivedAtMillis", to.toEpochMilli())))
                .sort(Sorts.ascending("_id"))
                .map(d -> new Fact(
                        d.getString("_id"),
                        Agency.valueOf(d.getString("agency")),
                        d.getString("region"),
                        Instant.ofEpochMilli(((Number) d.get("receivedAtMillis")).longValue())))
                .into(new ArrayList<>());
    }
}
