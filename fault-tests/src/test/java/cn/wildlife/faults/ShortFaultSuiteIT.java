package cn.wildlife.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short fault suite, inside {@code ./mvnw verify}: case-service killed with kill -9 under load and restarted,
 * poison mixed into good load, poison while a dead-letter topic is unwritable (dead-lettered or quarantined), the
 * broker restarted under load; each against the real runnable jar's processes.
 */
class ShortFaultSuiteIT {

    @Test
    void killedServicePoisonAndBrokerRestartLoseNothingAndApplyNothingTwice() throws Exception {
        Path jar =
                Path.of(System.getProperty("wildlife.platform.jar", "../local-runtime/target/wildlife-platform.jar"));
        assertTrue(Files.isRegularFile(jar), "the runnable jar is built before this test: " + jar);
        Path dir = Files.createTempDirectory(Path.of("target"), "faults-short-");

        List<Outcome> outcomes = FaultTests.run(jar, dir.toAbsolutePath(), false, List.of(), System.out);

        assertEquals(4, outcomes.size());
        assertAll(outcomes.stream().map(o -> () -> {
            assertTrue(o.sent() > 0, o.scenario() + ": nothing sent");
            assertEquals(0, o.lost(), o.scenario() + ": lost");
            assertEquals(0, o.appliedTwice(), o.scenario() + ": applied twice");
            assertEquals(0, o.alertsMissing(), o.scenario() + ": overdue alerts missing");
            assertTrue(o.passed(), o.scenario() + ": " + o.notes());
        }));
    }
}
