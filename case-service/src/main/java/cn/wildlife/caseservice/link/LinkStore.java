package cn.wildlife.caseservice.link;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code identifiers} index (blind index keys only) and the {@code links} found, each link with its event inside;
 * apart from {@link Linking} so that the outbox relay can read links without needing the relay itself.
 */
@Component
public class LinkStore {

    final MongoCollection<Document> identifiers;
    final MongoCollection<Document> links;

    public LinkStore(MongoDatabase database) {
        this.identifiers = database.getCollection("identifiers");
        this.links = database.getCollection("links");
        links.createIndex(Indexes.ascending("records.id"));
        links.createIndex(Indexes.compoundIndex(Indexes.ascending("agencies"), Indexes.descending("foundAt")));
    }
}
