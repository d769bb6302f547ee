package cn.wildlife.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a walk of the chain found. Named apart in OpenAPI: inspection-service's draws have a verification of their
 * own.
 *
 * @param entries       how many entries were found intact (all of them when {@code intact})
 * @param firstSequence the oldest entry kept, when intact
 * @param lastSequence  the newest entry, when intact; 0 for an empty trail
 * @param lastHash      the newest entry's hash, when intact: noted down outside the platform, it shows later that
 *                      nobody rewrote the whole chain since
 * @param brokenLink    the first broken link, when not intact
 */
@Schema(name = "AuditVerification")
public record Verification(
        boolean intact,
        long entries,
        @Nullable Long firstSequence,
        @Nullable Long lastSequence,
        @Nullable String lastHash,
        @Nullable BrokenLink brokenLink) {

    static Verification intact(long entries, long firstSequence, long lastSequence, String lastHash) {
        return new Verification(true, entries, firstSequence, lastSequence, lastHash, null);
    }

    static Verification broken(long entries, BrokenLink link) {
        return new Verification(false, entries, null, null, null, link);
    }
}
