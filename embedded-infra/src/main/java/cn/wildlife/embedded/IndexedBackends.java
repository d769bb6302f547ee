package cn.wildlife.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.IndexedQueries;
import de.bwaldvogel.mongo.backend.NarrowingIndex;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.SecondaryIndex;
import de.bwaldvogel.mongo.backend.h2.BsonDocumentValues;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.OrderedKeyIndexes;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with real indexes: unique indexes that also serve conditional queries (see
 * {@link NarrowingIndex}), so that a version-checked write or a claim costs one lookup instead of a scan of the whole
 * collection, and the non-unique indexes the services declare, which mongo-java-server ignores, kept as ordered maps
 * ({@link SecondaryIndex}) that queries, counts and the leading {@code $match} of an aggregation are answered
 * through ({@link IndexedQueries}). On disk, index keys compare without serialization ({@link OrderedKeyIndexes})
 * and documents are stored as BSON ({@link BsonDocumentValues}).
 */
final class IndexedBackends {

    private IndexedBackends() {}

    static final class OnDisk extends H2Backend {
        OnDisk(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new H2Database(name, getMvStore(), getCursorRegistry()) {
                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                    String namespace = getFullCollectionNamespace(collection);
                    return new OnDiskCollection(
                            this,
                            collection,
                            options,
                            BsonDocumentValues.openDocuments(getMvStore(), namespace),
                            getMvStore().openMap("meta." + namespace),
                            cursorRegistry);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(
                        String collection, String index, List<IndexKey> keys, boolean sparse) {
                    // The name H2Database gives the index's map, so that dropping the index or the database
                    // removes it as before.
                    return new NarrowingIndex<>(
                            OrderedKeyIndexes.open(getMvStore(), indexMap(collection, index), index, keys, sparse));
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(
                        String collection, String index, List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(index, keys, getMvStore(), indexMap(collection, index));
                }

                private String indexMap(String collection, String index) {
                    return getFullCollectionNamespace(collection) + "._index_" + index;
                }

                @Override
                public Document handleCommand(
                        Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
                    Document answer = aggregated(this, command, query, resolver, oplog);
                    if (answer != null) {
                        clearLastStatus(channel);
                        return answer;
                    }
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
            };
        }
    }

    static final class InMemory extends MemoryBackend {

        /** Holds the secondary indexes' ordered maps; nothing is written anywhere. */
        private final MVStore indexStore = MVStore.open(null);

        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new MemoryDatabase(name, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                    return new InMemoryCollection(this, collection, options, cursorRegistry);
                }

                @Override
                protected Index<Integer> openOrCreateUniqueIndex(
                        String collection, String index, List<IndexKey> keys, boolean sparse) {
                    return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse));
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(
                        String collection, String index, List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(
                            index, keys, indexStore, getFullCollectionNamespace(collection) + "._index_" + index);
                }

                @Override
                public Document handleCommand(
                        Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
                    Document answer = aggregated(this, command, query, resolver, oplog);
                    if (answer != null) {
                        clearLastStatus(channel);
                        return answer;
                    }
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
            };
        }

        @Override
        public void close() {
            super.close();
            indexStore.close();
        }
    }

    /** The on-disk collection, with queries and counts planned over its secondary indexes. */
    static final class OnDiskCollection extends H2Collection {

        /**
         * False while H2Collection's constructor runs: it logs the stored size at debug level, and the argument is
         * worked out whatever the level, which would read every document of every collection at each start.
         */
        private final boolean opened;

        OnDiskCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> documents,
                org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
            this.opened = true;
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
            QueryResult indexed = IndexedQueries.query(this, query, orderBy, skip, limit, batchSize, projection);
            return indexed != null ? indexed : super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return counted(IndexedQueries.count(this, query), skip, limit, () -> super.count(query, skip, limit));
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected synchronized int getDataSize() {
            return opened ? dataSize(streamAllDocumentsWithPosition()) : 0;
        }
    }

    /** The in-memory collection, with queries and counts planned over its secondary indexes. */
    static final class InMemoryCollection extends MemoryCollection {

        InMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
            QueryResult indexed = IndexedQueries.query(this, query, orderBy, skip, limit, batchSize, projection);
            return indexed != null ? indexed : super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return counted(IndexedQueries.count(this, query), skip, limit, () -> super.count(query, skip, limit));
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected synchronized int getDataSize() {
            return dataSize(streamAllDocumentsWithPosition());
        }
    }

    /**
     * The collection's size in BSON, as {@code collStats} reports it, worked out when asked. mongo-java-server keeps
     * it up to date instead: it encoded every inserted document a second time, every updated one twice more, and
     * wrote a counter to the store each time, a tenth of the store's work under load, for a figure nothing reads
     * on the platform's path.
     */
    private static int dataSize(Stream<? extends DocumentWithPosition<?>> documents) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            long total = documents
                    .mapToLong(d -> {
                        buffer.clear();
                        BsonEncoder.encodeDocument(d.getDocument(), buffer);
                        return buffer.writerIndex();
                    })
                    .sum();
            return (int) Math.min(total, Integer.MAX_VALUE);
        } finally {
            buffer.release();
        }
    }

    /** An aggregate command answered through the indexes, or null for mongo-java-server's own handling. */
    private static Document aggregated(
            MongoDatabase database, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate") || !(query.get(command) instanceof String name)) {
            return null;
        }
        return IndexedQueries.aggregate(database, database.resolveCollection(name, false), query, resolver, oplog);
    }

    /** A covered count with the command's skip and limit applied, or the collection's own count when not covered. */
    private static int counted(long covered, int skip, int limit, java.util.function.IntSupplier otherwise) {
        if (covered < 0) {
            return otherwise.getAsInt();
        }
        long n = Math.max(0, covered - Math.max(skip, 0));
        if (limit > 0) {
            n = Math.min(n, limit);
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
