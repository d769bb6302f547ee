package cn.wildlife.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** mongo-java-server's in-memory backend answering {@code fsync} (nothing to flush) as the on-disk one does. */
final class SyncingMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (FsyncCommand.is(databaseName, command)) {
            return FsyncCommand.answer(query, () -> {});
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
