package cn.wildlife.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code ./faults [--short]}: the fault-test suite against the platform's parts as separate processes. Prints each
 * scenario's counts and a table; exits 1 when a scenario lost a report, applied one twice, or broke its promise.
 *
 * <pre>
 *   java -jar fault-tests/target/wildlife-fault-tests.jar [--short] [--only=kill-case,poison,...]
 *        [--jar=local-runtime/target/wildlife-platform.jar]
 *        [--dir=fault-tests/target/runs/&lt;time&gt;]
 *   java -jar fault-tests/target/wildlife-fault-tests.jar --whole-process[=ROUNDS]
 * </pre>
 *
 * <p>{@code --whole-process} runs {@link WholeProcessKill} instead (four rounds unless told), the whole platform in
 * one process as {@code ./platform run} starts it.
 */
public final class FaultTests {

    private FaultTests() {}

    public static void main(String[] args) throws IOException {
        boolean full = true;
        Path jar = Path.of("local-runtime", "target", "wildlife-platform.jar");
        Path dir = null;
        List<String> only = List.of();
        int wholeProcessRounds = 0;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = List.of(arg.substring(7).split(","));
                if (!FaultSuite.SCENARIOS.containsAll(only)) {
                    System.err.println("scenarios: " + String.join(",", FaultSuite.SCENARIOS));
                    System.exit(2);
                }
            } else if (arg.equals("--whole-process")) {
                wholeProcessRounds = 4;
            } else if (arg.startsWith("--whole-process=")) {
                wholeProcessRounds = Integer.parseInt(arg.substring("--whole-process=".length()));
            } else if (arg.equals("--short")) {
                full = false;
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(arg.substring(6));
            } else if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring(6));
            } else {
                System.err.println("usage: faults [--short] [--only=SCENARIO,...] [--whole-process[=ROUNDS]]"
                        + " [--jar=wildlife-platform.jar] [--dir=DIR]");
                System.exit(2);
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("no runnable jar at " + jar + ": build it with ./mvnw package -DskipTests -pl "
                    + "local-runtime -am");
            System.exit(2);
        }
        if (dir == null) {
            dir = Path.of(
                    "fault-tests",
                    "target",
                    "runs",
                    OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        List<Outcome> outcomes = wholeProcessRounds > 0
                ? runWholeProcess(jar, dir.toAbsolutePath(), wholeProcessRounds, WholeProcessKill.CLUES, System.out)
                : run(jar, dir.toAbsolutePath(), full, only, System.out);
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }

    /** Kills the whole platform mid-burst {@code rounds} times and prints the table; nothing is left running. */
    static List<Outcome> runWholeProcess(Path jar, Path dir, int rounds, int clues, PrintStream out)
            throws IOException {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        List<Outcome> outcomes = new WholeProcessKill(jar.toAbsolutePath(), dir, clues, out).run(rounds);
        out.println();
        out.printf(
                "Whole-process kill, %s, %d cores, Java %s, %d rounds of %,d clues, %.0f s; logs in %s%n",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                rounds,
                clues,
                (System.nanoTime() - start) / 1e9,
                dir);
        return table(outcomes, out);
    }

    /** Runs the suite and prints its table; the child processes are gone when this returns. */
    static List<Outcome> run(Path jar, Path dir, boolean full, List<String> only, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        List<Outcome> outcomes = new FaultSuite(jar.toAbsolutePath(), dir, FaultSuite.Sizes.of(full), only, out).run();
        out.println();
        out.printf(
                "Fault tests (%s), %s, %d cores, Java %s, %.0f s; logs in %s%n",
                full ? "full" : "short",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                (System.nanoTime() - start) / 1e9,
                dir.resolve("logs"));
        return table(outcomes, out);
    }

    private static List<Outcome> table(List<Outcome> outcomes, PrintStream out) {
        out.println(Outcome.header());
        for (Outcome o : outcomes) {
            out.println(o.row());
            o.notes().forEach(n -> out.println("    " + n));
        }
        out.flush();
        return outcomes;
    }
}
