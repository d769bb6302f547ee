package cn.wildlife.notification.deadline.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A running legal clock about one subject (a clue, a transfer, a case), opened by one event under one rule.
 *
 * @param amount            the rule's period, in {@code unit}, before extensions and pauses (null only on a deadline
 *                          stored by an earlier version and not filled in from its rule yet)
 * @param pauses            the times the clock stood still (appraisal, hearing, suspension)
 * @param extensions        the extensions granted
 * @param allowedExtensions what the rule version it opened with allows (numbered from 1 in this order)
 * @param history           everything that moved or closed it, oldest first
 */
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
        @Nullable Integer amount,
        @Nullable DurationUnit unit,
        Instant dueAt,
        @Nullable LocalDate dueDate,
        boolean provisional,
        String arithmetic,
        State state,
        List<DeadlineClock.Pause> pauses,
        List<DeadlineClock.Extension> extensions,
        List<DeadlineRule.Extension> allowedExtensions,
        List<Change> history,
        long version) {

    /**
     * Where a clock is. OPEN, APPROACHING, OVERDUE and ESCALATED are still running; PAUSED stands still and raises no
     * alert; MET and MET_LATE were fulfilled; EXPIRED is a window (a period to act in, not a duty) that ran out.
     */
    public enum State {
        OPEN,
        APPROACHING,
        OVERDUE,
        ESCALATED,
        PAUSED,
        MET,
        MET_LATE,
        EXPIRED;

        public static final List<String> RUNNING = List.of("OPEN", "APPROACHING", "OVERDUE", "ESCALATED");
        /** Not closed yet: running or paused. */
        public static final List<String> NOT_CLOSED = List.of("OPEN", "APPROACHING", "OVERDUE", "ESCALATED", "PAUSED");
    }

    /**
     * One entry of a deadline's history: OPENED, PAUSED, RESUMED, EXTENDED, RECOMPUTED, an alert kind, MET or
     * MET_LATE, with the due time after it.
     */
    public record Change(
            Instant at,
            String change,
            @Nullable String eventId,
            @Nullable String by,
            @Nullable Instant dueAt,
            String note) {}

    public Deadline {
        pauses = List.copyOf(pauses);
        extensions = List.copyOf(extensions);
        allowedExtensions = List.copyOf(allowedExtensions);
        history = List.copyOf(history);
    }

    /** The deadline id is derived, so the same opening event can never open the clock twice. */
    public static String idFor(String ruleId, String subjectId) {
        return ruleId + ":" + subjectId;
    }

    public static Deadline open(
            DeadlineRule rule,
            String subjectId,
            Agency agency,
            String region,
            String eventId,
            Instant startedAt,
            DueDateCalculator calculator) {
        DueDateCalculator.DueDate due = calculator.due(startedAt, rule.amount(), rule.unit());
        return new Deadline(
                idFor(rule.id(), subjectId),
                rule.id(),
                rule.version(),
                rule.title(),
                rule.legalBasis(),
                rule.kind(),
                rule.subjectType(),
                subjectId,
                agency,
                region,
                eventId,
                startedAt,
                rule.amount(),
                rule.unit(),
                due.dueAt(),
                due.dueDate(),
                due.provisional(),
                due.arithmetic(),
                State.OPEN,
                List.of(),
                List.of(),
                rule.extensions(),
                List.of(new Change(startedAt, "OPENED", eventId, null, due.dueAt(), due.arithmetic())),
                1);
    }

    /**
     * How a raised alert is recorded in its deadline: by kind alone in the first round (APPROACHING), with the round
     * after the clock moved (APPROACHING#1), so a moved clock is warned about and missed on its own terms.
     */
    public static String alertTag(String kind, int round) {
        return round == 0 ? kind : kind + "#" + round;
    }

    public static int roundOf(String alertTag) {
        int hash = alertTag.indexOf('#');
        return hash < 0 ? 0 : Integer.parseInt(alertTag.substring(hash + 1));
    }

    /**
     * The deadline closed by a fulfilling fact that was seen before the clock was opened: met, or met late when the
     * fact came after the due time.
     */
    public Deadline fulfilledBeforeOpening(String eventId, Instant at) {
        State closed = at.isAfter(dueAt) ? State.MET_LATE : State.MET;
        List<Change> more = new java.util.ArrayList<>(history);
        more.add(new Change(
                at, closed.name(), eventId, null, dueAt, "the fulfilling event arrived before the " + "opening one"));
        return new Deadline(
                id,
                ruleId,
                ruleVersion,
                title,
                legalBasis,
                kind,
                subjectType,
                subjectId,
                agency,
                region,
                openedByEventId,
                startedAt,
                amount,
                unit,
                dueAt,
                dueDate,
                provisional,
                arithmetic,
                closed,
                pauses,
                extensions,
                allowedExtensions,
                more,
                version);
    }

    /** The same clock under a title naming what it is about (one of several an event opened under one rule). */
    public Deadline titled(String newTitle) {
        return new Deadline(
                id,
                ruleId,
                ruleVersion,
                newTitle,
                legalBasis,
                kind,
                subjectType,
                subjectId,
                agency,
                region,
                openedByEventId,
                startedAt,
                amount,
                unit,
                dueAt,
                dueDate,
                provisional,
                arithmetic,
                state,
                pauses,
                extensions,
                allowedExtensions,
                history,
                version);
    }

    /** The clock as its arithmetic needs it. */
    public DeadlineClock clock() {
        if (amount == null || unit == null) {
            throw new IllegalStateException("deadline " + id + " does not carry its rule's period yet");
        }
        return new DeadlineClock(startedAt, amount, unit, pauses, extensions);
    }

    /** A clock whose due time the opening event fixed (a rectification order's own deadline), not the rule. */
    public static Deadline openUntil(
            DeadlineRule rule,
            String subjectId,
            Agency agency,
            String region,
            String eventId,
            Instant startedAt,
            Instant dueAt) {
        LocalDate dueDate =
                dueAt.minusNanos(1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        String arithmetic =
                "due date set by the order that opened the clock: the end of " + dueDate + " (Beijing time)";
        // No period of the rule's: the order fixed the date, so there is nothing to pause or extend by arithmetic.
        return new Deadline(
                idFor(rule.id(), subjectId),
                rule.id(),
                rule.version(),
                rule.title(),
                rule.legalBasis(),
                rule.kind(),
                rule.subjectType(),
                subjectId,
                agency,
                region,
                eventId,
                startedAt,
                null,
                null,
                dueAt,
                dueDate,
                false,
                arithmetic,
                State.OPEN,
                List.of(),
                List.of(),
                List.of(),
                List.of(new Change(startedAt, "OPENED", eventId, null, dueAt, arithmetic)),
                1);
    }
}
