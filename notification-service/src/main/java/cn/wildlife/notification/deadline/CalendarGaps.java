package cn.wildlife.notification.deadline;

import cn.wildlife.notification.deadline.domain.Deadline;
import java.time.Instant;
import java.util.Collection;

/**
 * Who is told when a deadline's due time had to be computed without a year's holiday calendar, and when that year
 * arrives. The deadline package needs only this; the alert package says how it is told (so the two packages do not
 * depend on each other both ways).
 */
public interface CalendarGaps {

    /** A deadline fell in years whose calendar is missing; {@code provisionalDueAt} was computed on weekends alone. */
    void raiseOnce(Collection<Integer> missingYears, Deadline deadline, Instant provisionalDueAt);

    /** The year's calendar is loaded. */
    void loaded(int year);
}
