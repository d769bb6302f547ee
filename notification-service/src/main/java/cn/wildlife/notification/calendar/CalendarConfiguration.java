package cn.wildlife.notification.calendar;

import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;

/** The holiday calendar: shipped years (China 2025 and 2026, as the State Council published them) and loaded ones. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    static final String SHIPPED = "calendar/holidays-cn.json";

    @Bean
    CalendarStore calendarStore(MongoDatabase database, Clock clock, ObjectMapper mapper) {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            return new CalendarStore(
                    database, clock, Arrays.asList(mapper.readValue(in, CalendarStore.YearFile[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    DueDateCalculator dueDateCalculator(CalendarStore calendars) {
        return new DueDateCalculator(calendars::calendar);
    }
}
