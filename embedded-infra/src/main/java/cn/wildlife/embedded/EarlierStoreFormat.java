package cn.wildlife.embedded;

import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * Recognises a store file written by the builds that patched mongo-java-server with indexes and encodings of their own
 * (up to commit fc0960a): stock mongo-java-server cannot read its documents and indexes, so such a file is refused at
 * start, untouched, with how to rebuild it, instead of failing later on the first document it reads.
 */
public final class EarlierStoreFormat extends RuntimeException {

    /** Maps only those builds wrote, beside their own-format indexes and documents. */
    static final List<String> MARKERS = List.of("wildlife.ordered-indexes", "wildlife.multikey-indexes");

    private EarlierStoreFormat(String message) {
        super(message, null, false, false);
    }

    /** Throws when {@code file} (an existing MVStore file) was written in the earlier format. */
    static void refuse(Path file) {
        boolean earlier;
        MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            earlier = MARKERS.stream().anyMatch(store::hasMap);
        } finally {
            store.close();
        }
        if (earlier) {
            throw new EarlierStoreFormat(message(file));
        }
    }

    static String message(Path file) {
        Path dataDir = file.toAbsolutePath().getParent().getParent();
        return """
                The store %s was written by an earlier build of the platform (up to commit fc0960a), in a format of \
                its own that this build does not read. Nothing was changed. To go on, either:
                  - rebuild it from the events Kafka keeps: ./platform rebuild-store --data-dir=%s (it sets the file \
                aside and has the services read every event from the beginning at the next run); or
                  - start afresh with another data folder (--data-dir=NEW).
                What was entered only through the API or the console is not in Kafka: the build at commit fc0960a \
                still reads the old file if you need to look it up.""".formatted(file, dataDir);
    }
}
