package cn.wildlife.notification.calendar;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.calendar.domain.HolidayCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;

/** The holiday calendar shipped with the service (China 2025 and 2026, as the State Council published them). */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    static final String SHIPPED = "calendar/holidays-cn.json";

    /** The file's shape: one entry per published year. */
    record YearFile(int year, String source, List<Day> holidays, List<Day> adjustedWorkingDays) {
        record Day(LocalDate date, String name) {
        }

        HolidayCalendar.Year toYear() {
            return new HolidayCalendar.Year(year, source,
                    holidays.stream().map(Day::date).collect(Collectors.toSet()),
                    adjustedWorkingDays.stream().map(Day::date).collect(Collectors.toSet()));
        }
    }

    @Bean
    HolidayCalendar holidayCalendar(ObjectMapper mapper) {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            YearFile[] years = mapper.readValue(in, YearFile[].class);
            return new HolidayCalendar(java.util.Arrays.stream(years).map(YearFile::toYear).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    DueDateCalculator dueDateCalculator(HolidayCalendar calendar) {
        return new DueDateCalculator(calendar);
    }
}
