package cn.wildlife.support.kafka;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;

/**
 * Offsets committed, and outbox events relayed, only after the store holds what they cover. A consumer commits once per polled batch; before each
 * commit the store is asked to flush ({@code fsync}), and a flush that fails fails the commit, so the batch is read
 * again rather than skipped. Without it a process killed within the development store's 100 ms of auto-commit lost
 * a clue whose offset was already committed.
 */
public final class DurableCommits {

    private DurableCommits() {}

    /** MongoDB's {@code fsync} admin command, answered by the development store with a commit of its file. */
    public static Runnable fsync(MongoClient client) {
        Document command = new Document("fsync", 1);
        return () -> client.getDatabase("admin").runCommand(command);
    }

    /** {@code consumer}, running {@code flush} before every offset commit. */
    static <K, V> Consumer<K, V> flushingFirst(Consumer<K, V> consumer, Runnable flush) {
        return BeforeCommit.wrap(consumer, flush);
    }
}
