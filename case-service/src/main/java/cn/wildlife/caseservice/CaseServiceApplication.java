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

    /** User-facing messages in zh-CN and English ({@code texts_*.properties} beside this class). */
    public static final cn.wildlife.support.web.Texts TEXTS =
            new cn.wildlife.support.web.Texts(CaseServiceApplication.class);

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
