package cn.wildlife.caseservice.species;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.species.SpeciesCatalogueChanged;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * An administrator's species import: recorded together with its announcements on {@code platform.species} in one
 * document write ({@code speciesImports}), then applied to the catalogue. The catalogue is many documents and the
 * store has no transactions, so an import recorded but not applied (a crash in between) is applied at the next start:
 * what was announced is what the catalogue holds.
 */
@Service
public class SpeciesImports {

    public static final String COLLECTION = "speciesImports";
    /** One event carries at most this many species, so that an import of a whole national list fits Kafka's limit. */
    static final int SPECIES_PER_EVENT = 500;

    private final MongoCollection<Document> imports;
    private final SpeciesCatalogue catalogue;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public SpeciesImports(
            MongoDatabase database, SpeciesCatalogue catalogue, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.imports = database.getCollection(COLLECTION);
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        imports.createIndex(com.mongodb.client.model.Indexes.ascending("applied"));
        for (Document unapplied : imports.find(Filters.eq("applied", false))) {
            apply(unapplied);
        }
    }

    /** Records the import with its events, applies it, and answers how many species the catalogue now holds. */
    public int record(List<Species> species, String by) {
        if (species.isEmpty()) {
            return catalogue.size();
        }
        Instant at = clock.instant();
        Set<String> codes = new HashSet<>(catalogue.codes());
        species.forEach(s -> codes.add(s.code()));
        List<Document> events = new ArrayList<>();
        for (int from = 0; from < species.size(); from += SPECIES_PER_EVENT) {
            List<SpeciesCatalogueChanged.Species> part =
                    species.subList(from, Math.min(species.size(), from + SPECIES_PER_EVENT)).stream()
                            .map(s -> new SpeciesCatalogueChanged.Species(
                                    s.code(), s.nameZh(), s.latinName(), s.protectionLevel(), s.citesAppendix()))
                            .toList();
            events.add(outbox.entry(
                    Topics.PLATFORM_SPECIES,
                    Envelope.of(
                            CaseServiceApplication.EVENT_SOURCE,
                            null,
                            null,
                            new SpeciesCatalogueChanged(at, by, part, codes.size()))));
        }
        Document doc = new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(at))
                .append("by", by)
                .append(
                        "species",
                        species.stream().map(SpeciesCatalogue::asDocument).toList())
                .append("applied", false);
        doc.putAll(outbox.newDocumentFields(events));
        imports.insertOne(doc);
        relay.wake();
        apply(doc);
        return catalogue.size();
    }

    private void apply(Document recorded) {
        catalogue.save(recorded.getList("species", Document.class, List.of()).stream()
                .map(SpeciesCatalogue::fromDocument)
                .toList());
        imports.updateOne(Filters.eq("_id", recorded.get("_id")), Updates.set("applied", true));
    }
}
