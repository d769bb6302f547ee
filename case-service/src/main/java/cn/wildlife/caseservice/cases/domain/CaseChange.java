package cn.wildlife.caseservice.cases.domain;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every change to a case, the statuses it may be made from, and the status it leads to. A change open to every
 * status but CLOSED is refused as "case closed"; any other refused change is "not now" with the statuses it needs.
 */
public enum CaseChange {
    UPDATE("update", notClosed(), null),
    RECORD_SEIZURE("record a seizure", notClosed(), null),
    /** Custody goes on after closing: items are returned, released or destroyed once the case is decided. */
    RECORD_CUSTODY("record custody", EnumSet.allOf(CaseStatus.class), null),
    LIST_FOR_SUPERVISION("list for supervision", notClosed(), null),
    /** Only an administrative case in hand decides a penalty (行政处罚决定). */
    DECIDE_PENALTY("decide-penalty", EnumSet.of(CaseStatus.OPEN), CaseStatus.PENALTY_DECIDED),
    CLOSE("close", EnumSet.of(CaseStatus.OPEN, CaseStatus.PENALTY_DECIDED, CaseStatus.TRANSFERRED), CaseStatus.CLOSED),
    /** Only an open case's clocks run, so only they can stop. */
    PAUSE("pause its clocks", EnumSet.of(CaseStatus.OPEN), null),
    /** A pause ends whatever became of the case meanwhile: the time paused must still be counted out. */
    RESUME("resume its clocks", EnumSet.allOf(CaseStatus.class), null),
    /**
     * The sending agency transferred the case to the police (两法衔接). A closed case stays closed: the transfer is
     * recorded, and with it 以罚代刑 is no longer possible.
     */
    TRANSFER("transfer", EnumSet.allOf(CaseStatus.class), CaseStatus.TRANSFERRED),
    HAND_OVER_ITEMS("hand over items", EnumSet.allOf(CaseStatus.class), null);

    private final String action;
    private final Set<CaseStatus> from;
    private final @Nullable CaseStatus to;

    CaseChange(String action, Set<CaseStatus> from, @Nullable CaseStatus to) {
        this.action = action;
        this.from = Set.copyOf(from);
        this.to = to;
    }

    private static Set<CaseStatus> notClosed() {
        return EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));
    }

    /** How the change is named when it is refused. */
    public String action() {
        return action;
    }

    /** The statuses the change may be made from, in the order of their declaration. */
    public Set<CaseStatus> from() {
        return EnumSet.copyOf(from);
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** A closed case is refused this change because it is closed, not because of where it stands. */
    boolean refusedOnlyWhenClosed() {
        return from.equals(notClosed());
    }

    /** The status after the change from {@code status}: most changes leave it, and nothing reopens a closed case. */
    public CaseStatus to(CaseStatus status) {
        if (to == null || status == CaseStatus.CLOSED) {
            return status;
        }
        return to;
    }
}
