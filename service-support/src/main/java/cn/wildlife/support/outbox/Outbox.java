package cn.wildlife.support.outbox;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.support.tracing.EventTracing;
import com.mongodb.client.model.Updates;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The transactional outbox without transactions: an aggregate's pending events live in the aggregate's own document
 * ({@code _outbox}), written by the same single-document write as the state change, so a change is never saved
 * without its event nor an event published for a change that was not saved. {@link OutboxRelay} publishes and
 * removes them.
 */
public final class Outbox {

    public static final String ENTRIES = "_outbox";
    public static final String PENDING = "_outboxPending";

    /** More hints than this and the relay is not keeping up: its periodic scan finds the rest. */
    private static final int MAX_HINTS = 100_000;

    private final EventCodec codec;
    private final EventTracing tracing;
    private final JsonFormat json = new JsonFormat();
    private final java.util.Queue<Object> written = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger hints = new java.util.concurrent.atomic.AtomicInteger();

    public Outbox(EventCodec codec) {
        this(codec, EventTracing.OFF);
    }

    /** Entries keep the writer's trace context, for the relay to continue ({@link EventTracing}). */
    public Outbox(EventCodec codec, EventTracing tracing) {
        this.codec = codec;
        this.tracing = tracing;
    }

    /** One outbox entry: the whole CloudEvent (trace context included), its topic and key. */
    public Document entry(String topic, Envelope<?> event) {
        // An event's key is its aggregate's id by the platform's convention: a hint where the relay can look first.
        return entry(topic, event, event.subject());
    }

    /**
     * One outbox entry kept in a document other than its event's aggregate (a sortie's, keyed by its operation so
     * that an operation's events stay in order): {@code documentId} tells the relay where to look at once, instead of
     * at its next scan.
     */
    public Document entry(String topic, Envelope<?> event, Object documentId) {
        Envelope<?> envelope = tracing.stamp(event);
        if (hints.incrementAndGet() <= MAX_HINTS) {
            written.add(documentId);
        } else {
            hints.decrementAndGet();
        }
        String cloudEvent = new String(json.serialize(codec.toCloudEvent(envelope)), StandardCharsets.UTF_8);
        return new Document("eventId", envelope.id())
                .append("topic", topic)
                .append("key", envelope.subject())
                .append("type", envelope.type().ceType())
                .append("cloudEvent", cloudEvent);
    }

    /** The aggregate ids events were written for since the last call (hints, not a guarantee). */
    List<Object> drainHints() {
        List<Object> drained = new java.util.ArrayList<>();
        Object id;
        while ((id = written.poll()) != null) {
            drained.add(id);
            hints.decrementAndGet();
        }
        return drained;
    }

    /** Fields to put into a new aggregate document so that its first events leave with it. */
    public Document newDocumentFields(List<Document> entries) {
        return new Document(ENTRIES, entries).append(PENDING, !entries.isEmpty());
    }

    /** An update that appends events to an existing aggregate in the same write as its change. */
    public Bson append(List<Document> entries) {
        return Updates.combine(Updates.pushEach(ENTRIES, entries), Updates.set(PENDING, true));
    }
}
