package cn.wildlife.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A search of the trail; every part optional, all given parts must match. {@code to} is exclusive. */
public record AuditQuery(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String subject,
        @Nullable String agency,
        @Nullable AuditAction action,
        @Nullable String recordId) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery withAction(AuditAction only) {
        return new AuditQuery(from, to, subject, agency, only, recordId);
    }
}
