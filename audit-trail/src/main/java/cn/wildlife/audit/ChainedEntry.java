package cn.wildlife.audit;

/** An entry as stored: its place in the chain, the hash of the entry before it, and its own hash. */
public record ChainedEntry(long sequence, AuditEntry entry, String previousHash, String hash) {}
