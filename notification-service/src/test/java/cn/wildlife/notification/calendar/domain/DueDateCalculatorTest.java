package cn.wildlife.notification.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DueDateCalculatorTest {

    /** 2026 as published: National Day 1–7 October, with Sunday 20 September and Saturday 10 October worked. */
    private static final HolidayCalendar CALENDAR = new HolidayCalendar(Set.of(new HolidayCalendar.Year(
            2026,
            "test",
            Set.of(
                    LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 2),
                    LocalDate.of(2026, 10, 3),
                    LocalDate.of(2026, 10, 4),
                    LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)))));

    private final DueDateCalculator calculator = new DueDateCalculator(CALENDAR);

    private static Instant shanghai(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime)
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }

    @Test
    void threeDaysFromTheTwentyEighthOfSeptemberEndAfterNationalDay() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-09-28T10:00"), 3, DurationUnit.CALENDAR_DAYS);

        // 29, 30 September, 1 October: the last day is a holiday, so the period ends on the next working day.
        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(due.provisional()).isFalse();
        assertThat(due.arithmetic()).contains("moved to the next working day");
    }

    @Test
    void theFirstDayIsNotCounted() {
        assertThat(calculator
                        .due(shanghai("2026-11-02T09:00"), 3, DurationUnit.CALENDAR_DAYS)
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 11, 5));
    }

    @Test
    void aPeriodEndingOnAnOrdinarySundayMovesToMonday() {
        assertThat(calculator
                        .due(shanghai("2026-11-05T09:00"), 3, DurationUnit.CALENDAR_DAYS)
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void anAdjustedWorkingSaturdayIsAWorkingDay() {
        // Start Wednesday 7 October (a holiday): 3 calendar days end on Saturday 10 October, a working day.
        assertThat(calculator
                        .due(shanghai("2026-10-07T09:00"), 3, DurationUnit.CALENDAR_DAYS)
                        .dueDate())
                .isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void workingDaysSkipHolidaysAndCountBridgeDays() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-09-28T10:00"), 5, DurationUnit.WORKING_DAYS);

        // 29, 30 September; 8, 9, 10 (a worked Saturday) October.
        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void hoursAreExactAndEndAtTheSameMinute() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-09-30T16:30"), 24, DurationUnit.HOURS);

        assertThat(due.dueAt()).isEqualTo(shanghai("2026-10-01T16:30"));
        assertThat(due.dueDate()).isNull();
    }

    @Test
    void aYearWithoutItsCalendarIsProvisional() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-12-28T10:00"), 5, DurationUnit.WORKING_DAYS);

        assertThat(due.provisional()).isTrue();
        assertThat(due.arithmetic()).contains("PROVISIONAL");
        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void thePeriodEndsAtTheEndOfItsLastDay() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-11-02T09:00"), 3, DurationUnit.CALENDAR_DAYS);

        assertThat(due.dueAt()).isEqualTo(shanghai("2026-11-05T23:59:59"));
    }

    @Test
    void calendarDaysPausedAddTheWholeDaysFromThePausesFirstDayToItsLast() {
        // 90 days from 1 September 2026 end on 30 November; an appraisal from 10 to 13 October pauses 3 days.
        DueDateCalculator.DueDate due = calculator.due(
                shanghai("2026-09-01T09:00"),
                90,
                DurationUnit.CALENDAR_DAYS,
                java.util.List.of(
                        new DueDateCalculator.Pause(shanghai("2026-10-10T15:00"), shanghai("2026-10-13T09:30"))));

        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(due.arithmetic()).contains("3 days paused");
    }

    @Test
    void aPausedPeriodWhoseLastDayIsARestDayStillMovesToTheNextWorkingDay() {
        // 3 days from Monday 2 November end on Thursday 5th; 2 days paused make Saturday 7th, so Monday 9th.
        DueDateCalculator.DueDate due = calculator.due(
                shanghai("2026-11-02T09:00"),
                3,
                DurationUnit.CALENDAR_DAYS,
                java.util.List.of(
                        new DueDateCalculator.Pause(shanghai("2026-11-03T09:00"), shanghai("2026-11-05T17:00"))));

        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void workingDaysPausedAddOnlyTheWorkingDaysAmongThem() {
        // 5 working days from 28 September end on Saturday 10 October (a worked day); paused from Wednesday
        // 30 September to Friday 9 October: of 1 to 9 October only the 8th and 9th are working days, so two more:
        // Monday 12 and Tuesday 13 October.
        DueDateCalculator.DueDate due = calculator.due(
                shanghai("2026-09-28T10:00"),
                5,
                DurationUnit.WORKING_DAYS,
                java.util.List.of(
                        new DueDateCalculator.Pause(shanghai("2026-09-30T10:00"), shanghai("2026-10-09T10:00"))));

        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(due.arithmetic()).contains("2 working days paused");
    }

    @Test
    void hoursPausedAreAddedExactly() {
        DueDateCalculator.DueDate due = calculator.due(
                shanghai("2026-09-30T16:30"),
                24,
                DurationUnit.HOURS,
                java.util.List.of(
                        new DueDateCalculator.Pause(shanghai("2026-10-01T08:00"), shanghai("2026-10-01T11:15"))));

        assertThat(due.dueAt()).isEqualTo(shanghai("2026-10-01T19:45"));
    }

    @Test
    void aPauseThatBeganAfterThePeriodRanOutAddsNothing() {
        DueDateCalculator.DueDate due = calculator.due(
                shanghai("2026-11-02T09:00"),
                3,
                DurationUnit.CALENDAR_DAYS,
                java.util.List.of(
                        new DueDateCalculator.Pause(shanghai("2026-11-06T09:00"), shanghai("2026-11-20T09:00"))));

        assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(due.arithmetic()).doesNotContain("paused");
    }

    @Test
    void theYearsWithoutACalendarAreNamed() {
        DueDateCalculator.DueDate due = calculator.due(shanghai("2026-11-25T09:00"), 90, DurationUnit.CALENDAR_DAYS);

        assertThat(due.provisional()).isTrue();
        assertThat(due.missingYears()).containsExactly(2027);
        assertThat(due.arithmetic()).contains("calendar of 2027 is not loaded");
    }
}
