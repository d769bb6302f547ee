package cn.wildlife.events.doc;

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

/**
 * Generates the AsyncAPI 3.0 document of every topic from the catalogue and the shipped schemas, so that the
 * document cannot drift from the code. {@code main} writes it; a test fails when the committed copy is stale.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AsyncApiDocument() {
    }

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
        info.put("description", "CloudEvents 1.0 over Kafka, binary content mode on output (structured mode is "
                + "accepted on input). The record key is the aggregate id (the CloudEvents subject). Extensions: "
                + "agency, region, correlationid, traceparent. Every topic has a dead-letter twin '<topic>"
                + Topics.DEAD_LETTER_SUFFIX + "' with the same partitions; the reason is in the header "
                + "kafka_dlt-exception-message.");
        ObjectNode server = doc.putObject("servers").putObject("local");
        server.put("host", "localhost:9092");
        server.put("protocol", "kafka");
        server.put("description", "The embedded broker of the local runtime (./platform run).");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        for (Topics.Topic topic : Topics.catalogue()) {
            ObjectNode channel = channels.putObject(topic.name());
            channel.put("address", topic.name());
            channel.put("description", topic.description() + " Partitions: " + Topics.PARTITIONS + ".");
            ObjectNode messages = channel.putObject("messages");
            topic.eventTypes().stream().sorted(Comparator.naturalOrder()).forEach(type ->
                    messages.putObject(messageName(type)).put("$ref", "#/components/messages/" + messageName(type)));
            ObjectNode operation = operations.putObject("write-" + topic.name());
            operation.put("action", "send");
            operation.put("summary", "Written by " + topic.writer() + ".");
            operation.putObject("channel").put("$ref", "#/channels/" + escape(topic.name()));
        }

        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        Arrays.stream(EventType.values()).forEach(type -> {
            ObjectNode message = messages.putObject(messageName(type));
            message.put("name", type.ceType());
            message.put("title", type.payloadType().getSimpleName());
            message.put("summary", type.description());
            message.put("contentType", "application/json");
            message.putObject("payload").put("$ref", "#/components/schemas/" + messageName(type));
            ObjectNode headers = message.putObject("headers");
            headers.put("type", "object");
            ArrayNode required = headers.putArray("required");
            ObjectNode props = headers.putObject("properties");
            for (String h : new String[] {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"}) {
                required.add(h);
                props.putObject(h).put("type", "string");
            }
            props.putObject("ce_type").put("const", type.ceType());
            props.putObject("ce_subject").put("type", "string").put("description", "aggregate id, also the key");
            props.putObject("ce_dataschema").put("const", type.dataSchema().toString());
            props.putObject("ce_agency").put("type", "string").put("description", "agency code");
            props.putObject("ce_region").put("type", "string").put("description", "6-digit region code");
            props.putObject("ce_correlationid").put("type", "string");
            props.putObject("ce_traceparent").put("type", "string").put("description", "W3C trace context");
            message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string");
            schemas.set(messageName(type), schema(type));
        });
        return doc;
    }

    private static JsonNode schema(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageName(EventType type) {
        return type.payloadType().getSimpleName();
    }

    private static String escape(String channel) {
        return channel.replace("~", "~0").replace("/", "~1");
    }
}
