package cn.wildlife.events.kafka;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads CloudEvents in binary or structured content mode, validates the payload against its schema and, on an
 * agency topic, checks that the event's agency is the topic's owner. Anything wrong throws
 * {@link InvalidEventException} with the reason, which the consumer's error handling puts on the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<Envelope<?>> {

    /** Larger values are refused before parsing: no legitimate event is anywhere near this. */
    public static final int MAX_EVENT_BYTES = Topics.MAX_EVENT_BYTES;

    private final EventCodec codec;
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
    private final JsonFormat structured = new JsonFormat();

    public EventDeserializer() {
        this(new EventCodec());
    }

    public EventDeserializer(EventCodec codec) {
        this.codec = codec;
        cloudEvents.configure(Map.of(), false);
    }

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        throw new IllegalStateException("CloudEvents need record headers; use deserialize(topic, headers, data)");
    }

    @Override
    public Envelope<?> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            throw new InvalidEventException("record has no value");
        }
        if (data.length > MAX_EVENT_BYTES) {
            throw new InvalidEventException(
                    "event of " + data.length + " bytes exceeds the limit of " + MAX_EVENT_BYTES + " bytes");
        }
        CloudEvent event = readCloudEvent(topic, headers, data);
        Envelope<?> envelope = codec.fromCloudEvent(event);
        Optional<Agency> owner = Topics.agencyOf(topic);
        if (owner.isPresent() && envelope.agency() != owner.get()) {
            throw new InvalidEventException("topic " + topic + " takes only " + owner.get() + "'s events, but the "
                    + "event's agency extension is " + envelope.agency());
        }
        return envelope;
    }

    private CloudEvent readCloudEvent(String topic, Headers headers, byte[] data) {
        try {
            if (hasHeader(headers, "ce_specversion") || hasHeader(headers, "content-type")) {
                return cloudEvents.deserialize(topic, headers, data);
            }
            // No CloudEvents headers at all: accept a structured-mode JSON event written by a plain producer.
            return structured.deserialize(data);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException("not a readable CloudEvent: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new InvalidEventException(
                    "not a readable CloudEvent: " + rootMessage(e) + " (value starts with '" + preview(data) + "')", e);
        }
    }

    private static boolean hasHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header != null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String preview(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, 40), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
