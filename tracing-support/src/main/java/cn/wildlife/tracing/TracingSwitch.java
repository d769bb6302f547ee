package cn.wildlife.tracing;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Tracing costs nothing where nobody collects it: unless {@value #ENDPOINT} names an OTLP collector, Boot's
 * OpenTelemetry auto-configurations are left out, so the tracer is Boot's no-op one (no spans, no exporter thread, no
 * trace ids in logs). {@code management.tracing.export.enabled=false} would not do: in Boot 4 it drops only the
 * exporters and propagation, and every observation would still make a span.
 * The gateway and every service have it: this module registers it in {@code META-INF/spring.factories}.
 */
public final class TracingSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    private static final String[] OPEN_TELEMETRY = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.", "org.springframework.boot.opentelemetry."
    };

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        String endpoint = environment == null ? null : environment.getProperty(ENDPOINT);
        boolean on = endpoint != null && !endpoint.isBlank();
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = on || name == null || Arrays.stream(OPEN_TELEMETRY).noneMatch(name::startsWith);
        }
        return matches;
    }
}
