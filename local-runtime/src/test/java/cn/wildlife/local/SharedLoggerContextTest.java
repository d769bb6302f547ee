package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Applications starting side by side in one process each get their log metrics, and none fails to start. */
class SharedLoggerContextTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new SharedLoggerContext())
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    LogbackMetricsAutoConfiguration.class));

    @Test
    void anApplicationCountsItsLogEventsThroughTheSharedMetrics() {
        application.run(context -> {
            assertThat(context).hasSingleBean(LogbackMetrics.class);
            LoggerFactory.getLogger(SharedLoggerContextTest.class).warn("counted");
            assertThat(context.getBean(MeterRegistry.class)
                            .get("logback.events")
                            .tag("level", "warn")
                            .counter()
                            .count())
                    .isPositive();
        });
    }

    @Test
    void logMetricsMadeAtTheSameMomentByTwoApplicationsBothRegister() throws Exception {
        // Whole applications rarely collide in a test: registering is a few nanoseconds of their start. Two threads
        // spinning (not parked, whose waking is far slower than the collision) and then each making only the metrics
        // against a fresh logger context, the same one, do collide without the lock: an error, or a lost listener.
        int rounds = 10_000;
        LoggerContext[] loggers = new LoggerContext[rounds];
        for (int round = 0; round < rounds; round++) {
            loggers[round] = new LoggerContext();
        }
        AtomicInteger arrived = new AtomicInteger();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> makers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            makers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int round = 0; round < rounds; round++) {
                            arrived.incrementAndGet();
                            // Spinning, then yielding: on a runner with one core the other thread must get to run.
                            for (int spins = 0; arrived.get() < 2 * (round + 1); spins++) {
                                if (spins < 1_000) {
                                    Thread.onSpinWait();
                                } else {
                                    Thread.yield();
                                }
                            }
                            try {
                                SharedLoggerContext.logbackMetrics(loggers[round]);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    },
                    command -> new Thread(command).start()));
        }
        CompletableFuture.allOf(makers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        assertThat(failures).isEmpty();
        for (LoggerContext context : loggers) {
            assertThat(context.getCopyOfListenerList()).hasSize(2);
        }
    }
}
