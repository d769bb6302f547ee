package cn.wildlife.support.kafka;

import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Records a consumer could neither apply nor dead-letter (their dead letter too large even without its payload, or
 * the dead-letter topic unwritable for longer than {@code platform.consumer.dead-letter-timeout}): where they were,
 * how large, why, and the SHA-256 of the payload, never the payload itself, so that an operator can ask the sender
 * for the event again and check it is the same one. Kept in the service's own database, the newest
 * {@code platform.consumer.quarantine-size} entries; an entry is written before the record's offset is committed.
 */
public final class Quarantine {

    public static final String COLLECTION = "kafkaQuarantine";
    /** Counts records quarantined, by topic. */
    public static final String METER = "wildlife.kafka.quarantined";

    /** A key longer than this is stored cut short (a legitimate key is an aggregate id, far shorter). */
    static final int MAX_KEY_CHARS = 200;

    /**
     * One quarantined record.
     *
     * @param id           {@code <group>|<topic>-<partition>@<offset>}: the same record quarantined again after a
     *                     redelivery is one entry
     * @param keyBytes     the record's serialized key size ({@code -1}: no key)
     * @param valueBytes   the record's serialized value size ({@code -1}: no value)
     * @param headers      how many headers it had
     * @param sha256       the payload's SHA-256 in hex ({@code null}: no payload)
     * @param reason       why the record was refused
     * @param deadLetterFailure why its dead letter could not be written
     */
    public record Entry(
            String id,
            @Nullable String group,
            String topic,
            int partition,
            long offset,
            @Nullable String key,
            int keyBytes,
            int valueBytes,
            int headers,
            @Nullable String sha256,
            String reason,
            String deadLetterFailure,
            Instant at) {}

    private final MongoCollection<Document> entries;
    private final int maxEntries;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile boolean indexed;

    Quarantine(MongoDatabase database, int maxEntries, MeterRegistry meters, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("platform.consumer.quarantine-size must be at least 1");
        }
        this.entries = database.getCollection(COLLECTION);
        this.maxEntries = maxEntries;
        this.meters = meters;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Writes the entry (durably: the caller commits the record's offset next) and drops the oldest beyond the bound.
     * Throws when the store does not answer; the caller waits for it, as for any write of a consumer.
     */
    void put(Entry entry) {
        if (!indexed) {
            // Created on first use, not at start: a service must start while its store is still coming up.
            entries.createIndex(Indexes.ascending("at"));
            indexed = true;
        }
        boolean added = MongoSupport.insertIfAbsent(
                entries,
                new Document("_id", entry.id())
                        .append("group", entry.group())
                        .append("topic", entry.topic())
                        .append("partition", entry.partition())
                        .append("offset", entry.offset())
                        .append("key", entry.key())
                        .append("keyBytes", entry.keyBytes())
                        .append("valueBytes", entry.valueBytes())
                        .append("headers", entry.headers())
                        .append("sha256", entry.sha256())
                        .append("reason", entry.reason())
                        .append("deadLetterFailure", entry.deadLetterFailure())
                        .append("at", Date.from(entry.at())));
        if (added) {
            Counter.builder(METER)
                    .description(
                            "Records neither applied nor dead-lettered, kept as an entry without " + "their payload")
                    .tag("topic", entry.topic())
                    .register(meters)
                    .increment();
            trim();
        }
    }

    private void trim() {
        long excess = entries.countDocuments() - maxEntries;
        if (excess <= 0) {
            return;
        }
        List<Object> oldest = new ArrayList<>();
        entries.find()
                .sort(Sorts.ascending("at", "_id"))
                .limit((int) Math.min(excess, 10_000))
                .projection(Projections.include("_id"))
                .forEach(d -> oldest.add(d.get("_id")));
        entries.deleteMany(Filters.in("_id", oldest));
    }

    /** The newest entries first. */
    public List<Entry> newest(int page, int size) {
        List<Entry> found = new ArrayList<>();
        entries.find()
                .sort(Sorts.descending("at", "_id"))
                .skip(page * size)
                .limit(size)
                .forEach(d -> found.add(new Entry(
                        d.getString("_id"),
                        d.getString("group"),
                        d.getString("topic"),
                        d.getInteger("partition"),
                        ((Number) d.get("offset")).longValue(),
                        d.getString("key"),
                        d.getInteger("keyBytes"),
                        d.getInteger("valueBytes"),
                        d.getInteger("headers"),
                        d.getString("sha256"),
                        d.getString("reason"),
                        d.getString("deadLetterFailure"),
                        d.getDate("at").toInstant())));
        return found;
    }
}
