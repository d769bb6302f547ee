package cn.wildlife.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * A consumer's Kafka client metrics ({@code kafka.consumer.*}: the lag of each assigned partition, fetches,
 * rebalances), tagged with its consumer group. The group is what an operator asks about, and the client id does not
 * name it reliably: Kafka makes one up ({@code consumer-<group>-<n>}, or with a static member's instance id in it),
 * and group names hold hyphens.
 */
final class GroupConsumerMetrics<K, V> extends MicrometerConsumerListener<K, V> {

    /** Named as spring-kafka's listener observations name the group, so both read alike in Prometheus. */
    static final String GROUP = "messaging.kafka.consumer.group";
    /** The tag of a client in no group: empty, which Prometheus stores as no label at all. */
    static final Tag NO_GROUP = Tag.of(GROUP, "");

    GroupConsumerMetrics(MeterRegistry meters) {
        super(meters);
    }

    @Override
    protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
        List<Tag> withGroup = new ArrayList<>(tags);
        withGroup.add(group(consumer));
        return super.createClientMetrics(consumer, withGroup);
    }

    private static Tag group(Consumer<?, ?> consumer) {
        try {
            return Tag.of(GROUP, consumer.groupMetadata().groupId());
        } catch (InvalidGroupIdException e) {
            // Every meter of a name must carry the same tag keys (Prometheus): a consumer without a group too.
            return NO_GROUP;
        }
    }
}
