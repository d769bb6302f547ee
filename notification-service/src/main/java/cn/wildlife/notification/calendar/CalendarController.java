package cn.wildlife.notification.calendar;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
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
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
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

    CalendarController(DueDateCalculator calculator) {
        this.calculator = calculator;
    }

    @GetMapping("/due-date")
    @Operation(summary = "When a period ends",
            description = "start is a date (2026-09-28) for day units or a date-time for HOURS (2026-09-28T10:00"
                    + " in Asia/Shanghai, or with an offset).")
    DueDateAnswer dueDate(@RequestParam @Parameter(example = "2026-09-28") String start,
                          @RequestParam @Min(0) @Max(3660) int amount,
                          @RequestParam @Parameter(example = "CALENDAR_DAYS") DurationUnit unit) {
        Instant startInstant = parseStart(start);
        DueDateCalculator.DueDate due = calculator.due(startInstant, amount, unit);
        OffsetDateTime dueAt = due.dueAt().atZone(DueDateCalculator.LEGAL_ZONE).toOffsetDateTime();
        return new DueDateAnswer(start, amount, unit, unit == DurationUnit.HOURS ? dueAt.toString()
                : String.valueOf(due.dueDate()), dueAt, due.provisional(), due.arithmetic());
    }

    /** The answer: {@code due} is a date for day units, a date-time for hours. */
    record DueDateAnswer(String start, int amount, DurationUnit unit, String due, OffsetDateTime dueAt,
                         boolean provisional, String arithmetic) {
    }

    private static Instant parseStart(@Nullable String start) {
        try {
            if (start.length() == 10) {
                return LocalDate.parse(start).atStartOfDay(DueDateCalculator.LEGAL_ZONE).toInstant();
            }
            if (start.endsWith("Z") || start.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(start).toInstant();
            }
            return LocalDateTime.parse(start).atZone(DueDateCalculator.LEGAL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("start", "must be an ISO date (2026-09-28) or date-time "
                    + "(2026-09-28T10:00, 2026-09-28T10:00+08:00)", start);
        }
    }
}
