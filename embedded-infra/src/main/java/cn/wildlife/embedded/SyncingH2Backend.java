package cn.wildlife.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend answering {@code fsync} with a commit of its file ({@link FsyncCommand}). */
final class SyncingH2Backend extends H2Backend {

    SyncingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (FsyncCommand.is(databaseName, command)) {
            return FsyncCommand.answer(query, this::commit);
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
