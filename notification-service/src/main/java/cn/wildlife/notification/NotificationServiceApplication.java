package cn.wildlife.notification;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Deadlines opened from events by rules held as data, alerts, escalation and their delivery. */
@SpringBootApplication
@EnableScheduling
public class NotificationServiceApplication {

    public static final String NAME = "notification-service";

    /** The CloudEvents {@code source} of every event this service announces. */
    public static final java.net.URI EVENT_SOURCE = java.net.URI.create("urn:cn.wildlife:" + NAME);

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .main(NotificationServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
