package cn.wildlife.notification.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Legal day arithmetic in Asia/Shanghai. The first day is not counted (刑事诉讼法 Art. 105, 行政处罚法 Art. 85); a
 * period counted in days whose last day is not a working day ends on the next working day; working-day periods count
 * only working days; hours are exact. A period ends at the end of its last day.
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

    /** When a period ends, and how that was worked out. */
    public record DueDate(Instant dueAt, @Nullable LocalDate dueDate, boolean provisional, String arithmetic) {
    }

    public DueDate due(Instant start, long amount, DurationUnit unit) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount must be between 0 and " + MAX_AMOUNT + ", was " + amount);
        }
        ZonedDateTime zoned = start.atZone(LEGAL_ZONE);
        HolidayCalendar calendar = calendars.get();
        return switch (unit) {
            case HOURS -> new DueDate(start.plusSeconds(amount * 3600), null, false,
                    "exact hours from the start (Asia/Shanghai)");
            case CALENDAR_DAYS -> calendarDays(calendar, zoned.toLocalDate(), amount);
            case WORKING_DAYS -> workingDays(calendar, zoned.toLocalDate(), amount);
        };
    }

    private static DueDate calendarDays(HolidayCalendar calendar, LocalDate startDay, long amount) {
        LocalDate last = startDay.plusDays(amount);
        boolean provisional = !calendar.knows(last.getYear());
        boolean moved = false;
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1);
            provisional |= !calendar.knows(last.getYear());
            moved = true;
        }
        String arithmetic = "calendar days; the first day is not counted"
                + (moved ? "; the last day fell on a rest day or holiday and moved to the next working day" : "");
        return new DueDate(endOf(last), last, provisional, arithmetic + provisionalNote(provisional));
    }

    private static DueDate workingDays(HolidayCalendar calendar, LocalDate startDay, long amount) {
        LocalDate day = startDay;
        boolean provisional = false;
        long counted = 0;
        while (counted < amount) {
            day = day.plusDays(1);
            provisional |= !calendar.knows(day.getYear());
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return new DueDate(endOf(day), day, provisional,
                "working days only; the first day is not counted" + provisionalNote(provisional));
    }

    private static String provisionalNote(boolean provisional) {
        return provisional ? "; PROVISIONAL: the holiday calendar of that year is not loaded, weekends only" : "";
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(LEGAL_ZONE).toInstant();
    }
}
