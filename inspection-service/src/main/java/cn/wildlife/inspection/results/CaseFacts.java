package cn.wildlife.inspection.results;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.inspection.RecordDocuments;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The cases of joint operations as case-service announces them on {@code platform.cases}: the latest state of each
 * case tagged with an operation, or tagged once and since untagged ({@code caseFacts}), what the results tables
 * count (and what each case last added to the {@link ResultsLedger}'s tallies). A case event carries the whole case,
 * so keeping the newest version is enough: an older or repeated event (redelivery, another partition's replay)
 * changes nothing.
 */
@Component
public class CaseFacts {

    private final MongoCollection<Document> facts;
    private final RecordDocuments documents;
    private final ResultsLedger ledger;

    public CaseFacts(MongoDatabase database, RecordDocuments documents, ResultsLedger ledger) {
        this.facts = database.getCollection("caseFacts");
        this.documents = documents;
        this.ledger = ledger;
        facts.createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("openedAtMillis")));
    }

    // Started once the results tallies exist (ResultsLedgerBuilder): a build would wipe what it counted before.
    @KafkaListener(
            id = ResultsLedgerBuilder.CASES_LISTENER,
            autoStartup = "false",
            topics = Topics.PLATFORM_CASES,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onCase(ConsumerRecord<String, Envelope<?>> record) {
        if (record.value().data() instanceof CaseChanged change) {
            apply(change, ResultsLedger.Position.of(record));
        }
    }

    /**
     * Keeps the change if it is newer than what is stored, after moving the case's part in the results tallies; a
     * case leaving an operation is kept, untagged.
     */
    public void apply(CaseChanged change, ResultsLedger.Position at) {
        // A first version that names no operation counts nowhere: most cases, spared a read and a write. A later one
        // is kept only where an earlier version counted (its part moves out, and an older event arriving late then
        // finds the newer version). inspection-service keeps no other agency's cases than its operations'.
        if (change.operationId() == null && change.version() <= 1) {
            return;
        }
        Document stored = facts.find(Filters.eq("_id", change.caseId()))
                .projection(RecordParts.CASE_FIELDS)
                .first();
        if (stored != null && ((Number) stored.get("version")).longValue() >= change.version()) {
            return;
        }
        if (stored == null && change.operationId() == null) {
            return;
        }
        ledger.move(stored == null ? null : RecordParts.ofCaseFact(stored), RecordParts.ofCase(change), at);
        // Epoch milliseconds beside the ISO text: text with and without fractions of a second does not sort as time.
        Document doc = documents
                .toDocument(change, change.caseId())
                .append("openedAtMillis", change.openedAt().toEpochMilli());
        try {
            // Replace only an older version; when the stored one is as new or newer, the upsert's insert collides
            // with it on _id, which is exactly "already applied".
            facts.replaceOne(
                    Filters.and(Filters.eq("_id", change.caseId()), Filters.lt("version", change.version())),
                    doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoSupport.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** Cases of an operation in a region subtree opened within [from, to). */
    public List<CaseChanged> of(String operationId, String regionPrefix, Instant from, Instant to) {
        return facts.find(Filters.and(
                        Filters.eq("operationId", operationId),
                        Regions.within("region", regionPrefix),
                        Filters.gte("openedAtMillis", from.toEpochMilli()),
                        Filters.lt("openedAtMillis", to.toEpochMilli())))
                .sort(Sorts.ascending("_id"))
                .map(d -> documents.fromDocument(d, CaseChanged.class))
                .into(new ArrayList<>());
    }
}
