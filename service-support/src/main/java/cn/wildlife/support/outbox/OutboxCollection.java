package cn.wildlife.support.outbox;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Declares a collection whose documents carry an outbox; every such bean is watched by the relay. */
public record OutboxCollection(MongoCollection<Document> collection) {}
