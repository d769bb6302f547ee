package cn.wildlife.events.tools;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The sample events shipped in {@code event-tools/samples}, read from the classpath. */
public final class SampleEvents {

    public static final String FOLDER = "/cn/wildlife/events/tools/samples/";
    public static final List<String> VALID = List.of(
            "forestry-clue-mist-nets.json",
            "forestry-clue-online-shop.json",
            "market-supervision-clue-restaurant.json",
            "forestry-case-mist-nets.json",
            "forestry-clue-operation-bird-market.json");
    /** Events the platform's own services publish, as they look on their topics (not for agencies to publish). */
    public static final List<String> PLATFORM = List.of("species-catalogue-changed.json");

    public static final List<String> INVALID = List.of(
            "bad-region.json",
            "missing-summary.json",
            "not-json.txt",
            "unknown-source.json",
            "unknown-type.json",
            "wrong-agency.json");

    private SampleEvents() {}

    public static byte[] bytes(String kind, String name) {
        try (InputStream in = SampleEvents.class.getResourceAsStream(FOLDER + kind + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + kind + "/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid samples as envelopes, in a stable order. */
    public static List<Envelope<?>> valid(EventCodec codec) {
        JsonFormat json = new JsonFormat();
        return VALID.stream()
                .<Envelope<?>>map(name -> codec.fromCloudEvent(json.deserialize(bytes("valid", name))))
                .toList();
    }
}
