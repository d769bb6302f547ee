package cn.wildlife.faults;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Agency;
import cn.wildlife.events.access.KafkaAccess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The whole local platform ({@code ./platform run}: broker, store, services and gateway in one process) killed with
 * kill -9 in the middle of a burst of agency clues, and started again on the same data folder, as a laptop or a
 * single-host install loses power. Every clue Kafka acknowledged must end up stored, with its handling deadline, none
 * twice, and intake must resume within {@link #RESUME_TARGET} of the restarted platform being ready.
 */
final class WholeProcessKill {

    /** Clues in each round's burst. */
    static final int CLUES = 6_000;
    /**
     * Clues in the round {@code ./mvnw verify} runs: on the development store every conditional write reads its whole
     * collection, so a round of 6,000 takes minutes here.
     */
    static final int CLUES_IN_VERIFY = 2_000;
    /** Intake resumes this soon after the restarted platform is ready. */
    static final Duration RESUME_TARGET = Duration.ofSeconds(10);

    private static final String READY_LINE = "Wildlife enforcement platform is ready";
    private static final Duration STALL = Duration.ofSeconds(90);

    private final Path jar;
    private final Path dir;
    private final int clues;
    private final PrintStream out;

    WholeProcessKill(Path jar, Path dir, int clues, PrintStream out) {
        this.jar = jar;
        this.dir = dir;
        this.clues = clues;
        this.out = out;
    }

    /** Runs {@code rounds} rounds, each on a fresh data folder, the kill at a different point of the burst. */
    List<Outcome> run(int rounds) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // A third, a half, two thirds ... of the burst stored when the process dies.
            int killAt = clues * (round % 3 + 1) / 4;
            Outcome outcome = round(round, killAt);
            outcomes.add(outcome);
            out.println(Outcome.header());
            out.println(outcome.row());
            outcome.notes().forEach(n -> out.println("    " + n));
        }
        return outcomes;
    }

    private Outcome round(int round, int killAt) {
        Path data = dir.resolve("round-" + round);
        int kafkaPort = Parts.freePort();
        List<String> command = new ArrayList<>(List.of(
                Parts.javaCommand(), "-Xmx1g", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(
                "run",
                "--data-dir=" + data,
                "--gateway-port=" + Parts.freePort(),
                "--case-port=" + Parts.freePort(),
                "--notification-port=" + Parts.freePort(),
                "--inspection-port=" + Parts.freePort(),
                "--kafka-port=" + kafkaPort,
                "--kafka-controller-port=" + Parts.freePort(),
                "--kafka-internal-port=" + Parts.freePort()));
        int mongoPort = Parts.freePort();
        command.add("--mongo-port=" + mongoPort);
        Part platform = new Part("platform", command, dir.resolve("round-" + round + ".log"), READY_LINE);
        String name = "kill -9 the whole platform, round " + round;
        say(name + ": starting ./platform run on " + data);
        long start = System.nanoTime();
        platform.start(Duration.ofSeconds(240));
        String bootstrap = "localhost:" + kafkaPort;
        KafkaCredentials credentials = KafkaCredentials.read(data.resolve(KafkaCredentials.FILE));
        Map<String, Object> forestry =
                credentials.clientProperties(bootstrap, KafkaAccess.agencyPrincipal(Agency.FORESTRY));
        try (PlatformWatch watch = new PlatformWatch(credentials.clientProperties(bootstrap, KafkaAccess.ADMIN));
                Effects effects = new Effects("mongodb://localhost:" + mongoPort);
                AgencyLoad load = new AgencyLoad(forestry, "W" + round, null)) {
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < clues; i++) {
                    load.sendClue();
                }
                load.flush();
            });
            List<String> notes = new ArrayList<>();
            long storedAtKill = waitUntilStored(effects, load, killAt);
            platform.kill();
            say(name + ": killed with " + storedAtKill + " clues stored, " + load.sent() + " acknowledged");
            notes.add("  killed with " + storedAtKill + " of " + clues + " clues stored, " + load.sent()
                    + " acknowledged by then");
            long restarting = System.nanoTime();
            platform.start(Duration.ofSeconds(240));
            long ready = System.nanoTime();
            say(name + ": ready again after " + seconds(restarting, ready) + " s");
            Duration resumed = resumed(effects, load, storedAtKill, ready);
            notes.add((resumed.compareTo(RESUME_TARGET) <= 0 ? "✔ " : "✘ ") + "intake resumed "
                    + resumed.toMillis() / 1000.0 + " s after the restarted platform was ready (target ≤ "
                    + RESUME_TARGET.toSeconds() + " s; the restart took " + seconds(restarting, ready) + " s)");
            burst.join();
            Effects.Stored stored = settle(effects, load);
            Outcome outcome = outcome(name, load, stored, watch, seconds(start, System.nanoTime()), notes);
            platform.stop();
            return outcome;
        } finally {
            platform.kill();
        }
    }

    /** Waits until {@code count} clues of the load are stored; answers how many were when it returned. */
    private long waitUntilStored(Effects effects, AgencyLoad load, int count) {
        long stored = 0;
        long lastProgress = System.nanoTime();
        while (stored < count) {
            long now = effects.clues(load.prefix());
            if (now != stored) {
                stored = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("intake stalled at " + stored + " clues before the kill");
            }
            AgencyLoad.sleep(50);
        }
        return stored;
    }

    /**
     * How long after {@code ready} the stored count first grew beyond what was stored at the kill; zero when it grew
     * before (the services read as each comes up, before the whole platform is ready).
     */
    private Duration resumed(Effects effects, AgencyLoad load, long storedAtKill, long ready) {
        while (System.nanoTime() - ready < STALL.toNanos()) {
            long now;
            try {
                now = effects.clues(load.prefix());
            } catch (RuntimeException notYet) {
                now = storedAtKill;
            }
            if (now > storedAtKill) {
                return Duration.ofNanos(System.nanoTime() - ready);
            }
            AgencyLoad.sleep(100);
        }
        return STALL;
    }

    /** The stored effects once every acknowledged clue has its record and deadline, or nothing moved for a while. */
    private Effects.Stored settle(Effects effects, AgencyLoad load) {
        long lastProgress = System.nanoTime();
        int last = -1;
        while (true) {
            Effects.Stored stored = effects.of(load.prefix());
            int done = 0;
            for (String id : load.clues()) {
                done += stored.clues().contains(id) ? 1 : 0;
                done += stored.deadlinesBySubject().containsKey(id) ? 1 : 0;
            }
            if (done == 2 * load.sent()) {
                return stored;
            }
            if (done != last) {
                last = done;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                say("nothing moved for " + STALL.toSeconds() + " s; counting what is there");
                return stored;
            }
            AgencyLoad.sleep(500);
        }
    }

    private static Outcome outcome(
            String name,
            AgencyLoad load,
            Effects.Stored stored,
            PlatformWatch watch,
            double seconds,
            List<String> notes) {
        int lost = 0;
        int deadlines = 0;
        int twice = 0;
        for (String id : load.clues()) {
            Set<String> opened = stored.deadlinesBySubject().getOrDefault(id, Set.of());
            deadlines += opened.size();
            twice += Math.max(0, opened.size() - 1);
            if (!stored.clues().contains(id) || opened.isEmpty()) {
                lost++;
            }
        }
        twice += watch.doubled(load.eventIds(), stored.deadlineIds());
        List<String> all = new ArrayList<>(notes);
        all.add("  " + watch.facts(load.eventIds(), stored.deadlineIds())
                + " facts announced on the platform topics checked for a second event id");
        return new Outcome(
                name,
                load.sent(),
                load.refused(),
                (int) load.clues().stream().filter(stored.clues()::contains).count(),
                deadlines,
                0,
                0,
                twice,
                lost,
                seconds,
                all);
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e8) / 10.0;
    }

    private void say(String line) {
        out.println("[whole-process] " + line);
    }
}
