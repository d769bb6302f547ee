package cn.wildlife.bench;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Every service reads all its topics again from the beginning, as an operator has it do after restoring a store or
 * to check that nothing would be applied twice: with the platform stopped, its broker is started alone on the same
 * data, every consumer group of the platform is set back to the start of each partition it reads, and the platform
 * is started again. Measured: how fast the services read it all again, and that the clues, cases and deadlines are
 * as many as before and nothing new was announced or dead-lettered (every change a service stores leaves with an
 * event of its own, so an event applied again would show on a platform topic).
 */
final class ReplayFromStart {

    /** How the benchmark's own consumer groups begin: they are not the platform's, and nobody reads them again. */
    private static final String BENCHMARK_GROUP_PREFIX = "bench-";

    /** How long the topics' ends must stay still after the last group caught up: the relays publish in rounds. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** What the reset found: records each group will read again, and the topics' ends before. */
    record Reset(Map<String, Long> rereadByGroup, Map<TopicPartition, Long> endsBefore) {

        long reread() {
            return rereadByGroup.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ReplayFromStart() {}

    /** The platform's consumer groups, asked of its running broker (not the benchmark's own). */
    static Set<String> platformGroups(Map<String, Object> client) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(client)) {
            Set<String> groups = new TreeSet<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all()
                    .get()) {
                if (!group.groupId().startsWith(BENCHMARK_GROUP_PREFIX)) {
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
    static Reset resetEveryGroup(Path dataDir, @Nullable Path jar, Set<String> groups)
            throws IOException, InterruptedException, ExecutionException {
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>();
        if (jar == null) {
            command.addAll(List.of("./" + PlatformProcess.SCRIPT, "kafka"));
        } else {
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "kafka"));
        }
        command.addAll(List.of(
                "--data-dir=" + dataDir,
                "--kafka-port=" + port,
                "--kafka-controller-port=" + FreePorts.pick(),
                "--kafka-internal-port=" + FreePorts.pick()));
        Process broker = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            ChildOutput.read(broker, "bench-broker-output", line -> line.startsWith("READY "))
                    .awaitReady(Duration.ofSeconds(180), "the broker alone");
            try (Admin admin = Admin.create(KafkaCredentials.read(dataDir.resolve(KafkaCredentials.FILE))
                    .clientProperties("localhost:" + port, KafkaAccess.ADMIN))) {
                Map<String, Long> reread = new TreeMap<>();
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                for (String group : groups) {
                    while (true) {
                        try {
                            reread.put(group, setBack(admin, group));
                            break;
                        } catch (ExecutionException notYet) {
                            if (System.nanoTime() > until) {
                                throw new IllegalStateException(
                                        "consumer group " + group + " could not be set back", notYet);
                            }
                            Thread.sleep(500);
                        }
                    }
                }
                return new Reset(reread, watchedEnds(admin));
            }
        } finally {
            broker.destroy();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * With the platform started again (launched at {@code launched}, a {@link System#nanoTime()}): waits until every
     * reset group has read up to the end once more and the topics' ends stay still, and adds the figure. The time
     * runs from the launch: the services read as each comes up, before the whole platform is ready. Alerts are left
     * out of the comparison: the scheduler raises them as time passes, not as events are read.
     */
    static void measure(PlatformProcess platform, long launched, Reset reset, long[] countsBefore, Figures figures)
            throws Exception {
        try (Admin admin = Admin.create(platform.kafka())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            Exception lastError = null;
            double seconds = Double.NaN;
            Map<TopicPartition, Long> ends = null;
            long stillSince = 0;
            while (true) {
                try {
                    long behind =
                            GroupOffsets.behind(admin, reset.rereadByGroup().keySet());
                    Map<TopicPartition, Long> now = watchedEnds(admin);
                    if (behind > 0) {
                        ends = null;
                    } else if (!now.equals(ends)) {
                        if (ends == null) {
                            seconds = RawCeiling.seconds(launched);
                        }
                        ends = now;
                        stillSince = System.nanoTime();
                    } else if (System.nanoTime() - stillSince >= QUIET.toNanos()) {
                        break;
                    }
                } catch (ExecutionException e) {
                    lastError = e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the consumer groups did not read their topics again within 15 " + "minutes", lastError);
                }
                Thread.sleep(250);
            }
            long[] countsAfter = Benchmark.counts(platform);
            long announced = 0;
            for (var e : ends.entrySet()) {
                announced += e.getValue() - reset.endsBefore().getOrDefault(e.getKey(), 0L);
            }
            boolean nothingTwice = Arrays.equals(countsBefore, countsAfter) && announced == 0;
            figures.add(
                    "Replay from the start: every consumer group set back to the beginning, applied twice: "
                            + (nothingTwice ? "none" : "SOME"),
                    reset.reread() / seconds,
                    "records/s",
                    String.format(
                            "%,d records re-read by %d groups within %.1f s of the platform's launch (%.1f s "
                                    + "to all-ready); clues, cases, deadlines %s; new events on the platform and "
                                    + "dead-letter topics %d",
                            reset.reread(),
                            reset.rereadByGroup().values().stream()
                                    .filter(n -> n > 0)
                                    .count(),
                            seconds,
                            platform.wallSeconds(),
                            Arrays.toString(countsAfter),
                            announced),
                    "nothing twice",
                    nothingTwice);
            figures.note(
                    "Replay from the start: records each consumer group read again " + reset.rereadByGroup() + ".");
        }
    }

    /** Sets one group back to the beginning of every partition it has read; returns how many records that is. */
    private static long setBack(Admin admin, String group) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        if (committed.isEmpty()) {
            // A group that never committed (its topic is empty) starts from the beginning anyway. (While the broker
            // still loads a group's offsets, the client waits and asks again: an empty answer means none.)
            return 0;
        }
        Map<TopicPartition, Long> starts = GroupOffsets.of(admin, committed.keySet(), OffsetSpec.earliest());
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

    /**
     * The end of every partition of the platform's own topics and of every dead-letter topic: what a service reading
     * its topics again must not add to. (The alerts are not among them: see {@link #measure}.)
     */
    private static Map<TopicPartition, Long> watchedEnds(Admin admin) throws InterruptedException, ExecutionException {
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> (t.startsWith("platform.") && !t.equals(Topics.PLATFORM_ALERTS))
                        || t.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .toList();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, d) ->
                        d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return GroupOffsets.of(admin, partitions, OffsetSpec.latest());
    }
}
