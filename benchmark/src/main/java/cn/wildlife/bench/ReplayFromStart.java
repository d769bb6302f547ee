package cn.wildlife.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Every service reads all its topics again from the beginning, as an operator has it do after restoring a store or
 * to check that nothing would be applied twice: with the platform stopped, its broker is started alone on the same
 * data, every consumer group of the platform is set back to the start of each partition it reads, and the platform
 * is started again. Measured: how fast the services read it all again, and that the records, the deadlines and the
 * platform topics are what they were (a service that applied an event again would store or announce something).
 */
final class ReplayFromStart {

    /** What the benchmark's own consumers are called: they are not the platform's, and nobody reads them again. */
    private static final String BENCHMARK_GROUPS = "bench-";

    /** What the reset found: records each group will read again, and the platform topics' ends before. */
    record Reset(Map<String, Long> rereadByGroup, Map<TopicPartition, Long> platformTopicEnds) {

        long reread() {
            return rereadByGroup.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ReplayFromStart() {
    }

    /** The platform's consumer groups, asked of its running broker (not the benchmark's own). */
    static java.util.Set<String> platformGroups(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            java.util.Set<String> groups = new java.util.TreeSet<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (!group.groupId().startsWith(BENCHMARK_GROUPS)) {
                    groups.add(group.groupId());
                }
            }
            return groups;
        }
    }

    /**
     * With the platform stopped: starts its broker alone on {@code dataDir}, sets the groups back, stops the broker.
     * A group whose members have not yet left (their session running out) cannot be moved: that is waited for.
     */
    static Reset resetEveryGroup(Path dataDir, @Nullable Path jar, java.util.Set<String> groups)
            throws IOException, InterruptedException, ExecutionException {
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>();
        if (jar == null) {
            command.addAll(List.of("./" + PlatformProcess.SCRIPT, "kafka"));
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "kafka"));
        }
        command.addAll(List.of("--data-dir=" + dataDir, "--kafka-port=" + port,
                "--kafka-controller-port=" + FreePorts.pick()));
        Process broker = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            awaitReady(broker);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "localhost:" + port))) {
                Map<String, Long> reread = new TreeMap<>();
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                for (String group : groups) {
                    while (true) {
                        try {
                            reread.put(group, setBack(admin, group));
                            break;
                        } catch (ExecutionException notYet) {
                            if (System.nanoTime() > until) {
                                throw new IllegalStateException("consumer group " + group + " could not be set back",
                                        notYet);
                            }
                            Thread.sleep(500);
                        }
                    }
                }
                return new Reset(reread, platformTopicEnds(admin));
            }
        } finally {
            broker.destroy();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * With the platform started again: waits until every reset group has read up to the end once more, and adds the
     * figure. Alerts are left out of the comparison: the scheduler raises them as time passes, not as events are read.
     */
    static void measure(PlatformProcess platform, Reset reset, long[] countsBefore, Figures figures)
            throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()))) {
            Benchmark.waitFor(() -> behind(admin, reset.rereadByGroup().keySet()) == 0, Duration.ofMinutes(15),
                    "every consumer group to read its topics again", Duration.ofMillis(250));
            double seconds = RawCeiling.seconds(start);
            long[] countsAfter = Benchmark.counts(platform);
            Map<TopicPartition, Long> endsAfter = platformTopicEnds(admin);
            long announced = 0;
            for (var e : endsAfter.entrySet()) {
                announced += e.getValue() - reset.platformTopicEnds().getOrDefault(e.getKey(), 0L);
            }
            boolean nothingTwice = java.util.Arrays.equals(countsBefore, countsAfter) && announced == 0;
            figures.add("Replay from the start: every consumer group set back to the beginning, applied twice: "
                            + (nothingTwice ? "none" : "SOME"), reset.reread() / seconds, "events/s",
                    String.format("%,d records re-read by %d groups in %.1f s after all-ready; clues, cases, "
                                    + "deadlines %s; new events on the platform topics %d", reset.reread(),
                            reset.rereadByGroup().values().stream().filter(n -> n > 0).count(), seconds,
                            java.util.Arrays.toString(countsAfter), announced),
                    "nothing twice", nothingTwice);
            figures.note("Replay from the start: records each consumer group read again " + reset.rereadByGroup()
                    + ".");
        }
    }

    /** Sets one group back to the beginning of every partition it has read; returns how many records that is. */
    private static long setBack(Admin admin, String group) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            // A group that never committed (its topic is empty) starts from the beginning anyway. (While the broker
            // still loads a group's offsets, the client waits and asks again: an empty answer means none.)
            return 0;
        }
        Map<TopicPartition, Long> starts = offsets(admin, committed.keySet(), OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
        long records = 0;
        for (var e : committed.entrySet()) {
            long start = starts.get(e.getKey());
            records += e.getValue() == null ? 0 : e.getValue().offset() - start;
            back.put(e.getKey(), new OffsetAndMetadata(start));
        }
        admin.alterConsumerGroupOffsets(group, back).all().get();
        return records;
    }

    /** Records the given groups have still to read (or a large number while the broker cannot tell). */
    private static long behind(Admin admin, java.util.Set<String> groups) {
        try {
            long behind = 0;
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = offsets(admin, committed.keySet(), OffsetSpec.latest());
                for (var e : committed.entrySet()) {
                    behind += ends.get(e.getKey()) - (e.getValue() == null ? 0 : e.getValue().offset());
                }
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        } catch (ExecutionException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The end of every partition of the platform's own topics (not the agencies', the alerts or dead letters). */
    private static Map<TopicPartition, Long> platformTopicEnds(Admin admin) throws InterruptedException,
            ExecutionException {
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith("platform.") && !t.equals(Topics.PLATFORM_ALERTS)
                        && !t.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .toList();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return offsets(admin, partitions, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, java.util.Collection<TopicPartition> partitions,
                                                     OffsetSpec spec) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static void awaitReady(Process broker) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        List<String> last = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("READY ")) {
                // Its output goes on being read, so that a full pipe never stops the broker.
                Thread drain = new Thread(() -> {
                    try {
                        while (in.readLine() != null) {
                            // discarded: the broker's log is of no use once it is ready
                        }
                    } catch (IOException ignored) {
                        // the broker ended
                    }
                }, "bench-broker-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
            last.add(line);
            if (last.size() > 40) {
                last.remove(0);
            }
        }
        throw new IllegalStateException("the broker alone did not start:\n" + String.join("\n", last));
    }
}
