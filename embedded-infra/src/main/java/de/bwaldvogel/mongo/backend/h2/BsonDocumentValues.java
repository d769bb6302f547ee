package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Stored documents of the on-disk store as BSON instead of Java serialization. H2's generic value type writes an
 * object it does not know (mongo-java-server's {@link Document}) with {@code ObjectOutputStream}, which a profile of
 * the platform under load showed as the second-largest cost of every write (and of every page the store's
 * housekeeping reads back). BSON is what the documents arrived as, so every value they hold has an encoding.
 *
 * <p>A BSON value is written behind a tag H2's type never uses; reading sees the tag and falls back to H2's own
 * reading otherwise, so a file written by an earlier version opens and its documents turn into BSON as they are
 * rewritten. Anything the encoder does not know is still written the old way.
 */
public final class BsonDocumentValues extends ObjectDataType {

    /** Above every tag of {@link ObjectDataType} (its largest is 119). */
    static final byte BSON_DOCUMENT = 127;

    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    /** A running estimate of a document's size in memory, as H2 wants for deciding when a page is full. */
    private volatile int averageMemory = 1024;

    /** A collection's documents as {@link H2Database} names their map, stored as BSON. */
    public static MVMap<Object, Document> openDocuments(MVStore store, String namespace) {
        return store.openMap(
                "databases." + namespace, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentValues()));
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf bytes = BUFFERS.get().clear();
            boolean encoded;
            try {
                BsonEncoder.encodeDocument(document, bytes);
                encoded = true;
            } catch (RuntimeException unknownType) {
                encoded = false;
            }
            if (encoded) {
                int length = bytes.readableBytes();
                byte[] data = new byte[length];
                bytes.getBytes(bytes.readerIndex(), data);
                buff.put(BSON_DOCUMENT).putVarInt(length).put(data);
                averageMemory = (averageMemory * 15 + length * 3) / 16;
                return;
            }
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_DOCUMENT) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice().limit(length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageMemory : super.getMemory(obj);
    }
}
