package cn.wildlife.notification.deadline.domain;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a deadline's due time is computed from: the start, the rule's period, the pauses (appraisal, hearing,
 * suspension) and the extensions granted. The due time is always recomputed from all of it, never shifted in place,
 * so a holiday calendar loaded later gives the same answer as if it had been there from the start.
 */
public record DeadlineClock(
        Instant startedAt, int amount, DurationUnit unit, List<Pause> pauses, List<Extension> extensions) {

    /**
     * Time that does not count. {@code cause} is the event type that started it; {@code to} is null while it lasts.
     * A pause that began after the deadline had run out is recorded but not counted: it revives nothing.
     */
    public record Pause(
            String cause, Instant from, @Nullable Instant to, boolean counted) {}

    /**
     * An extension granted: the rule's {@code number}-th allowed extension, by {@code amount} more or up to
     * {@code amountTotal} in all, in the rule's unit.
     */
    public record Extension(
            int number,
            @Nullable Integer amount,
            @Nullable Integer amountTotal,
            String approval,
            String approvalReference,
            String grantedBy,
            Instant grantedAt) {}

    /** Why an extension cannot be granted. */
    public static final class ExtensionRefused extends RuntimeException {

        /**
         * UNKNOWN, MOVES_NOTHING and NOT_FOR_AGENCY (the rule keeps the extension to other kinds of agency) are bad
         * requests; the others clash with the deadline as it stands.
         */
        public enum Reason {
            UNKNOWN,
            ALREADY_GRANTED,
            NONE_LEFT,
            MOVES_NOTHING,
            NOT_FOR_AGENCY
        }

        private final Reason reason;

        public ExtensionRefused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    public DeadlineClock {
        pauses = List.copyOf(pauses);
        extensions = List.copyOf(extensions);
    }

    /** Whether the clock is stopped now. */
    public boolean paused() {
        return pauses.stream().anyMatch(p -> p.to() == null && p.counted());
    }

    /** Whether a pause is open, counted or not (the next resuming event ends it). */
    public boolean pauseOpen() {
        return pauses.stream().anyMatch(p -> p.to() == null);
    }

    /** The period after extensions: the longest "up to" granted, plus every "by ... more". */
    public int period() {
        int total = amount;
        for (Extension e : extensions) {
            if (e.amountTotal() != null) {
                total = Math.max(total, e.amountTotal());
            }
        }
        for (Extension e : extensions) {
            if (e.amount() != null) {
                total += e.amount();
            }
        }
        return total;
    }

    /** The due time; a pause still running is not counted yet (it moves the deadline when it ends). */
    public DueDateCalculator.DueDate due(DueDateCalculator calculator) {
        List<DueDateCalculator.Pause> ended = pauses.stream()
                .filter(p -> p.counted() && p.to() != null)
                .map(p -> new DueDateCalculator.Pause(p.from(), p.to()))
                .toList();
        DueDateCalculator.DueDate due = calculator.due(startedAt, period(), unit, ended);
        if (extensions.isEmpty()) {
            return due;
        }
        return new DueDateCalculator.DueDate(
                due.dueAt(),
                due.dueDate(),
                due.provisional(),
                due.arithmetic() + "; " + extensions.size() + " extension(s) granted, period " + period() + " "
                        + unitName(),
                due.missingYears());
    }

    /** Stops the clock at {@code at}; counted only when the deadline had not run out by then. */
    public DeadlineClock pausedAt(String cause, Instant at, Instant dueAt) {
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(cause, at, null, !at.isAfter(dueAt)));
        return new DeadlineClock(startedAt, amount, unit, more, extensions);
    }

    /** Ends the open pause at {@code at} (never before it began). */
    public DeadlineClock resumedAt(Instant at) {
        List<Pause> ended = pauses.stream()
                .map(p -> p.to() != null
                        ? p
                        : new Pause(p.cause(), p.from(), at.isBefore(p.from()) ? p.from() : at, p.counted()))
                .toList();
        return new DeadlineClock(startedAt, amount, unit, ended, extensions);
    }

    /**
     * Grants the rule's {@code number}-th allowed extension (1 for the first): each at most once, never more than the
     * rule lists, and only one that makes the period longer.
     */
    public DeadlineClock extendedBy(
            List<DeadlineRule.Extension> allowed, int number, String approvalReference, String grantedBy, Instant at) {
        if (number < 1 || number > allowed.size()) {
            throw new ExtensionRefused(
                    ExtensionRefused.Reason.UNKNOWN,
                    allowed.isEmpty()
                            ? "the rule allows no extension"
                            : "the rule allows extensions 1 to " + allowed.size());
        }
        if (extensions.size() >= allowed.size()) {
            throw new ExtensionRefused(
                    ExtensionRefused.Reason.NONE_LEFT,
                    "the rule allows " + allowed.size() + " extension(s) and all are granted");
        }
        if (extensions.stream().anyMatch(e -> e.number() == number)) {
            throw new ExtensionRefused(
                    ExtensionRefused.Reason.ALREADY_GRANTED, "extension " + number + " is already granted");
        }
        DeadlineRule.Extension chosen = allowed.get(number - 1);
        List<Extension> more = new ArrayList<>(extensions);
        more.add(new Extension(
                number, chosen.amount(), chosen.amountTotal(), chosen.approval(), approvalReference, grantedBy, at));
        DeadlineClock extended = new DeadlineClock(startedAt, amount, unit, pauses, more);
        if (extended.period() <= period()) {
            throw new ExtensionRefused(
                    ExtensionRefused.Reason.MOVES_NOTHING,
                    "extension " + number + " would not lengthen the period, already " + period() + " " + unitName());
        }
        return extended;
    }

    private String unitName() {
        return unit.name().toLowerCase().replace('_', ' ');
    }
}
