package cn.wildlife.bench;

import cn.wildlife.events.EventCodec;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.calendar.domain.HolidayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH micro-benchmarks of what every event pays for: the deadline arithmetic with the shipped holiday calendar and
 * the schema validation of an agency's event. Run with {@code ./bench --micro}; they run in the benchmark's own JVM
 * (no fork: the runnable jar's nested classes are not on a forked JVM's class path), after a warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Micro {

    private DueDateCalculator calculator;
    private final Instant start = Instant.parse("2026-09-28T02:00:00Z");
    private final List<DueDateCalculator.Pause> pauses = List.of(
            new DueDateCalculator.Pause(Instant.parse("2026-10-09T02:00:00Z"), Instant.parse("2026-10-20T02:00:00Z")));
    private EventCodec codec;
    private CloudEvent clue;

    @Setup
    public void setUp() throws IOException {
        calculator = new DueDateCalculator(shippedCalendar());
        codec = new EventCodec();
        try (InputStream sample = Micro.class.getResourceAsStream(
                cn.wildlife.events.tools.SampleEvents.FOLDER + "valid/forestry-clue-mist-nets.json")) {
            if (sample == null) {
                throw new IllegalStateException("the sample clue event is not on the class path");
            }
            clue = new JsonFormat().deserialize(sample.readAllBytes());
        }
    }

    /** 3 days from the day before National Day (the transfer example): the end moves past the holiday. */
    @Benchmark
    public DueDateCalculator.DueDate calendarDaysOverNationalDay() {
        return calculator.due(start, 3, DurationUnit.CALENDAR_DAYS);
    }

    /** 20 working days, skipping the holiday and counting the adjusted working Saturday. */
    @Benchmark
    public DueDateCalculator.DueDate workingDays() {
        return calculator.due(start, 20, DurationUnit.WORKING_DAYS);
    }

    /** Art. 60's 90 days with an appraisal pause of 11 days. */
    @Benchmark
    public DueDateCalculator.DueDate calendarDaysWithAPause() {
        return calculator.due(start, 90, DurationUnit.CALENDAR_DAYS, pauses);
    }

    /** An agency's clue event read, checked against its JSON schema and bound to its payload. */
    @Benchmark
    public Object clueEventValidated() {
        return codec.fromCloudEvent(clue);
    }

    /** Runs every benchmark briefly and adds one figure per benchmark. */
    static void run(Figures figures) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(Micro.class.getName() + "\\.")
                .forks(0)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            double micros = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            figures.add(
                    "JMH " + name.substring(name.lastIndexOf('.') + 1),
                    micros,
                    "µs/op",
                    "± " + Figures.format(Double.isNaN(error) ? 0 : error) + " µs (99.9 %)",
                    "",
                    null);
        }
    }

    /** The calendar notification-service ships (2025, 2026), read from its own data file. */
    static HolidayCalendar shippedCalendar() throws IOException {
        try (InputStream in = DueDateCalculator.class.getResourceAsStream("/calendar/holidays-cn.json")) {
            if (in == null) {
                throw new IllegalStateException("notification-service's calendar is not on the class path");
            }
            List<HolidayCalendar.Year> years = new ArrayList<>();
            for (JsonNode year : new ObjectMapper().readTree(in)) {
                years.add(new HolidayCalendar.Year(
                        year.get("year").asInt(),
                        year.get("source").asText(),
                        dates(year.get("holidays")),
                        dates(year.get("adjustedWorkingDays"))));
            }
            return new HolidayCalendar(years);
        }
    }

    private static Set<LocalDate> dates(JsonNode days) {
        Set<LocalDate> dates = new HashSet<>();
        days.forEach(day -> dates.add(LocalDate.parse(day.get("date").asText())));
        return dates;
    }
}
