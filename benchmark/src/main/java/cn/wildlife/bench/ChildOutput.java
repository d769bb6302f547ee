package cn.wildlife.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process's output, read on a thread of its own for as long as the child runs (a full pipe would stop it):
 * its last lines are kept for the message when it does not become ready, and one line says that it is.
 */
final class ChildOutput {

    private static final int KEPT = 40;

    private final Process child;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> last = new ArrayList<>();

    private ChildOutput(Process child) {
        this.child = child;
    }

    /** Starts reading; {@code isReady} is asked of each line until one answers true. */
    static ChildOutput read(Process child, String threadName, Predicate<String> isReady) {
        ChildOutput output = new ChildOutput(child);
        Thread reader = new Thread(() -> output.pump(isReady), threadName);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void pump(Predicate<String> isReady) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (ready.getCount() > 0 && isReady.test(line)) {
                    ready.countDown();
                }
                synchronized (last) {
                    last.add(line);
                    if (last.size() > KEPT) {
                        last.remove(0);
                    }
                }
            }
        } catch (IOException ignored) {
            // The child ended; awaitReady reports it if it never was ready.
        }
    }

    /** Returns once the child said it is ready; throws with its last lines when it ended or took too long. */
    void awaitReady(Duration timeout, String what) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        // A child that ended before saying it is ready is reported at once, not after the whole timeout.
        while (!ready.await(200, TimeUnit.MILLISECONDS) && child.isAlive() && System.nanoTime() < until) {
            // waiting
        }
        if (ready.getCount() > 0 || !child.isAlive()) {
            // The reader may still be taking the last lines of a child that just ended.
            Thread.sleep(200);
            synchronized (last) {
                throw new IllegalStateException(what
                        + (child.isAlive()
                                ? " did not become ready within " + timeout.toSeconds() + " s"
                                : " ended (exit status " + child.exitValue() + ") before it was ready")
                        + ":\n" + String.join("\n", last));
            }
        }
    }
}
