package de.bwaldvogel.mongo.backend;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's generic type for index keys ({@link KeyValue}s), without Java serialization: a key is written as its values
 * in H2's own compact encodings, and its memory is estimated from its values. The generic type serialized a key it
 * does not know both to write it and to measure it, for every key of every insert; the measurements also split
 * pages far more often, and inserting many documents under many indexes ended in "Chunk … not found". Keys
 * written the old way (a file of an earlier version) are still read.
 */
public class KeyValueType extends ObjectDataType {

    /** Above every tag of {@link ObjectDataType} (its largest is 119); 127 is the stored documents'. */
    private static final byte KEY = 126;
    /**
     * A date in a key. mongo-java-server reads dates as {@link Instant}s, which H2's generic type does not know and
     * Java-serialized: a fifth of the store's writing time under load went to that, for every date in every index.
     */
    private static final byte INSTANT = 125;
    /** A field the document does not have (mongo-java-server's {@link Missing}), Java-serialized as well before. */
    private static final byte MISSING = 124;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key) {
            buff.put(KEY).putVarInt(key.size());
            for (Object value : key) {
                writeValue(buff, value);
            }
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != KEY) {
            return super.read(buff);
        }
        buff.get();
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buff));
        }
        return new KeyValue(values);
    }

    private void writeValue(WriteBuffer buff, Object value) {
        if (value instanceof Instant time) {
            buff.put(INSTANT).putVarLong(time.getEpochSecond()).putVarInt(time.getNano());
        } else if (value instanceof Missing) {
            buff.put(MISSING);
        } else {
            super.write(buff, value);
        }
    }

    /** A key's value; those written before the tags above existed come back through H2's own reading. */
    private Object readValue(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == INSTANT) {
            buff.get();
            long seconds = DataUtils.readVarLong(buff);
            return Instant.ofEpochSecond(seconds, DataUtils.readVarInt(buff));
        }
        if (tag == MISSING) {
            buff.get();
            return Missing.getInstance();
        }
        return super.read(buff);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key) {
            int memory = 32;
            for (Object value : key) {
                memory += value instanceof String text ? 40 + 2 * text.length() : 24;
            }
            return memory;
        }
        return super.getMemory(obj);
    }
}
