package cn.wildlife.notification.calendar.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Legal day arithmetic in Asia/Shanghai. The first day is not counted (刑事诉讼法 Art. 105, 行政处罚法 Art. 85); a
 * period counted in days whose last day is not a working day ends on the next working day; working-day periods count
 * only working days; hours are exact. A period ends at the end of its last day. Time spent on an appraisal, a hearing
 * or a suspension does not count (行政处罚法 Art. 60 and the agencies' procedural rules): see {@link Pause}.
 */
public final class DueDateCalculator {

    public static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_AMOUNT = 3660;

    private final Supplier<HolidayCalendar> calendars;

    public DueDateCalculator(HolidayCalendar calendar) {
        this(() -> calendar);
    }

    /** With a calendar that can change while running (a new year loaded): each computation uses the current one. */
    public DueDateCalculator(Supplier<HolidayCalendar> calendars) {
        this.calendars = calendars;
    }

    /**
     * When a period ends, and how that was worked out.
     *
     * @param missingYears the years the computation touched whose calendar is not loaded (then it is provisional)
     */
    public record DueDate(
            Instant dueAt,
            @Nullable LocalDate dueDate,
            boolean provisional,
            String arithmetic,
            Set<Integer> missingYears) {

        public DueDate {
            missingYears = Set.copyOf(missingYears);
        }
    }

    /** Time that did not count towards a period, both ends known. */
    public record Pause(Instant from, Instant to) {

        public Pause {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a pause ends after it starts: " + from + " to " + to);
            }
        }
    }

    public DueDate due(Instant start, long amount, DurationUnit unit) {
        return due(start, amount, unit, List.of());
    }

    /**
     * When a period ends when some time did not count. Each pause makes the period longer by the time paused, in the
     * period's unit: hours by the exact time; calendar days by the days from the pause's first day to its last (the
     * first not counted, as for the period itself); working days by the working days among those. A pause that began
     * after the period had run out adds nothing: a missed deadline is not revived by what happened afterwards.
     */
    public DueDate due(Instant start, long amount, DurationUnit unit, List<Pause> pauses) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount must be between 0 and " + MAX_AMOUNT + ", was " + amount);
        }
        HolidayCalendar calendar = calendars.get();
        Set<Integer> missing = new TreeSet<>();
        long total = amount;
        Duration pausedTime = Duration.ZERO;
        long pausedDays = 0;
        int counted = 0;
        DueDate due = period(calendar, start, total, unit, pausedTime, missing);
        for (Pause pause :
                pauses.stream().sorted(Comparator.comparing(Pause::from)).toList()) {
            if (pause.from().isAfter(due.dueAt())) {
                continue;
            }
            counted++;
            if (unit == DurationUnit.HOURS) {
                pausedTime = pausedTime.plus(Duration.between(pause.from(), pause.to()));
            } else {
                long days = pausedDays(calendar, pause, unit, missing);
                pausedDays += days;
                total += days;
            }
            due = period(calendar, start, total, unit, pausedTime, missing);
        }
        String arithmetic = due.arithmetic();
        if (counted > 0) {
            arithmetic += switch (unit) {
                case HOURS -> "; " + pausedTime.toMinutes() + " minutes paused (not counted)";
                case CALENDAR_DAYS -> "; " + pausedDays + " days paused (not counted)";
                case WORKING_DAYS -> "; " + pausedDays + " working days paused (not counted)";
            };
        }
        return new DueDate(
                due.dueAt(), due.dueDate(), !missing.isEmpty(), arithmetic + provisionalNote(missing), missing);
    }

    private static DueDate period(
            HolidayCalendar calendar,
            Instant start,
            long amount,
            DurationUnit unit,
            Duration paused,
            Set<Integer> missing) {
        ZonedDateTime zoned = start.atZone(LEGAL_ZONE);
        return switch (unit) {
            case HOURS ->
                new DueDate(
                        start.plusSeconds(amount * 3600).plus(paused),
                        null,
                        false,
                        "exact hours from the start (Asia/Shanghai)",
                        Set.of());
            case CALENDAR_DAYS -> calendarDays(calendar, zoned.toLocalDate(), amount, missing);
            case WORKING_DAYS -> workingDays(calendar, zoned.toLocalDate(), amount, missing);
        };
    }

    private static long pausedDays(HolidayCalendar calendar, Pause pause, DurationUnit unit, Set<Integer> missing) {
        LocalDate first = pause.from().atZone(LEGAL_ZONE).toLocalDate();
        LocalDate last = pause.to().atZone(LEGAL_ZONE).toLocalDate();
        if (unit == DurationUnit.CALENDAR_DAYS) {
            return ChronoUnit.DAYS.between(first, last);
        }
        long working = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            note(calendar, day, missing);
            if (calendar.isWorkingDay(day)) {
                working++;
            }
        }
        return working;
    }

    private static DueDate calendarDays(
            HolidayCalendar calendar, LocalDate startDay, long amount, Set<Integer> missing) {
        LocalDate last = startDay.plusDays(amount);
        note(calendar, last, missing);
        boolean moved = false;
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1);
            note(calendar, last, missing);
            moved = true;
        }
        String arithmetic = "calendar days; the first day is not counted"
                + (moved ? "; the last day fell on a rest day or holiday and moved to the next working day" : "");
        return new DueDate(endOf(last), last, !missing.isEmpty(), arithmetic, missing);
    }

    private static DueDate workingDays(
            HolidayCalendar calendar, LocalDate startDay, long amount, Set<Integer> missing) {
        LocalDate day = startDay;
        long counted = 0;
        while (counted < amount) {
            day = day.plusDays(1);
            note(calendar, day, missing);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return new DueDate(
                endOf(day), day, !missing.isEmpty(), "working days only; the first day is not counted", missing);
    }

    private static void note(HolidayCalendar calendar, LocalDate day, Set<Integer> missing) {
        if (!calendar.knows(day.getYear())) {
            missing.add(day.getYear());
        }
    }

    private static String provisionalNote(Set<Integer> missing) {
        return missing.isEmpty()
                ? ""
                : "; PROVISIONAL: the holiday calendar of "
                        + missing.stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + ", " + b)
                                .orElseThrow()
                        + " is not loaded, weekends only";
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(LEGAL_ZONE).toInstant();
    }
}
