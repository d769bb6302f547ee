package cn.wildlife.caseservice;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Clues, cases, the transfer of suspected crimes between agencies (两法衔接) and each case's timeline. */
@SpringBootApplication
public class CaseServiceApplication {

    public static final String NAME = "case-service";

    /** The CloudEvents {@code source} of every event this service announces. */
    public static final java.net.URI EVENT_SOURCE = java.net.URI.create("urn:cn.wildlife:" + NAME);

    /** How the service starts, alone or inside the local runtime: its own config file, a servlet web server. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CaseServiceApplication.class)
                .main(CaseServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
