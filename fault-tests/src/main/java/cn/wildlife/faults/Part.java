package cn.wildlife.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One part of the platform in a child process of its own (the broker, the store or one service instance, or the whole
 * platform), started from the runnable jar. Its output goes to a log file; it is ready when it prints a line starting
 * with its ready marker ({@code READY} for one part alone).
 */
final class Part {

    static final String READY = "READY ";

    private final String name;
    private final List<String> command;
    private final Path log;
    private final String readyMarker;
    private volatile Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    Part(String name, List<String> command, Path log) {
        this(name, command, log, READY);
    }

    Part(String name, List<String> command, Path log, String readyMarker) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.readyMarker = readyMarker;
    }

    String name() {
        return name;
    }

    /** Starts the process and returns once it says it is ready; throws (and kills it) otherwise. */
    Part start(Duration timeout) {
        if (isAlive()) {
            throw new IllegalStateException(name + " already runs");
        }
        CountDownLatch ready = new CountDownLatch(1);
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        process = started;
        Parts.register(started);
        Thread pump = new Thread(() -> pump(started, ready), name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                started.destroyForcibly();
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last "
                        + "lines of " + log + ":\n" + lastLines());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    private void pump(Process p, CountDownLatch ready) {
        try (PrintStream out = new PrintStream(
                        Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                        true,
                        StandardCharsets.UTF_8);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("----- " + name + " started (pid " + p.pid() + ")");
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith(readyMarker)) {
                    ready.countDown();
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 30) {
                        lastLines.removeFirst();
                    }
                }
            }
            out.println("----- " + name + " ended");
        } catch (IOException e) {
            // The process is gone; whoever waits for it sees that.
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, as an operator stops it; forced after a minute. */
    void stop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitFor(p, Duration.ofSeconds(60))) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(30));
            }
        }
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
