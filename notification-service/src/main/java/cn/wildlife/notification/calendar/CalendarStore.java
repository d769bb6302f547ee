package cn.wildlife.notification.calendar;

import cn.wildlife.notification.calendar.domain.HolidayCalendar;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * China's holiday calendars, one document per year in {@code calendars}. The years shipped with the service are added
 * at first start and never overwrite a year loaded later; a year loaded through the API applies to every deadline
 * computed afterwards, on every instance within a few seconds.
 */
public class CalendarStore {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** One year as stored and loaded: the shape of {@code calendar/holidays-cn.json}'s entries. */
    public record YearFile(int year, String source, List<Day> holidays, List<Day> adjustedWorkingDays) {
        /** A named day. */
        public record Day(LocalDate date, String name) {}

        HolidayCalendar.Year toYear() {
            return new HolidayCalendar.Year(
                    year,
                    source,
                    holidays.stream().map(Day::date).collect(Collectors.toSet()),
                    adjustedWorkingDays.stream().map(Day::date).collect(Collectors.toSet()));
        }
    }

    private final MongoCollection<Document> years;
    private final Clock clock;
    private final AtomicReference<HolidayCalendar> current = new AtomicReference<>(new HolidayCalendar(List.of()));
    private volatile Instant loadedAt = Instant.EPOCH;

    public CalendarStore(MongoDatabase database, Clock clock, List<YearFile> shipped) {
        this.years = database.getCollection("calendars");
        this.clock = clock;
        for (YearFile year : shipped) {
            year.toYear();
            MongoSupport.insertIfAbsent(years, asDocument(year, "SHIPPED", null));
        }
        reload();
    }

    /** The calendar in force, re-read from the store every few seconds. */
    public HolidayCalendar calendar() {
        if (Duration.between(loadedAt, clock.instant()).compareTo(REFRESH) > 0) {
            reload();
        }
        return current.get();
    }

    /** Loads or replaces one year; the caller has validated it. Returns the year's revision. */
    public int put(YearFile year, String by) {
        Document existing = years.find(Filters.eq("_id", year.year())).first();
        int revision = existing == null ? 1 : existing.getInteger("revision", 1) + 1;
        Document doc = asDocument(year, "LOADED", by).append("revision", revision);
        years.replaceOne(Filters.eq("_id", year.year()), doc, new ReplaceOptions().upsert(true));
        reload();
        return revision;
    }

    /** What is loaded, per year. */
    /** A loaded year as listed: where its dates come from, its revision, and how many days it names. */
    public record YearSummary(
            int year,
            @Nullable String source,
            @Nullable String origin,
            int revision,
            int holidays,
            int adjustedWorkingDays,
            Instant updatedAt) {}

    public List<YearSummary> summary() {
        List<YearSummary> out = new ArrayList<>();
        for (Document d : years.find().sort(new Document("_id", 1))) {
            out.add(new YearSummary(
                    d.getInteger("_id"),
                    d.getString("source"),
                    d.getString("origin"),
                    d.getInteger("revision", 1),
                    d.getList("holidays", Document.class, List.of()).size(),
                    d.getList("adjustedWorkingDays", Document.class, List.of()).size(),
                    d.getDate("updatedAt").toInstant()));
        }
        return out;
    }

    private synchronized void reload() {
        List<HolidayCalendar.Year> loaded = new ArrayList<>();
        for (Document d : years.find()) {
            loaded.add(fromDocument(d).toYear());
        }
        current.set(new HolidayCalendar(loaded));
        loadedAt = clock.instant();
    }

    private Document asDocument(YearFile year, String origin, String by) {
        return new Document("_id", year.year())
                .append("source", year.source())
                .append("origin", origin)
                .append("updatedBy", by)
                .append("updatedAt", Date.from(clock.instant()))
                .append("holidays", days(year.holidays()))
                .append("adjustedWorkingDays", days(year.adjustedWorkingDays()))
                .append("revision", 1);
    }

    private static List<Document> days(List<YearFile.Day> days) {
        return days.stream()
                .map(d -> new Document("date", d.date().toString()).append("name", d.name()))
                .toList();
    }

    private static YearFile fromDocument(Document d) {
        return new YearFile(
                d.getInteger("_id"),
                d.getString("source"),
                readDays(d, "holidays"),
                readDays(d, "adjustedWorkingDays"));
    }

    private static List<YearFile.Day> readDays(Document d, String field) {
        return d.getList(field, Document.class, List.of()).stream()
                .map(day -> new YearFile.Day(LocalDate.parse(day.getString("date")), day.getString("name")))
                .toList();
    }
}
