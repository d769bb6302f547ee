package cn.wildlife.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where consumer groups stand in their topics, asked of the broker. */
final class GroupOffsets {

    private GroupOffsets() {}

    /** Records the given groups have still to read: each partition's end less the offset the group committed. */
    static long behind(Admin admin, Set<String> groups) throws InterruptedException, ExecutionException {
        long behind = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> ends = of(admin, committed.keySet(), OffsetSpec.latest());
            for (var e : committed.entrySet()) {
                behind += ends.get(e.getKey())
                        - (e.getValue() == null ? 0 : e.getValue().offset());
            }
        }
        return behind;
    }

    /** The partitions' offsets of the given kind (earliest, latest). */
    static Map<TopicPartition, Long> of(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }
}
