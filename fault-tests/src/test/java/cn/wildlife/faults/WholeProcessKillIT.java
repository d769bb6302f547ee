package cn.wildlife.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One round of the whole-process kill inside {@code ./mvnw verify}: {@code ./platform run} killed with kill -9 while
 * it takes in a burst of 2,000 clues, started again on the same data folder; {@code ./faults --whole-process} runs
 * four rounds of 6,000.
 */
class WholeProcessKillIT {

    @Test
    void nothingAcknowledgedIsLostAndIntakeResumesPromptly() throws Exception {
        Path jar =
                Path.of(System.getProperty("wildlife.platform.jar", "../local-runtime/target/wildlife-platform.jar"));
        assertTrue(Files.isRegularFile(jar), "the runnable jar is built before this test: " + jar);
        Path dir = Files.createTempDirectory(Path.of("target"), "whole-process-");

        List<Outcome> outcomes =
                FaultTests.runWholeProcess(jar, dir.toAbsolutePath(), 1, WholeProcessKill.CLUES_IN_VERIFY, System.out);

        assertEquals(1, outcomes.size());
        Outcome round = outcomes.get(0);
        assertAll(
                () -> assertEquals(WholeProcessKill.CLUES_IN_VERIFY, round.sent(), "acknowledged"),
                () -> assertEquals(0, round.lost(), "lost"),
                () -> assertEquals(0, round.appliedTwice(), "applied twice"),
                () -> assertTrue(round.passed(), String.join("\n", round.notes())));
    }
}
