package cn.wildlife.notification.calendar;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The due-date calculator officers and partner systems use to check a legal period. */
@RestController
@RequestMapping("/api/calendar")
@Validated
@Tag(name = "Calendar (期限计算)", description = "Legal day arithmetic with China's holiday calendar")
class CalendarController {

    private final DueDateCalculator calculator;
    private final CalendarStore calendars;
    private final Access access;
    private final ApplicationEventPublisher events;

    CalendarController(
            DueDateCalculator calculator, CalendarStore calendars, Access access, ApplicationEventPublisher events) {
        this.calculator = calculator;
        this.calendars = calendars;
        this.access = access;
        this.events = events;
    }

    @GetMapping("/years")
    @Operation(
            summary = "The years whose holiday calendar is loaded",
            description = "A date in a year without its calendar is computed on weekends alone and marked provisional.")
    List<CalendarStore.YearSummary> years() {
        return calendars.summary();
    }

    @PutMapping("/years/{year}")
    @Operation(
            summary = "Load or replace a year's calendar (system administrators)",
            description = "The body has the shape of an entry of calendar/holidays-cn.json, so a published year can be "
                    + "loaded from a file: curl -X PUT --data @2027.json. It applies to every deadline computed "
                    + "afterwards; open deadlines whose due date was provisional (computed without a calendar) are "
                    + "recomputed before the answer; the others keep their due dates.")
    YearLoaded load(
            Caller caller, @PathVariable @Min(2000) @Max(2100) int year, @RequestBody CalendarStore.YearFile body) {
        access.requireAdministrator(caller, Role.SYSTEM_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (body.year() != year) {
            errors.add(new FieldError("year", "must be " + year + ", the year in the path", body.year()));
        }
        if (body.source() == null || body.source().isBlank()) {
            errors.add(new FieldError("source", "must name the notice the dates come from", body.source()));
        }
        Set<LocalDate> seen = new HashSet<>();
        checkDays("holidays", body.holidays(), year, seen, errors);
        checkDays("adjustedWorkingDays", body.adjustedWorkingDays(), year, seen, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int revision = calendars.put(body, caller.subject());
        // Deadlines computed without this year are recomputed before the answer goes out.
        events.publishEvent(new CalendarYearLoaded(year));
        return new YearLoaded(
                year,
                revision,
                body.holidays().size(),
                body.adjustedWorkingDays().size());
    }

    /** A year's calendar as loaded: its revision, and how many holidays and adjusted working days it has. */
    record YearLoaded(int year, int revision, int holidays, int adjustedWorkingDays) {}

    private static void checkDays(
            String field,
            List<CalendarStore.YearFile.Day> days,
            int year,
            Set<LocalDate> seen,
            List<FieldError> errors) {
        if (days == null) {
            errors.add(new FieldError(field, "must be a list (it may be empty)", null));
            return;
        }
        for (int i = 0; i < days.size(); i++) {
            CalendarStore.YearFile.Day day = days.get(i);
            String at = field + "[" + i + "]";
            if (day == null || day.date() == null) {
                errors.add(new FieldError(at + ".date", "is required", null));
            } else if (day.date().getYear() != year) {
                errors.add(new FieldError(at + ".date", "is not in " + year, day.date()));
            } else if (!seen.add(day.date())) {
                errors.add(new FieldError(
                        at + ".date",
                        "appears twice (a day is a holiday or a working day, " + "not both)",
                        day.date()));
            }
            if (day != null && (day.name() == null || day.name().isBlank())) {
                errors.add(new FieldError(at + ".name", "must name the holiday", day.name()));
            }
        }
    }

    @GetMapping("/due-date")
    // Public through the gateway: no token or key is asked for.
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @Operation(
            summary = "When a period ends",
            description = "start is a date (2026-09-28) for day units or a date-time for HOURS (2026-09-28T10:00"
                    + " in Asia/Shanghai, or with an offset).")
    DueDateAnswer dueDate(
            @RequestParam @Parameter(example = "2026-09-28") String start,
            @RequestParam @Min(0) @Max(3660) int amount,
            @RequestParam @Parameter(example = "CALENDAR_DAYS") DurationUnit unit) {
        Instant startInstant = parseStart(start);
        DueDateCalculator.DueDate due = calculator.due(startInstant, amount, unit);
        OffsetDateTime dueAt = due.dueAt().atZone(DueDateCalculator.LEGAL_ZONE).toOffsetDateTime();
        return new DueDateAnswer(
                start,
                amount,
                unit,
                unit == DurationUnit.HOURS ? dueAt.toString() : String.valueOf(due.dueDate()),
                dueAt,
                due.provisional(),
                due.arithmetic());
    }

    /** The answer: {@code due} is a date for day units, a date-time for hours. */
    record DueDateAnswer(
            String start,
            int amount,
            DurationUnit unit,
            String due,
            OffsetDateTime dueAt,
            boolean provisional,
            String arithmetic) {}

    private static Instant parseStart(@Nullable String start) {
        try {
            if (start.length() == 10) {
                return LocalDate.parse(start)
                        .atStartOfDay(DueDateCalculator.LEGAL_ZONE)
                        .toInstant();
            }
            if (start.endsWith("Z") || start.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(start).toInstant();
            }
            return LocalDateTime.parse(start)
                    .atZone(DueDateCalculator.LEGAL_ZONE)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "start",
                    "must be an ISO date (2026-09-28) or date-time " + "(2026-09-28T10:00, 2026-09-28T10:00+08:00)",
                    start);
        }
    }
}
