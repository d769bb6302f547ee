package cn.wildlife.caseservice.oversight;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * The other agencies' records a dashboard names, audited once per viewer and record per
 * {@code platform.oversight.audit-repeat-after}: a dashboard polls every 30 s, and the same twenty records read again
 * by the same person would write thousands of identical entries an hour and bury the reads worth finding. Who read
 * which record, and first when, stays answered.
 */
final class OversightReads {

    private final Access access;
    private final Cache<String, Boolean> audited;

    OversightReads(Access access, OversightProperties properties) {
        this.access = access;
        this.audited = Caffeine.newBuilder()
                .expireAfterWrite(properties.auditRepeatAfter())
                .maximumSize(100_000)
                .build();
    }

    void audit(Caller caller, String kind, List<Access.Owned> named) {
        List<Access.Owned> fresh = named.stream()
                .filter(o -> audited.getIfPresent(key(caller, kind, o)) == null)
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        // Remembered only once written: a failed entry fails the request and is written at the next poll.
        access.auditSearchResults(caller, kind, fresh);
        fresh.forEach(o -> audited.put(key(caller, kind, o), Boolean.TRUE));
    }

    private static String key(Caller caller, String kind, Access.Owned record) {
        return caller.subject() + '\u0000' + kind + '\u0000' + record.id();
    }
}
