package cn.wildlife.caseservice.cases.domain;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to a case that its rules refuse, with the facts that explain it: the case's status and the statuses the
 * change needs, the pause or the seized item in the way, the value refused.
 */
public class CaseChangeRefused extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        /** The case is closed and changes no more. */
        CLOSED,
        /** The case's status does not allow the change. */
        NOT_NOW,
        /** A penalty is decided in administrative cases only. */
        NOT_ADMINISTRATIVE,
        /** A case is listed for supervision once. */
        ALREADY_SUPERVISED,
        /** The item's chain of custody has ended (returned, released, destroyed). */
        CUSTODY_ENDED,
        /** An item is seized once, when it is recorded. */
        SEIZED_ONCE,
        /** A custody change is no earlier than the one before it. */
        CUSTODY_BEFORE_LAST,
        /** One pause at a time. */
        ALREADY_PAUSED,
        /** A pause starts no earlier than the case was opened. */
        PAUSED_BEFORE_OPENED,
        /** There is no pause to end. */
        NOT_PAUSED,
        /** The pause running is of another kind. */
        PAUSED_FOR_ANOTHER_REASON,
        /** A pause ends no earlier than it started. */
        RESUMED_BEFORE_PAUSED
    }

    private final Reason reason;
    private final CaseChange change;
    private final CaseStatus state;
    private final @Nullable CasePause pause;
    private final Case.@Nullable Seizure item;
    private final @Nullable Object rejected;

    CaseChangeRefused(
            Reason reason,
            CaseChange change,
            Case c,
            @Nullable CasePause pause,
            Case.@Nullable Seizure item,
            @Nullable Object rejected) {
        super(reason + ": a case that is " + c.status() + " cannot " + change.action());
        this.reason = reason;
        this.change = change;
        this.state = c.status();
        this.pause = pause;
        this.item = item;
        this.rejected = rejected;
    }

    static CaseChangeRefused of(Reason reason, CaseChange change, Case c) {
        return new CaseChangeRefused(reason, change, c, null, null, null);
    }

    public Reason reason() {
        return reason;
    }

    public CaseChange change() {
        return change;
    }

    public CaseStatus state() {
        return state;
    }

    /** The statuses the change needs, in the order of their declaration. */
    public List<CaseStatus> allowedFrom() {
        Set<CaseStatus> from = change.from();
        return List.copyOf(from);
    }

    /** The pause in the way (ALREADY_PAUSED, PAUSED_FOR_ANOTHER_REASON, RESUMED_BEFORE_PAUSED). */
    public @Nullable CasePause pause() {
        return pause;
    }

    /** The seized item whose custody was refused. */
    public Case.@Nullable Seizure item() {
        return item;
    }

    /** The value the rule refused: a time given for a pause or a custody change. */
    public @Nullable Object rejected() {
        return rejected;
    }
}
