package cn.wildlife.inspection.species;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.species.SpeciesCatalogueChanged;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import cn.wildlife.support.web.FieldError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The species codes facilities, ledgers and findings may name. case-service owns the catalogue; this service reads
 * the same starter file (copied in at build time, see the pom) rather than case-service's database, which no other
 * service may read. Species an administrator imports into case-service later arrive as case-service's
 * {@code species.catalogue-changed} events and are kept here ({@code speciesCodes}). Only one instance of this
 * service receives each event, so a code not in memory is looked up in the store before it is called unknown.
 */
@Component
public class SpeciesCodes {

    private final Map<String, String> nameByCode = new ConcurrentHashMap<>();
    private final Map<String, String> codeByName = new ConcurrentHashMap<>();
    private final MongoCollection<Document> imported;

    public SpeciesCodes(ObjectMapper json, MongoDatabase database) {
        this.imported = database.getCollection("speciesCodes");
        try (InputStream in = SpeciesCodes.class.getResourceAsStream("/species/starter-catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("species/starter-catalogue.json is missing from the classpath");
            }
            JsonNode root = json.readTree(in);
            for (JsonNode node : root.get("species")) {
                nameByCode.put(node.get("code").asString(), node.get("nameZh").asString());
                codeByName.put(node.get("nameZh").asString(), node.get("code").asString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Document d : imported.find()) {
            remember(d.getString("_id"), d.getString("nameZh"));
        }
    }

    @KafkaListener(
            id = "inspection-species",
            topics = Topics.PLATFORM_SPECIES,
            containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
    void onCatalogueChange(Envelope<?> event) {
        if (event.data() instanceof SpeciesCatalogueChanged change) {
            apply(change);
        }
    }

    /** Keeps the species case-service imported; the same event applied again writes the same documents. */
    public void apply(SpeciesCatalogueChanged change) {
        for (SpeciesCatalogueChanged.Species s : change.species()) {
            imported.replaceOne(
                    Filters.eq("_id", s.code()),
                    new Document("_id", s.code())
                            .append("nameZh", s.nameZh())
                            .append("latinName", s.latinName())
                            .append("protectionLevel", s.protectionLevel().name()),
                    new ReplaceOptions().upsert(true));
            remember(s.code(), s.nameZh());
        }
    }

    private void remember(String code, String nameZh) {
        String before = nameByCode.put(code, nameZh);
        if (before != null && !before.equals(nameZh)) {
            codeByName.remove(before, code);
        }
        codeByName.put(nameZh, code);
    }

    public boolean known(String code) {
        return nameByCode.containsKey(code) || lookUp(Filters.eq("_id", code));
    }

    /** Another instance may have received an import this one has not seen: the store has every code. */
    private boolean lookUp(org.bson.conversions.Bson filter) {
        Document d = imported.find(filter).first();
        if (d == null) {
            return false;
        }
        remember(d.getString("_id"), d.getString("nameZh"));
        return true;
    }

    public Optional<String> name(String code) {
        return known(code) ? Optional.ofNullable(nameByCode.get(code)) : Optional.empty();
    }

    /** A code as written in an agency's spreadsheet: the code itself or the catalogue's Chinese name. */
    public Optional<String> resolve(String codeOrName) {
        String v = codeOrName.trim();
        if (known(v)) {
            return Optional.of(v);
        }
        if (!codeByName.containsKey(v)) {
            lookUp(Filters.eq("nameZh", v));
        }
        return Optional.ofNullable(codeByName.get(v));
    }

    /** One error per unknown code, naming the field it came from. */
    public List<FieldError> unknown(String field, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known(codes.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown species code", codes.get(i)));
            }
        }
        return errors;
    }
}
