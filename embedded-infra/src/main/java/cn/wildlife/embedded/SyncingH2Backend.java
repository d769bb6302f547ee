package cn.wildlife.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose file is committed only between commands: every {@code commitEvery}
 * milliseconds, and at once on MongoDB's {@code fsync} ({@link FsyncCommand}), what a consumer waits for before it
 * commits Kafka offsets.
 *
 * <p>The store writes one document as several MVStore maps (the documents, each index); MVStore commits whatever the
 * maps hold at that moment, so its own background commit could land between a document and its {@code _id} index
 * entry. A process killed just then left a document its index did not know: the clue redelivered after the restart
 * failed to insert ("Document with key … already existed") and was lost (the whole-process kill test, one in 2,000).
 * The store's own commits are off, and a commit here waits until no writing command is in flight, so a command's
 * writes reach the file together or not at all. Commands that only read neither wait nor are waited for.
 */
final class SyncingH2Backend extends H2Backend {

    /** Commands that write nothing (lower case). Everything else is a writing command, unknown ones included. */
    private static final Set<String> READ_ONLY = Set.of(
            "find",
            "getmore",
            "count",
            "aggregate",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "killcursors",
            "endsessions",
            "hello",
            "ismaster",
            "ping",
            "buildinfo",
            "dbstats",
            "collstats",
            "serverstatus",
            "whatsmyuri",
            "getparameter",
            "connectionstatus",
            "hostinfo",
            "getlasterror");

    private final MVStore store;
    /** Writing commands share it; a commit takes it alone. */
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

    private final ScheduledExecutorService committer;

    SyncingH2Backend(MVStore store, int commitEveryMillis) {
        super(store);
        this.store = store;
        this.committer = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "mongo-wire-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(
                this::commitBetweenCommands, commitEveryMillis, commitEveryMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (FsyncCommand.is(databaseName, command)) {
            return FsyncCommand.answer(query, this::commitBetweenCommands);
        }
        if (READ_ONLY.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        commands.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commands.readLock().unlock();
        }
    }

    /** Everything written so far on disk, with no writing command half done. */
    @Override
    public void commit() {
        commitBetweenCommands();
    }

    private void commitBetweenCommands() {
        commands.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
            }
        } finally {
            commands.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        commands.writeLock().lock();
        try {
            super.close();
        } finally {
            commands.writeLock().unlock();
        }
    }
}
