package cn.wildlife.notification.alert;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.calendar.CalendarStore;
import cn.wildlife.notification.calendar.domain.HolidayCalendar;
import cn.wildlife.notification.deadline.CalendarGaps;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Tells the system administrators, once per year, that a deadline fell in a year whose holiday calendar is not
 * loaded (its due time is provisional, computed on weekends alone). The alert is held by one document per year in
 * {@code calendar_gaps}, inserted only if absent: however many instances compute such deadlines, one alert is raised.
 *
 * <p>The alert is told once; the gauge {@code platform.calendar.missing.years} keeps saying it until the year is
 * loaded: the years a deadline needed that the calendar in force still lacks, as of the last count
 * ({@link #countMissingYears()}, every minute). Every instance counts them all, from the store.
 */
@Component
public class CalendarGapAlerts implements CalendarGaps {

    /**
     * Whom the alert is for: every system administrator (who loads the calendar), whatever their agency and region.
     */
    public static final String ADMINISTRATORS = "*@*/SYSTEM_ADMIN";

    public static final String KIND = "CALENDAR_MISSING";
    static final String COLLECTION = "calendar_gaps";

    private final MongoCollection<Document> gaps;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final CalendarStore calendars;
    private final Clock clock;
    private final AtomicInteger missingYears = new AtomicInteger();
    // Spares the store a write per provisional deadline once this instance knows the year was announced.
    private final Set<Integer> announced = ConcurrentHashMap.newKeySet();

    public CalendarGapAlerts(
            MongoDatabase database,
            Outbox outbox,
            OutboxRelay relay,
            CalendarStore calendars,
            Clock clock,
            MeterRegistry meters) {
        this.gaps = database.getCollection(COLLECTION);
        this.outbox = outbox;
        this.relay = relay;
        this.calendars = calendars;
        this.clock = clock;
        Gauge.builder("platform.calendar.missing.years", missingYears, AtomicInteger::get)
                .description(
                        "years a deadline needed whose holiday calendar is not loaded (its due time is provisional)")
                .register(meters);
    }

    /** Raises the alert for each missing year not announced yet; {@code deadline} is the one that touched it. */
    @Override
    public void raiseOnce(Collection<Integer> missingYears, Deadline deadline, Instant provisionalDueAt) {
        boolean raised = false;
        for (int year : missingYears) {
            if (announced.contains(year)) {
                continue;
            }
            Instant now = clock.instant();
            AlertRaised alert = new AlertRaised(
                    KIND + ":" + year,
                    KIND,
                    deadline.id(),
                    deadline.ruleId(),
                    year + "年节假日安排未载入，期限暂按周末计算",
                    "国务院办公厅关于" + year + "年部分节假日安排的通知（尚未载入平台，请管理员载入）",
                    "CALENDAR_YEAR",
                    String.valueOf(year),
                    deadline.agency(),
                    deadline.region(),
                    provisionalDueAt,
                    now,
                    List.of(ADMINISTRATORS));
            Document doc = new Document("_id", year)
                    .append("raisedAt", Date.from(now))
                    .append("firstDeadlineId", deadline.id())
                    .append("loadedAt", null);
            doc.putAll(outbox.newDocumentFields(List.of(outbox.entry(
                    Topics.PLATFORM_ALERTS,
                    Envelope.of(
                            NotificationServiceApplication.EVENT_SOURCE,
                            deadline.agency(),
                            deadline.region(),
                            alert)))));
            raised |= MongoSupport.insertIfAbsent(gaps, doc);
            announced.add(year);
        }
        if (raised) {
            relay.wake();
        }
    }

    /**
     * Counts the missing years again for the gauge: one document per year ever missing, checked against the calendar
     * in force (kept in memory), rather than the documents' {@code loadedAt}, which a replica whose calendar was a few
     * seconds old could leave unset on a year loaded meanwhile.
     */
    public void countMissingYears() {
        HolidayCalendar calendar = calendars.calendar();
        int missing = 0;
        for (Document gap : gaps.find().projection(Projections.include("_id"))) {
            if (!calendar.knows(gap.getInteger("_id"))) {
                missing++;
            }
        }
        missingYears.set(missing);
    }

    /** The year's calendar is loaded: the gap is marked closed, for whoever looks at the store. */
    @Override
    public void loaded(int year) {
        gaps.updateOne(Filters.eq("_id", year), Updates.set("loadedAt", Date.from(clock.instant())));
    }
}
