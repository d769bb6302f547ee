package de.bwaldvogel.mongo.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class KeyValueTypeTest {

    private final KeyValueType type = new KeyValueType();

    @Test
    void datesAndMissingFieldsAreWrittenCompactlyAndReadBackEqual() {
        KeyValue key = new KeyValue(List.of(
                Instant.parse("2026-11-26T03:04:05.678901234Z"),
                Instant.parse("1969-07-20T20:17:40Z"),
                Missing.getInstance(),
                "FORESTRY",
                2.0,
                true,
                "C-1"));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);

        assertThat(buffer.position()).isLessThan(60);
        ByteBuffer written = buffer.getBuffer().flip();
        KeyValue read = (KeyValue) type.read(written);
        assertThat(read).isEqualTo(key);
        assertThat(read.get(2)).isSameAs(Missing.getInstance());
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aKeyWithADateWrittenTheOldWayIsStillRead() {
        // Before dates had their own tag, H2's generic type Java-serialized them inside the key.
        Instant opened = Instant.parse("2026-01-01T00:00:00Z");
        WriteBuffer buffer = new WriteBuffer();
        buffer.put((byte) 126).putVarInt(2);
        ObjectDataType generic = new ObjectDataType();
        generic.write(buffer, opened);
        generic.write(buffer, "C-1");

        KeyValue read = (KeyValue) type.read(buffer.getBuffer().flip());

        assertThat(read).isEqualTo(new KeyValue(List.of(opened, "C-1")));
    }
}
