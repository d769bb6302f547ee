package cn.wildlife.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The first place the chain does not hold.
 *
 * @param sequence     where it breaks: the altered entry, the entry whose link does not match, the first missing
 *                     entry, or (truncated) the oldest entry the last retention said it kept
 * @param expectedHash ALTERED: the hash the chain recorded for the entry; LINK and MISSING: the hash of the last
 *                     entry that holds, which the next entry must name as its previous hash
 * @param foundHash    ALTERED: the hash of the entry as it is now; LINK and MISSING: the previous hash the entry
 *                     found in that place names
 */
@Schema(name = "AuditBrokenLink")
public record BrokenLink(
        long sequence,
        Reason reason,
        @Nullable String expectedHash,
        @Nullable String foundHash) {

    public enum Reason {
        /** The entry's content no longer hashes to its recorded hash: it was changed. */
        ALTERED,
        /** The entry names another previous hash than the entry before it has: one was replaced or re-hashed. */
        LINK,
        /** An entry is missing in the middle (the sequence jumps). */
        MISSING,
        /** Older entries were removed beyond what the last retention entry records. */
        TRUNCATED
    }
}
