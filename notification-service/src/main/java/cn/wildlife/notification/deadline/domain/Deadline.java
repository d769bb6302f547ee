package cn.wildlife.notification.deadline.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A running legal clock about one subject (a clue, a transfer, a case), opened by one event under one rule. */
public record Deadline(
        String id,
        String ruleId,
        int ruleVersion,
        String title,
        String legalBasis,
        DeadlineRule.Kind kind,
        String subjectType,
        String subjectId,
        Agency agency,
        String region,
        String openedByEventId,
        Instant startedAt,
        Instant dueAt,
        @Nullable LocalDate dueDate,
        boolean provisional,
        String arithmetic,
        State state,
        long version) {

    /**
     * Where a clock is. OPEN, APPROACHING, OVERDUE and ESCALATED are still running; MET and MET_LATE were fulfilled;
     * EXPIRED is a window (a period to act in, not a duty) that ran out.
     */
    public enum State {
        OPEN, APPROACHING, OVERDUE, ESCALATED, MET, MET_LATE, EXPIRED;

        public static final java.util.List<String> RUNNING = java.util.List.of("OPEN", "APPROACHING", "OVERDUE",
                "ESCALATED");
    }

    /** The deadline id is derived, so the same opening event can never open the clock twice. */
    public static String idFor(String ruleId, String subjectId) {
        return ruleId + ":" + subjectId;
    }

    public static Deadline open(DeadlineRule rule, String subjectId, Agency agency, String region,
                                String eventId, Instant startedAt, DueDateCalculator calculator) {
        DueDateCalculator.DueDate due = calculator.due(startedAt, rule.amount(), rule.unit());
        return new Deadline(idFor(rule.id(), subjectId), rule.id(), rule.version(), rule.title(), rule.legalBasis(),
                rule.kind(), rule.subjectType(), subjectId, agency, region, eventId, startedAt, due.dueAt(),
                due.dueDate(), due.provisional(), due.arithmetic(), State.OPEN, 1);
    }

    /** A clock whose due time the opening event fixed (a rectification order's own deadline), not the rule. */
    public static Deadline openUntil(DeadlineRule rule, String subjectId, Agency agency, String region,
                                     String eventId, Instant startedAt, Instant dueAt) {
        LocalDate dueDate = dueAt.minusNanos(1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        return new Deadline(idFor(rule.id(), subjectId), rule.id(), rule.version(), rule.title(), rule.legalBasis(),
                rule.kind(), rule.subjectType(), subjectId, agency, region, eventId, startedAt, dueAt, dueDate, false,
                "due date set by the order that opened the clock: the end of " + dueDate + " (Beijing time)",
                State.OPEN, 1);
    }
}
