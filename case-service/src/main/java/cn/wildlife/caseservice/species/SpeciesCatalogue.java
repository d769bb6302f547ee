package cn.wildlife.caseservice.species;

import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The species catalogue ({@code species} collection). Ships a starter catalogue, inserted only where a code is not
 * there yet so that an administrator's import is never overwritten by a restart. Every reader goes through the
 * in-memory copy: a case with thirty species lines is checked without thirty queries.
 */
@Component
public class SpeciesCatalogue {

    private final MongoCollection<Document> collection;
    private final Map<String, Species> byCode = new ConcurrentHashMap<>();
    private final Texts texts;

    public SpeciesCatalogue(MongoDatabase database, ObjectMapper json, Texts texts) throws IOException {
        this.collection = database.getCollection("species");
        try (InputStream in = SpeciesCatalogue.class.getResourceAsStream("/species/starter-catalogue.json")) {
            JsonNode root = json.readTree(in);
            for (JsonNode node : root.get("species")) {
                Species s = new Species(
                        node.get("code").asString(),
                        node.get("nameZh").asString(),
                        node.get("latinName").asString(),
                        node.get("taxonClass").asString(),
                        ProtectionLevel.valueOf(node.get("protectionLevel").asString()),
                        node.path("citesAppendix").isNull()
                                        || node.path("citesAppendix").isMissingNode()
                                ? null
                                : node.get("citesAppendix").asString(),
                        QuantityUnit.valueOf(node.get("unit").asString()));
                MongoSupport.insertIfAbsent(collection, asDocument(s));
            }
        }
        reload();
        this.texts = texts;
    }

    private void reload() {
        Map<String, Species> fresh = new java.util.HashMap<>();
        collection.find().forEach(doc -> {
            Species s = fromDocument(doc);
            fresh.put(s.code(), s);
        });
        byCode.putAll(fresh);
        byCode.keySet().retainAll(fresh.keySet());
    }

    public Optional<Species> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All species, by protection level then code; optionally only one level or names containing {@code text}. */
    public List<Species> list(ProtectionLevel level, String text) {
        return byCode.values().stream()
                .filter(s -> level == null || s.protectionLevel() == level)
                .filter(s -> text == null
                        || s.nameZh().contains(text)
                        || s.latinName().toLowerCase().contains(text.toLowerCase())
                        || s.code().contains(text.toLowerCase()))
                .sorted(Comparator.comparing(Species::protectionLevel).thenComparing(Species::code))
                .toList();
    }

    /** One error per unknown code, naming the field it came from: an unknown species is never a silent entry. */
    public List<FieldError> unknown(String field, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!byCode.containsKey(codes.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", texts.get("species.unknown"), codes.get(i)));
            }
        }
        return errors;
    }

    /** Stores the species (new or corrected) and makes them visible to every reader at once. */
    public void save(List<Species> species) {
        for (Species s : species) {
            collection.replaceOne(Filters.eq("_id", s.code()), asDocument(s), new ReplaceOptions().upsert(true));
        }
        reload();
    }

    public java.util.Set<String> codes() {
        return java.util.Set.copyOf(byCode.keySet());
    }

    public int size() {
        return byCode.size();
    }

    static Document asDocument(Species s) {
        return new Document("_id", s.code())
                .append("nameZh", s.nameZh())
                .append("latinName", s.latinName())
                .append("taxonClass", s.taxonClass())
                .append("protectionLevel", s.protectionLevel().name())
                .append("citesAppendix", s.citesAppendix())
                .append("unit", s.unit().name());
    }

    static Species fromDocument(Document d) {
        return new Species(
                d.getString("_id"),
                d.getString("nameZh"),
                d.getString("latinName"),
                d.getString("taxonClass"),
                ProtectionLevel.valueOf(d.getString("protectionLevel")),
                d.getString("citesAppendix"),
                QuantityUnit.valueOf(d.getString("unit")));
    }
}
