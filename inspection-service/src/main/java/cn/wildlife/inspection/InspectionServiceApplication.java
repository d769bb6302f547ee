package cn.wildlife.inspection;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Captive-breeding facilities, their inspections and rectifications, joint operations and results tables. */
@SpringBootApplication
public class InspectionServiceApplication {

    public static final String NAME = "inspection-service";

    /** The CloudEvents {@code source} of every event this service announces. */
    public static final java.net.URI EVENT_SOURCE = java.net.URI.create("urn:cn.wildlife:" + NAME);

    /** Dates agencies write (due dates, phases, report days) are Beijing dates. */
    public static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InspectionServiceApplication.class)
                .main(InspectionServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
