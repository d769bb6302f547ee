package cn.wildlife.support.kafka;

import com.mongodb.client.MongoClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;

/**
 * Offsets committed only after the store holds what they cover. A consumer commits once per polled batch; before each
 * commit the store is asked to flush ({@code fsync}), and a flush that fails fails the commit, so the batch is read
 * again rather than skipped. Without it a process killed within the development store's 100 ms of auto-commit lost
 * a clue whose offset was already committed.
 */
final class DurableCommits {

    private DurableCommits() {}

    /** MongoDB's {@code fsync} admin command, answered by the development store with a commit of its file. */
    static Runnable fsync(MongoClient client) {
        Document command = new Document("fsync", 1);
        return () -> client.getDatabase("admin").runCommand(command);
    }

    /** {@code consumer}, running {@code flush} before every offset commit. */
    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> flushingFirst(Consumer<K, V> consumer, Runnable flush) {
        return (Consumer<K, V>) Proxy.newProxyInstance(
                DurableCommits.class.getClassLoader(), new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync")
                            || method.getName().equals("commitAsync")) {
                        flush.run();
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
