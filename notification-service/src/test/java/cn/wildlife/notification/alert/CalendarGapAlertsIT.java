package cn.wildlife.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventCodec;
import cn.wildlife.notification.calendar.CalendarStore;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.notification.delivery.TestStore;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The gauge that keeps saying a holiday year is missing, until it is loaded, on every instance. */
class CalendarGapAlertsIT {

    private static final TestStore STORE = new TestStore();
    private static final String GAUGE = "platform.calendar.missing.years";

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void aYearADeadlineNeededCountsAsMissingOnEveryInstanceUntilItsCalendarIsLoaded() {
        MongoDatabase database = STORE.database();
        Clock clock = Clock.systemUTC();
        CalendarStore calendars = new CalendarStore(database, clock, List.of(year(2026)));
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        CalendarGapAlerts first = alerts(database, calendars, firstMeters);
        CalendarGapAlerts second = alerts(database, calendars, secondMeters);

        first.countMissingYears();
        assertThat(firstMeters.get(GAUGE).gauge().value()).isZero();

        // Twenty working days from mid-December 2026 end in 2027, whose calendar is not there.
        Instant start = Instant.parse("2026-12-20T02:00:00Z");
        DueDateCalculator.DueDate due =
                new DueDateCalculator(calendars::calendar).due(start, 20, DurationUnit.WORKING_DAYS);
        assertThat(due.missingYears()).containsExactly(2027);
        first.raiseOnce(due.missingYears(), deadline(start, due), due.dueAt());

        first.countMissingYears();
        second.countMissingYears();
        assertThat(firstMeters.get(GAUGE).gauge().value()).isEqualTo(1);
        assertThat(secondMeters.get(GAUGE).gauge().value()).isEqualTo(1);

        calendars.put(year(2027), "admin");
        first.loaded(2027);
        first.countMissingYears();
        second.countMissingYears();
        assertThat(firstMeters.get(GAUGE).gauge().value()).isZero();
        assertThat(secondMeters.get(GAUGE).gauge().value()).isZero();
    }

    private static CalendarGapAlerts alerts(
            MongoDatabase database, CalendarStore calendars, SimpleMeterRegistry meters) {
        // The relay is only woken here: what it publishes is the outbox's own tests' business.
        return new CalendarGapAlerts(
                database, new Outbox(new EventCodec()), mock(OutboxRelay.class), calendars, Clock.systemUTC(), meters);
    }

    private static CalendarStore.YearFile year(int year) {
        return new CalendarStore.YearFile(
                year, "test", List.of(new CalendarStore.YearFile.Day(LocalDate.of(year, 1, 1), "元旦")), List.of());
    }

    private static Deadline deadline(Instant start, DueDateCalculator.DueDate due) {
        return new Deadline(
                "CLUE_CASE_DECISION_DEFAULT:CLUE-1",
                "CLUE_CASE_DECISION_DEFAULT",
                1,
                "立案决定",
                "test",
                DeadlineRule.Kind.DUTY,
                "CLUE",
                "CLUE-1",
                Agency.FORESTRY,
                "220112",
                "event-1",
                start,
                20,
                DurationUnit.WORKING_DAYS,
                due.dueAt(),
                due.dueDate(),
                due.provisional(),
                due.arithmetic(),
                Deadline.State.OPEN,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1);
    }
}
