package cn.wildlife.audit;

import org.jspecify.annotations.Nullable;

/**
 * A walk of the kept entries in sequence order from the anchor, one entry at a time (a trail can be longer than
 * memory), stopping at the first broken link. Entries before the anchor (retention moved the anchor but had not
 * removed them yet) are skipped.
 */
public final class ChainWalk {

    private long expected;
    private String previous;
    private long count;
    private @Nullable Long first;
    /** The furthest any retention entry said it removed to: more removed than that is a truncation. */
    private @Nullable Long statedFirst;

    private @Nullable BrokenLink broken;

    public ChainWalk(Anchor anchor) {
        this.expected = anchor.firstSequence();
        this.previous = anchor.previousHash();
    }

    /** Checks the next entry; false once the chain is broken (the walk can stop). */
    public boolean accept(ChainedEntry stored) {
        if (broken != null) {
            return false;
        }
        long sequence = stored.sequence();
        if (first == null && sequence < expected) {
            return true;
        }
        if (first == null) {
            first = sequence;
        }
        if (sequence != expected) {
            return fail(new BrokenLink(expected, BrokenLink.Reason.MISSING, previous, stored.previousHash()));
        }
        if (!previous.equals(stored.previousHash())) {
            return fail(new BrokenLink(sequence, BrokenLink.Reason.LINK, previous, stored.previousHash()));
        }
        String recomputed = AuditChain.hash(previous, sequence, stored.entry());
        if (!recomputed.equals(stored.hash())) {
            return fail(new BrokenLink(sequence, BrokenLink.Reason.ALTERED, stored.hash(), recomputed));
        }
        if (stored.entry().action() == AuditAction.RETENTION) {
            long stated;
            try {
                stated = Long.parseLong(String.valueOf(stored.entry().target().id()));
            } catch (NumberFormatException e) {
                return fail(new BrokenLink(sequence, BrokenLink.Reason.ALTERED, stored.hash(), null));
            }
            statedFirst = statedFirst == null ? stated : Math.max(statedFirst, stated);
        }
        previous = stored.hash();
        expected = sequence + 1;
        count++;
        return true;
    }

    /** An entry that could not even be read back (a field of the wrong type): changed in the store. */
    public boolean unreadable(long sequence, @Nullable String storedHash) {
        if (broken != null) {
            return false;
        }
        if (first == null && sequence < expected) {
            return true;
        }
        return fail(new BrokenLink(sequence, BrokenLink.Reason.ALTERED, storedHash, null));
    }

    public Verification result() {
        if (broken != null) {
            return Verification.broken(count, broken);
        }
        long firstKept = first == null ? expected : first;
        long allowedFirst = statedFirst == null ? Anchor.GENESIS.firstSequence() : statedFirst;
        if (firstKept > allowedFirst) {
            return Verification.broken(count, new BrokenLink(allowedFirst, BrokenLink.Reason.TRUNCATED, null, null));
        }
        return Verification.intact(count, firstKept, expected - 1, previous);
    }

    private boolean fail(BrokenLink link) {
        broken = link;
        return false;
    }
}
