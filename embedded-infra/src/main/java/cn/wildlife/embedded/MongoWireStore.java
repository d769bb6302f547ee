package cn.wildlife.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server (stock mongo-java-server, configured, never patched) that the real MongoDB driver
 * talks to: the development stand-in for MongoDB. On disk it keeps one H2 MVStore file; freed pages are reused after a
 * minute (reads still going on need them) and the file is compacted offline at every start, because an MVStore file
 * otherwise grows to many times its live data. It keeps the unique indexes the services declare and ignores the
 * others, so a query they would answer reads the whole collection: enough at local scale (docs/performance.md).
 *
 * <p>A write is on disk within {@link #AUTO_COMMIT_DELAY_MILLIS}, or as soon as a client sends MongoDB's {@code fsync}
 * command ({@link SyncingH2Backend}): what a consumer waits for before committing its Kafka offsets.
 */
public final class MongoWireStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireStore.class);
    /** How long an acknowledged write may wait before it is on disk (the store's commits between commands). */
    public static final int AUTO_COMMIT_DELAY_MILLIS = 100;
    /** How long freed pages are kept for reads still going on before the space is reused. */
    static final int RETENTION_MILLIS = 60_000;
    /** Decoded pages kept in memory, in MiB (within the platform's 1 GiB heap). */
    static final int CACHE_MIB = 96;

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private final @Nullable Path file;

    private MongoWireStore(MongoServer server, MongoBackend backend, InetSocketAddress address, @Nullable Path file) {
        this.server = server;
        this.backend = backend;
        this.address = address;
        this.file = file;
    }

    public static MongoWireStore onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file.toAbsolutePath().toString();
        if (Files.exists(file)) {
            EarlierStoreFormat.refuse(file);
            long before = size(file);
            MVStoreTool.compact(fileName, false);
            log.info("Compacted {} from {} to {} bytes", file, before, size(file));
        }
        // Read pages stay decoded in this cache: a query no index answers reads its whole collection, and with
        // H2's default of 16 MB each such read decoded most of it again.
        // No chunk rewriting in the background (fill rate 0): H2's housekeeping races with concurrent writes and
        // freed chunks still in use ("Chunk … not found", h2database#4012, #4382), which a million inserts under the
        // services' indexes hit within minutes. Wholly dead chunks are still freed and reused, and the file is
        // compacted at every start (above).
        // The store's own commits are off: SyncingH2Backend commits between commands, never inside one.
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .cacheSize(CACHE_MIB)
                .autoCompactFillRate(0)
                .open();
        // Freed pages wait this long before reuse: a search streams over the version it started on, and with no
        // wait (0) a long one under concurrent writes read a chunk already reused ("Chunk … not found", found by
        // the fault suite with the store restarted under load).
        store.setRetentionTime(RETENTION_MILLIS);
        return bind(new SyncingH2Backend(store, AUTO_COMMIT_DELAY_MILLIS), port, file);
    }

    public static MongoWireStore inMemory(int port) {
        return bind(new SyncingMemoryBackend(), port, null);
    }

    private static MongoWireStore bind(MongoBackend backend, int port, @Nullable Path file) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info(
                "Mongo-wire store listening on localhost:{} ({})",
                address.getPort(),
                file == null ? "in memory" : file);
        return new MongoWireStore(server, backend, address, file);
    }

    /** A connection string for one database of this store. */
    public String uri(String database) {
        return "mongodb://localhost:" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    public @Nullable Path file() {
        return file;
    }

    /** Makes everything written so far durable now, instead of at the next auto-commit. */
    public void commit() {
        if (backend instanceof SyncingH2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
