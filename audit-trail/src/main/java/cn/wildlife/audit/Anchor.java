package cn.wildlife.audit;

/**
 * Where the kept part of the chain starts: the sequence of the oldest entry kept and the hash of the entry before it
 * (removed by retention). A chain nothing was removed from starts at 1 after {@link AuditChain#GENESIS}.
 */
public record Anchor(long firstSequence, String previousHash) {

    public static final Anchor GENESIS = new Anchor(1, AuditChain.GENESIS);
}
