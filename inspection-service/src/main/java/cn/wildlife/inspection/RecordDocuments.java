package cn.wildlife.inspection;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores plain records as documents through their JSON form: dates become ISO strings, which sort and compare as
 * dates do, so range queries on them work. Used for the records that are written once and read whole (operations,
 * sorties, reports, case facts); the aggregates with conditional updates map their fields by hand.
 */
@Component
public class RecordDocuments {

    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private final ObjectMapper json;

    public RecordDocuments(ObjectMapper json) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The record's JSON form as a document stored under {@code id}. */
    public Document toDocument(Object record, String id) {
        return Document.parse(json.writeValueAsString(record)).append("_id", id);
    }

    /** The record again, without the store's own fields (id, outbox). */
    public <T> T fromDocument(Document doc, Class<T> type) {
        Document copy = new Document(doc);
        copy.remove("_id");
        copy.remove("_outbox");
        copy.remove("_outboxPending");
        return json.readValue(copy.toJson(RELAXED), type);
    }
}
