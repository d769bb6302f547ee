package cn.wildlife.events.tools;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventCodec;
import cn.wildlife.events.EventType;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.kafka.EventSerializer;
import cn.wildlife.events.seal.IntakeKey;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes structured-mode CloudEvent JSON files the way an agency system does: validated against the contract,
 * keyed by the aggregate id, sent in binary content mode by an idempotent producer with {@code acks=all}.
 *
 * <pre>publish [--bootstrap-server HOST:PORT] [--client-config FILE] [--topic TOPIC] [--new-ids] [--unchecked]
 *         FILE|FOLDER...</pre>
 *
 * <p>The broker authenticates every client: its settings ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}) come from a Kafka client properties file, or, on the local runtime, from the data
 * folder's credentials, with each event sent as the principal allowed to write its topic.
 */
public final class PublishEvents {

    static final String USAGE = """
            usage: publish [--bootstrap-server HOST:PORT] [--client-config FILE] [--topic TOPIC] [--new-ids]
                           [--unchecked] [--seal-with FILE] FILE|FOLDER...
              --bootstrap-server  Kafka to publish to (default localhost:9092)
              --client-config     Kafka client properties (SASL settings) to connect with
              --topic             publish to this topic instead of the one the event's type and agency name
              --new-ids           give every event a fresh id and time (publish the same file as a new event)
              --unchecked         send the file's bytes as they are, without validation (to try the dead-letter topic)
              --classpath-samples also publish the valid sample events shipped in this jar
              --seal-with         the platform's intake key (PEM, from GET /api/intake-key): suspects' identifiers
                                  and people in a clue report are sealed with it before it is sent
            """;

    private final EventCodec codec = new EventCodec();
    private final JsonFormat json = new JsonFormat();
    private final PrintStream out;
    private final BiFunction<String, String, Map<String, Object>> clientForTopic;
    private @Nullable IntakeKey sealing;

    /** Connects with the bootstrap servers and the {@code --client-config} file given on the command line. */
    public PublishEvents(PrintStream out) {
        this(out, null);
    }

    /**
     * Connects, for each topic, with the settings {@code clientForTopic} gives (bootstrap servers and topic in,
     * client settings out): the local runtime sends each event as the principal allowed to write its topic.
     */
    public PublishEvents(PrintStream out, BiFunction<String, String, Map<String, Object>> clientForTopic) {
        this.out = out;
        this.clientForTopic = clientForTopic;
    }

    public static void main(String[] args) {
        System.exit(new PublishEvents(System.out).run(args));
    }

    /** Seals clue reports' personal details with the platform's intake key, as an agency's system does. */
    public PublishEvents sealingWith(IntakeKey key) {
        this.sealing = key;
        return this;
    }

    /** Runs the command; returns the process exit code (0 all published, 1 some refused, 2 usage). */
    public int run(String... args) {
        String bootstrap = "localhost:9092";
        String clientConfig = null;
        String topic = null;
        boolean newIds = false;
        boolean unchecked = false;
        boolean samples = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-server" -> bootstrap = argument(args, ++i);
                case "--client-config" -> clientConfig = argument(args, ++i);
                case "--topic" -> topic = argument(args, ++i);
                case "--new-ids" -> newIds = true;
                case "--unchecked" -> unchecked = true;
                case "--classpath-samples" -> samples = true;
                case "--seal-with" -> {
                    String file = argument(args, ++i);
                    try {
                        sealing = IntakeKey.fromPem(Files.readString(Path.of(String.valueOf(file))));
                    } catch (IOException | IllegalArgumentException e) {
                        out.println("cannot read the intake key " + file + ": " + e.getMessage());
                        return 2;
                    }
                }
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> paths.add(Path.of(args[i]));
            }
        }
        if (bootstrap == null || paths.isEmpty() && !samples) {
            out.print(USAGE);
            return 2;
        }
        List<Source> sources = new ArrayList<>();
        try {
            for (Path file : expand(paths)) {
                sources.add(new Source(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            out.println("cannot read " + e.getMessage());
            return 2;
        }
        if (samples) {
            SampleEvents.VALID.forEach(name -> sources.add(new Source(name, SampleEvents.bytes("valid", name))));
        }
        Map<String, Object> configured = new HashMap<>();
        if (clientConfig != null) {
            Properties file = new Properties();
            try (var reader = Files.newBufferedReader(Path.of(clientConfig))) {
                file.load(reader);
            } catch (IOException e) {
                out.println("cannot read the client settings " + e.getMessage());
                return 2;
            }
            file.stringPropertyNames().forEach(name -> configured.put(name, file.getProperty(name)));
        }
        String servers = bootstrap;
        BiFunction<String, String, Map<String, Object>> settings = clientForTopic != null
                ? clientForTopic
                : (b, t) -> {
                    Map<String, Object> props = new HashMap<>(configured);
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b);
                    return props;
                };
        int refused = 0;
        try (Producers producers = new Producers(topicName -> settings.apply(servers, topicName))) {
            for (Source source : sources) {
                refused += publishOne(source, topic, newIds, unchecked, producers) ? 0 : 1;
            }
        }
        out.printf("%d published, %d refused%n", sources.size() - refused, refused);
        return refused == 0 ? 0 : 1;
    }

    /** An event file's name and content. */
    private record Source(String name, byte[] bytes) {}

    private boolean publishOne(
            Source file, String topicOverride, boolean newIds, boolean unchecked, Producers producers) {
        try {
            byte[] bytes = file.bytes();
            if (unchecked) {
                String topic = topicOverride != null ? topicOverride : guessTopic(bytes);
                RecordMetadata sent = producers
                        .raw(topic)
                        .send(new ProducerRecord<>(topic, null, bytes))
                        .get();
                out.printf("sent %s unchecked to %s-%d@%d%n", file.name(), topic, sent.partition(), sent.offset());
                return true;
            }
            CloudEvent event = json.deserialize(bytes);
            Envelope<?> envelope = codec.fromCloudEvent(event);
            if (newIds) {
                envelope = new Envelope<>(
                        UUID.randomUUID().toString(),
                        envelope.source(),
                        envelope.type(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        envelope.agency(),
                        envelope.region(),
                        envelope.correlationId(),
                        envelope.traceparent(),
                        envelope.data());
            }
            if (sealing != null && envelope.data() instanceof ClueReported report) {
                envelope = new Envelope<>(
                        envelope.id(),
                        envelope.source(),
                        envelope.type(),
                        envelope.time(),
                        envelope.agency(),
                        envelope.region(),
                        envelope.correlationId(),
                        envelope.traceparent(),
                        report.sealedWith(sealing));
            }
            String topic = topicOverride != null ? topicOverride : topicFor(envelope);
            RecordMetadata sent = producers
                    .checked(topic)
                    .send(new ProducerRecord<>(topic, envelope.subject(), envelope))
                    .get();
            out.printf(
                    "published %s (%s, id %s) to %s-%d@%d%n",
                    file.name(), envelope.type().ceType(), envelope.id(), topic, sent.partition(), sent.offset());
            return true;
        } catch (RuntimeException e) {
            out.printf("refused %s: %s%n", file.name(), e.getMessage());
        } catch (Exception e) {
            out.printf("could not publish %s: %s%n", file.name(), e.getMessage());
        }
        return false;
    }

    /** The topic an event belongs on: its agency's intake topic for agency events, else the platform topic. */
    public static String topicFor(Envelope<?> envelope) {
        if (envelope.type() == EventType.CLUE_REPORTED
                || envelope.type() == EventType.CASE_REPORTED
                || envelope.type() == EventType.TRANSFER_STEP_REQUESTED) {
            if (envelope.agency() == null || !envelope.agency().publishesOwnTopics()) {
                throw new InvalidEventException("an agency's report needs the agency extension naming one of "
                        + java.util.Arrays.stream(cn.wildlife.events.Agency.values())
                                .filter(cn.wildlife.events.Agency::publishesOwnTopics)
                                .toList());
            }
            return envelope.type() == EventType.CLUE_REPORTED
                    ? Topics.agencyClues(envelope.agency())
                    : Topics.agencyCases(envelope.agency());
        }
        return Topics.catalogue().stream()
                .filter(t -> t.eventTypes().contains(envelope.type()))
                .findFirst()
                .orElseThrow(() -> new InvalidEventException(
                        "no topic carries " + envelope.type().ceType()))
                .name();
    }

    private String guessTopic(byte[] bytes) {
        try {
            return topicFor(codec.fromCloudEvent(json.deserialize(bytes)));
        } catch (RuntimeException e) {
            throw new InvalidEventException("cannot tell the topic of an unreadable event; name it with --topic");
        }
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(path + ": no such file or folder");
            }
        }
        return files;
    }

    private static String argument(String[] args, int index) {
        return index < args.length ? args[index] : null;
    }

    private static Properties producerProperties(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wildlife-publish-cli");
        return props;
    }

    /** One raw and one checked producer per set of client settings, opened when first needed. */
    private final class Producers implements AutoCloseable {

        private final Function<String, Map<String, Object>> clientForTopic;
        private final Map<Map<String, Object>, Producer<String, byte[]>> raw = new HashMap<>();
        private final Map<Map<String, Object>, Producer<String, Envelope<?>>> checked = new HashMap<>();

        Producers(Function<String, Map<String, Object>> clientForTopic) {
            this.clientForTopic = clientForTopic;
        }

        Producer<String, byte[]> raw(String topic) {
            return raw.computeIfAbsent(
                    clientForTopic.apply(topic),
                    client -> new KafkaProducer<>(
                            producerProperties(client), new StringSerializer(), new ByteArraySerializer()));
        }

        Producer<String, Envelope<?>> checked(String topic) {
            return checked.computeIfAbsent(
                    clientForTopic.apply(topic),
                    client -> new KafkaProducer<>(
                            producerProperties(client), new StringSerializer(), new EventSerializer(codec)));
        }

        @Override
        public void close() {
            raw.values().forEach(Producer::close);
            checked.values().forEach(Producer::close);
        }
    }
}
