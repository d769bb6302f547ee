package cn.wildlife.events.kafka;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes envelopes as CloudEvents in binary content mode: attributes in {@code ce_*} headers, the JSON payload as
 * the record value, so consumers that know nothing of CloudEvents still read plain JSON.
 */
public class EventSerializer implements Serializer<Envelope<?>> {

    private final EventCodec codec;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    public EventSerializer() {
        this(new EventCodec());
    }

    public EventSerializer(EventCodec codec) {
        this.codec = codec;
        cloudEvents.configure(Map.of(), false);
    }

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        throw new IllegalStateException("CloudEvents need record headers; use serialize(topic, headers, data)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        return envelope == null ? null : cloudEvents.serialize(topic, headers, codec.toCloudEvent(envelope));
    }
}
