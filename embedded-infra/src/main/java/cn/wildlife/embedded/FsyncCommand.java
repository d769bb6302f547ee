package cn.wildlife.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;

/**
 * MongoDB's {@code fsync} admin command ("flush all pending writes to storage"), which mongo-java-server does not
 * know: services send it before they commit Kafka offsets, so that an offset never covers a write still in memory.
 * The write lock {@code fsync} can also take (for a backup) is not offered.
 */
final class FsyncCommand {

    private FsyncCommand() {}

    static boolean is(String databaseName, String command) {
        return "admin".equals(databaseName) && command.equalsIgnoreCase("fsync");
    }

    /** Runs {@code flush} and answers as MongoDB does; refuses the lock. */
    static Document answer(Document query, Runnable flush) {
        if (Boolean.TRUE.equals(query.get("lock")) || Integer.valueOf(1).equals(query.get("lock"))) {
            throw new MongoServerException("fsync with lock is not supported by the development store");
        }
        flush.run();
        Document response = new Document("numFiles", 1);
        response.put("ok", 1.0);
        return response;
    }
}
