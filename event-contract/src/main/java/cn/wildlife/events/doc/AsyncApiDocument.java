package cn.wildlife.events.doc;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the AsyncAPI 3.0 document of every topic from the catalogue and the shipped schemas, so that the
 * document cannot drift from the code. {@code main} writes it; a test fails when the committed copy is stale.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String SCRAM = "scramSha512";
    /** What EventCodec and EventDeserializer refuse an event without (binary content mode header names). */
    static final List<String> REQUIRED_HEADERS =
            List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_agency");

    private AsyncApiDocument() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "event-contract/asyncapi.json");
        Files.writeString(target, render());
        System.out.println("wrote " + target.toAbsolutePath());
    }

    public static String render() {
        try {
            return MAPPER.writeValueAsString(build()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build() {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Joint wildlife enforcement platform: events");
        info.put("version", "1");
        info.put(
                "description",
                "CloudEvents 1.0 over Kafka, binary content mode on output (structured mode is "
                        + "accepted on input). Required on every event: the CloudEvents attributes specversion (1.0), id, "
                        + "source and type, JSON data that satisfies the type's schema, and the extension agency (on an "
                        + "agency's topic it must name the topic's owner); an event without one of them is dead-lettered. "
                        + "Optional: subject (if given, it must equal the payload's id), time (the time of receipt if "
                        + "absent), dataschema, and the extensions region, correlationid and traceparent. The record key is "
                        + "the aggregate id (the subject). Every topic has a dead-letter twin '<topic>"
                        + Topics.DEAD_LETTER_SUFFIX + "' with the same partitions; the reason is in the header "
                        + "dlt-reason. Kafka is authenticated with SASL/SCRAM-SHA-512, one principal per "
                        + "agency system; an agency writes only its own agency.<agency>.* topics and reads only their "
                        + "dead-letter twins. Personal data never travels in plain: on agency.<agency>.clues the "
                        + "suspects' identifiers and the people a clue names go in the field sealed, SM2-encrypted "
                        + "(GM/T 0009 DER, base64) under the platform's intake key from GET /api/intake-key; plain ones "
                        + "are dead-lettered unless the platform is set to accept them.");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put(
                "description",
                "The embedded broker of the local runtime (./platform run): SASL_PLAINTEXT on "
                        + "loopback, SCRAM-SHA-512.");
        local.putArray("security").addObject().put("$ref", "#/components/securitySchemes/" + SCRAM);
        ObjectNode compose = servers.putObject("compose");
        compose.put("host", "{agencyListener}");
        compose.put("protocol", "kafka-secure");
        compose.put(
                "description",
                "The Kafka of docker-compose and production: SASL_SSL, SCRAM-SHA-512. Its "
                        + "listener for agencies' systems is not published yet (the compose stack reaches it only from its own "
                        + "network); where it is, its host and port are given to each agency with its principal.");
        compose.putObject("variables")
                .putObject("agencyListener")
                .put("description", "host:port of the SASL_SSL listener for agencies' systems");
        compose.putArray("security").addObject().put("$ref", "#/components/securitySchemes/" + SCRAM);

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        for (Topics.Topic topic : Topics.catalogue()) {
            channel(channels, topic.name(), topic.description(), topic);
            ObjectNode operation = operations.putObject("write-" + topic.name());
            operation.put("action", "send");
            operation.put("summary", "Written by " + topic.writer() + ".");
            operation.putObject("channel").put("$ref", "#/channels/" + escape(topic.name()));
            String deadLetters = Topics.deadLetter(topic.name());
            channel(
                    channels,
                    deadLetters,
                    "Events of " + topic.name() + " that could not be read or applied, "
                            + "as they came, with the reason in the kafka_dlt-* headers. "
                            + (topic.name().startsWith("agency.")
                                    ? "Readable by " + topic.writer() + ", the topic's owner."
                                    : "Read by the platform's operators."),
                    topic);
            ObjectNode read = operations.putObject("read-" + deadLetters);
            read.put("action", "receive");
            read.put("summary", "What the platform refused from " + topic.name() + ", and why.");
            read.putObject("channel").put("$ref", "#/channels/" + escape(deadLetters));
        }

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode scram = components.putObject("securitySchemes").putObject(SCRAM);
        scram.put("type", "scramSha512");
        scram.put(
                "description",
                "SASL/SCRAM-SHA-512: SASL_PLAINTEXT on the local runtime's loopback broker, "
                        + "SASL_SSL in docker-compose and production. One principal per agency system, named "
                        + "agency-<agency> (agency-forestry, agency-public-security, agency-market-supervision), and one "
                        + "per platform service; ACLs deny by default. On the local runtime `./platform kafka-users "
                        + "settings forestry` prints forestry's settings.\n\n"
                        + "kcat (librdkafka 2.6.1 or later; the settings in a file, not on the command line):\n\n"
                        + "    ./platform kafka-users settings forestry > forestry.conf\n"
                        + "    kcat -F forestry.conf \\\n"
                        + "      -P -t agency.forestry.clues -k CLUE-123 -H ce_specversion=1.0 -H ce_id=$(uuidgen) \\\n"
                        + "      -H ce_source=/agency/forestry/220112 -H ce_type=cn.wildlife.clue.reported.v1 \\\n"
                        + "      -H ce_agency=FORESTRY -H content-type=application/json clue.json\n\n"
                        + "kafkajs:\n\n"
                        + "    new Kafka({ brokers: ['localhost:9092'], ssl: false,\n"
                        + "      sasl: { mechanism: 'scram-sha-512', username: 'agency-forestry', password } })\n"
                        + "      .producer({ idempotent: true })");
        Arrays.stream(EventType.values()).forEach(type -> {
            ObjectNode message = messages.putObject(messageName(type));
            message.put("name", type.ceType());
            message.put("title", type.payloadType().getSimpleName());
            message.put("summary", type.description());
            message.put("contentType", "application/json");
            message.putObject("payload").put("$ref", "#/components/schemas/" + schemaName(type));
            ObjectNode headers = message.putObject("headers");
            headers.put("type", "object");
            ArrayNode required = headers.putArray("required");
            ObjectNode props = headers.putObject("properties");
            for (String h : REQUIRED_HEADERS) {
                required.add(h);
            }
            props.putObject("ce_specversion").put("const", "1.0");
            props.putObject("ce_id")
                    .put("type", "string")
                    .put("description", "unique per event: a redelivered event with the same id is applied once");
            props.putObject("ce_source").put("type", "string").put("format", "uri-reference");
            props.putObject("ce_type").put("const", type.ceType());
            props.putObject("ce_time").put("type", "string").put("format", "date-time");
            props.putObject("ce_subject")
                    .put("type", "string")
                    .put("description", "aggregate id, also the record key; must equal the payload's id when given");
            props.putObject("ce_dataschema").put("const", type.dataSchema().toString());
            ObjectNode agency = props.putObject("ce_agency");
            agency.put("type", "string")
                    .put(
                            "description",
                            "the agency that recorded the event; on an agency " + "topic it must be the topic's owner");
            ArrayNode agencies = agency.putArray("enum");
            Arrays.stream(Agency.values()).map(Agency::name).forEach(agencies::add);
            props.putObject("ce_region")
                    .put("type", "string")
                    .put("pattern", "^[1-9][0-9]{5}$")
                    .put("description", "6-digit administrative region code");
            props.putObject("ce_correlationid").put("type", "string");
            props.putObject("ce_traceparent").put("type", "string").put("description", "W3C trace context");
            props.putObject("content-type")
                    .put("type", "string")
                    .put("description", "binary mode: application/json; structured mode: application/cloudevents+json");
            ObjectNode kafka = message.putObject("bindings").putObject("kafka");
            kafka.putObject("key")
                    .put("type", "string")
                    .put(
                            "description",
                            "the aggregate id (the CloudEvents subject), so that one aggregate's events stay in order");
            kafka.put("bindingVersion", "0.5.0");
            // Types with one payload share its schema: one copy, referred to by each of their messages.
            if (!schemas.has(schemaName(type))) {
                schemas.set(schemaName(type), schema(type));
            }
        });
        return doc;
    }

    private static void channel(ObjectNode channels, String name, String description, Topics.Topic topic) {
        int maxBytes = Topics.maxMessageBytes(name);
        ObjectNode channel = channels.putObject(name);
        channel.put("address", name);
        channel.put(
                "description",
                description + " Key: the aggregate id (ce_subject). Partitions: " + Topics.PARTITIONS
                        + ". Largest record: " + maxBytes + " bytes.");
        ObjectNode messages = channel.putObject("messages");
        topic.eventTypes().stream()
                .sorted(Comparator.naturalOrder())
                .forEach(type -> messages.putObject(messageName(type))
                        .put("$ref", "#/components/messages/" + messageName(type)));
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", name);
        kafka.put("partitions", Topics.PARTITIONS);
        kafka.putObject("topicConfiguration").put("max.message.bytes", maxBytes);
        kafka.put("bindingVersion", "0.5.0");
    }

    private static JsonNode schema(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The payload's class name, and where several event types share a payload (every clue or transfer step), the
     * type's name after it: each type is its own message with its own {@code ce_type}.
     */
    static String messageName(EventType type) {
        String payload = type.payloadType().getSimpleName();
        long sharing = Arrays.stream(EventType.values())
                .filter(t -> t.payloadType() == type.payloadType())
                .count();
        return sharing == 1 ? payload : payload + "." + type.name();
    }

    /** The payload schema's name: its file's, which types with one payload share. */
    static String schemaName(EventType type) {
        String resource = type.schemaResource();
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }

    private static String escape(String channel) {
        return channel.replace("~", "~0").replace("/", "~1");
    }
}
