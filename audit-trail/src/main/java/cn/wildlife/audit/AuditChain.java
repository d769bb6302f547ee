package cn.wildlife.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the audit trail (GB/T 32905 SM3): each entry's hash is
 * {@code SM3(previous hash || canonical encoding of the entry)}, so changing, inserting or removing an entry breaks
 * the link to every entry after it.
 *
 * <p>The canonical encoding (version 1) is a run of fields, each written as a four-byte big-endian length followed by
 * that many bytes of UTF-8, an absent field as the length {@code 0xFFFFFFFF} with no bytes: the format name
 * {@value #FORMAT}, the sequence (decimal), the time (milliseconds since the epoch, decimal), subject, name, agency,
 * region, the number of roles (decimal) then each role in sorted order, action, record kind, record id, owner, grant,
 * door, HTTP method, path, status (decimal), request id; then, only when the entry has one, the detail. Lengths make
 * it unambiguous: no value can pass for a field boundary. An entry without a detail encodes as before the detail
 * existed, so chains written then still verify.
 */
public final class AuditChain {

    /** The hash before the first entry: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    static final String FORMAT = "wildlife-audit-v1";

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {}

    /** The entry linked after {@code previousHash} at {@code sequence}. */
    public static ChainedEntry link(long sequence, String previousHash, AuditEntry entry) {
        return new ChainedEntry(sequence, entry, previousHash, hash(previousHash, sequence, entry));
    }

    /** SM3 over the previous hash's bytes and the entry's canonical encoding, as lower-case hex. */
    public static String hash(String previousHash, long sequence, AuditEntry entry) {
        byte[] previous = HEX.parseHex(previousHash);
        byte[] encoded = canonical(sequence, entry);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(previous, 0, previous.length);
        sm3.update(encoded, 0, encoded.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HEX.formatHex(out);
    }

    static byte[] canonical(long sequence, AuditEntry entry) {
        Encoder out = new Encoder();
        out.field(FORMAT);
        out.field(Long.toString(sequence));
        out.field(Long.toString(entry.at().toEpochMilli()));
        AuditEntry.Actor actor = entry.actor();
        out.field(actor.subject());
        out.field(actor.name());
        out.field(actor.agency());
        out.field(actor.region());
        out.field(Integer.toString(actor.roles().size()));
        actor.roles().forEach(out::field);
        out.field(entry.action().name());
        AuditEntry.Target target = entry.target();
        out.field(target.kind());
        out.field(target.id());
        out.field(target.owner());
        out.field(target.grant());
        AuditEntry.Origin origin = entry.origin();
        out.field(origin.door());
        out.field(origin.method());
        out.field(origin.path());
        out.field(origin.status() == null ? null : Integer.toString(origin.status()));
        out.field(origin.requestId());
        if (target.detail() != null) {
            out.field(target.detail());
        }
        return out.bytes.toByteArray();
    }

    /** Walks {@code entries}, in sequence order, from the anchor: see {@link ChainWalk}. */
    public static Verification verify(Anchor anchor, Iterable<ChainedEntry> entries) {
        ChainWalk walk = new ChainWalk(anchor);
        for (ChainedEntry entry : entries) {
            if (!walk.accept(entry)) {
                break;
            }
        }
        return walk.result();
    }

    /** Length-prefixed UTF-8 fields. */
    private static final class Encoder {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

        void field(@Nullable String value) {
            if (value == null) {
                length(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            length(utf8.length);
            bytes.writeBytes(utf8);
        }

        private void length(int n) {
            bytes.write(n >>> 24);
            bytes.write(n >>> 16);
            bytes.write(n >>> 8);
            bytes.write(n);
        }
    }
}
