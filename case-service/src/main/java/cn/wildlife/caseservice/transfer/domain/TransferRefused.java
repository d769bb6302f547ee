package cn.wildlife.caseservice.transfer.domain;

import java.util.List;

/** A step that cannot be taken now, or not by this actor, with what would be allowed. */
public final class TransferRefused extends RuntimeException {

    /** Why: the state does not allow the step, it is another party's turn, or the step lacks what it needs. */
    public enum Reason { NOT_NOW, NOT_YOUR_TURN, INCOMPLETE }

    private final Reason reason;
    private final TransferState state;
    private final List<TransferStep> allowed;

    public TransferRefused(Reason reason, String message, TransferState state, List<TransferStep> allowed) {
        super(message);
        this.reason = reason;
        this.state = state;
        this.allowed = List.copyOf(allowed);
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
