package cn.wildlife.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the audit administrator reads it: flat, with its place in the chain. Named apart in OpenAPI: a
 * service's own "Entry" (a transfer's history) would replace it.
 */
@Schema(name = "AuditEntry")
public record AuditView(
        long sequence,
        Instant at,
        String subject,
        @Nullable String name,
        @Nullable String agency,
        @Nullable String region,
        List<String> roles,
        AuditAction action,
        @Nullable String recordKind,
        @Nullable String recordId,
        @Nullable String owner,
        @Nullable String grant,
        @Nullable String detail,
        String door,
        @Nullable String method,
        @Nullable String path,
        @Nullable Integer status,
        @Nullable String requestId,
        String previousHash,
        String hash) {

    public static AuditView of(ChainedEntry chained) {
        AuditEntry entry = chained.entry();
        return new AuditView(
                chained.sequence(),
                entry.at(),
                entry.actor().subject(),
                entry.actor().name(),
                entry.actor().agency(),
                entry.actor().region(),
                entry.actor().roles(),
                entry.action(),
                entry.target().kind(),
                entry.target().id(),
                entry.target().owner(),
                entry.target().grant(),
                entry.target().detail(),
                entry.origin().door(),
                entry.origin().method(),
                entry.origin().path(),
                entry.origin().status(),
                entry.origin().requestId(),
                chained.previousHash(),
                chained.hash());
    }
}
