package de.bwaldvogel.mongo.backend;

import java.nio.ByteBuffer;
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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key) {
            buff.put(KEY).putVarInt(key.size());
            for (Object value : key) {
                super.write(buff, value);
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
            values.add(super.read(buff));
        }
        return new KeyValue(values);
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
