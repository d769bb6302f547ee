package cn.wildlife.notification.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.calendar.domain.HolidayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of a clock that pauses and is extended: always recomputed from the whole clock. */
class DeadlineClockTest {

    private static final DueDateCalculator CALCULATOR =
            new DueDateCalculator(new HolidayCalendar(Set.of(new HolidayCalendar.Year(
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
                    Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10))))));

    /** The police filing review: 3 days, up to 7 where the lead needs checking, up to 30 for major complex cases. */
    private static final List<DeadlineRule.Extension> POLICE = List.of(
            new DeadlineRule.Extension(null, 7, DurationUnit.CALENDAR_DAYS, "涉嫌犯罪线索需要查证"),
            new DeadlineRule.Extension(null, 30, DurationUnit.CALENDAR_DAYS, "县级以上公安机关负责人批准"));

    private static final List<DeadlineRule.Extension> MARKET =
            List.of(new DeadlineRule.Extension(15, null, DurationUnit.WORKING_DAYS, "市场监督管理部门负责人批准"));

    private static Instant shanghai(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static DeadlineClock clock(int amount, DurationUnit unit) {
        return new DeadlineClock(shanghai("2026-11-02T09:00"), amount, unit, List.of(), List.of());
    }

    private static LocalDate dueDate(DeadlineClock clock) {
        return clock.due(CALCULATOR).dueDate();
    }

    @Test
    void anExtensionUpToATotalReplacesThePeriod() {
        DeadlineClock extended = clock(3, DurationUnit.CALENDAR_DAYS)
                .extendedBy(POLICE, 1, "双公审〔2026〕5号", "police-head", shanghai("2026-11-03T09:00"));

        assertThat(extended.period()).isEqualTo(7);
        assertThat(dueDate(extended)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(extended.due(CALCULATOR).arithmetic()).contains("1 extension(s) granted, period 7 calendar days");
    }

    @Test
    void aLongerTotalAfterAShorterOneGivesTheLongerAndNeverMoreThanTheRuleLists() {
        DeadlineClock twice = clock(3, DurationUnit.CALENDAR_DAYS)
                .extendedBy(POLICE, 1, "A", "head", shanghai("2026-11-03T09:00"))
                .extendedBy(POLICE, 2, "B", "head", shanghai("2026-11-06T09:00"));

        assertThat(twice.period()).isEqualTo(30);
        assertThat(dueDate(twice)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThatThrownBy(() -> twice.extendedBy(POLICE, 1, "C", "head", shanghai("2026-11-07T09:00")))
                .isInstanceOfSatisfying(
                        DeadlineClock.ExtensionRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadlineClock.ExtensionRefused.Reason.NONE_LEFT));
    }

    @Test
    void theSameExtensionIsGrantedOnceAndAnUnknownOneNotAtAll() {
        DeadlineClock once =
                clock(3, DurationUnit.CALENDAR_DAYS).extendedBy(POLICE, 2, "A", "head", shanghai("2026-11-03T09:00"));

        assertThatThrownBy(() -> once.extendedBy(POLICE, 2, "B", "head", shanghai("2026-11-04T09:00")))
                .isInstanceOfSatisfying(
                        DeadlineClock.ExtensionRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadlineClock.ExtensionRefused.Reason.ALREADY_GRANTED));
        assertThatThrownBy(() -> once.extendedBy(POLICE, 1, "B", "head", shanghai("2026-11-04T09:00")))
                .as("up to 7 after up to 30 lengthens nothing")
                .isInstanceOfSatisfying(
                        DeadlineClock.ExtensionRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadlineClock.ExtensionRefused.Reason.MOVES_NOTHING));
        assertThatThrownBy(() -> once.extendedBy(POLICE, 3, "B", "head", shanghai("2026-11-04T09:00")))
                .isInstanceOfSatisfying(
                        DeadlineClock.ExtensionRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadlineClock.ExtensionRefused.Reason.UNKNOWN));
        assertThatThrownBy(() -> clock(90, DurationUnit.CALENDAR_DAYS)
                        .extendedBy(List.of(), 1, "B", "head", shanghai("2026-11-04T09:00")))
                .hasMessageContaining("allows no extension");
    }

    @Test
    void anExtensionByMoreWorkingDaysCountsWorkingDays() {
        // 15 working days from 2 November end on 23 November; 15 more on 14 December.
        DeadlineClock extended = clock(15, DurationUnit.WORKING_DAYS)
                .extendedBy(MARKET, 1, "市监批〔2026〕1号", "market-head", shanghai("2026-11-20T09:00"));

        assertThat(dueDate(clock(15, DurationUnit.WORKING_DAYS))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(dueDate(extended)).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void aPausedClockMovesOnlyWhenItResumesByTheDaysPaused() {
        DeadlineClock running = clock(90, DurationUnit.CALENDAR_DAYS);
        Instant due = running.due(CALCULATOR).dueAt();
        DeadlineClock paused =
                running.pausedAt("cn.wildlife.case.appraisal-started.v1", shanghai("2026-11-20T10:00"), due);

        assertThat(paused.paused()).isTrue();
        assertThat(paused.due(CALCULATOR).dueAt())
                .as("a pause still running moves nothing yet")
                .isEqualTo(due);

        DeadlineClock resumed = paused.resumedAt(shanghai("2026-11-25T16:00"));
        assertThat(resumed.paused()).isFalse();
        // 90 days from 2 November: 31 January 2027 (a Sunday, weekends only: 2027 is not loaded) → 1 February;
        // 5 days paused: 5 February 2027.
        assertThat(dueDate(running)).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(dueDate(resumed)).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(resumed.due(CALCULATOR).provisional()).isTrue();
    }

    @Test
    void aPauseAfterTheDeadlineRanOutIsRecordedButNotCounted() {
        DeadlineClock running = clock(3, DurationUnit.CALENDAR_DAYS);
        DeadlineClock late = running.pausedAt(
                "cn.wildlife.case.hearing-started.v1",
                shanghai("2026-11-10T10:00"),
                running.due(CALCULATOR).dueAt());

        assertThat(late.paused()).isFalse();
        assertThat(late.pauseOpen()).isTrue();
        assertThat(dueDate(late.resumedAt(shanghai("2026-11-20T10:00")))).isEqualTo(LocalDate.of(2026, 11, 5));
    }

    @Test
    void pausesAndExtensionsTogetherAreCountedFromTheWholeClock() {
        DeadlineClock clock = clock(3, DurationUnit.CALENDAR_DAYS)
                .pausedAt("cn.wildlife.case.suspended.v1", shanghai("2026-11-03T09:00"), shanghai("2026-11-05T23:59"))
                .resumedAt(shanghai("2026-11-05T09:00"))
                .extendedBy(POLICE, 1, "A", "head", shanghai("2026-11-06T09:00"));

        // 7 days plus 2 paused from 2 November: 11 November.
        assertThat(dueDate(clock)).isEqualTo(LocalDate.of(2026, 11, 11));
    }
}
