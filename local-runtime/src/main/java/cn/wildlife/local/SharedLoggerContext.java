package cn.wildlife.local;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The applications of one process share one logback context, and they start side by side. Each one's log metrics
 * register a listener with that context, in a plain list: two registering at the same moment can fail a start
 * ("Index 1 out of bounds for length 0"). Each application gets its log metrics from here instead, made one at a time;
 * the metrics auto-configuration then steps aside, and the application still closes them when it stops.
 */
final class SharedLoggerContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Object REGISTERING = new Object();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext application
                && LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            application.registerBean(
                    "logbackMetrics",
                    LogbackMetrics.class,
                    () -> logbackMetrics((LoggerContext) LoggerFactory.getILoggerFactory()));
        }
    }

    static LogbackMetrics logbackMetrics(LoggerContext loggers) {
        synchronized (REGISTERING) {
            return new LogbackMetrics(List.of(), loggers);
        }
    }
}
