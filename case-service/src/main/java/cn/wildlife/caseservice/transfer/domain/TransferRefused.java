package cn.wildlife.caseservice.transfer.domain;

import java.util.List;

/** A step that cannot be taken now, or not by this actor, with what would be allowed. */
public final class TransferRefused extends RuntimeException {

    /** Why: the state does not allow the step, it is another party's turn, or the step lacks what it needs. */
    public enum Reason {
        NOT_NOW,
        NOT_YOUR_TURN,
        INCOMPLETE
    }

    private final Reason reason;
    private final String key;
    private final Object[] args;
    private final TransferState state;
    private final List<TransferStep> allowed;

    /**
     * @param key  names the message for translation ({@code transfer.<key>} in the service's texts)
     * @param args its arguments
     * @param message the English message, for logs and callers without translations
     */
    public TransferRefused(
            Reason reason, String key, Object[] args, String message, TransferState state, List<TransferStep> allowed) {
        super(message);
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public Reason reason() {
        return reason;
    }

    public TransferState state() {
        return state;
    }

    public List<TransferStep> allowed() {
        return allowed;
    }
}
