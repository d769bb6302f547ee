package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.kafka.TopicInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void eventsWrittenBeforeARestartAreReadAfterIt() throws Exception {
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        try (KraftBroker broker = KraftBroker.start(dataDir, port, controllerPort, Map.of())) {
            TopicInstaller.install(broker.bootstrapServers(), List.of("test.events"), 3, (short) 1,
                    Duration.ofSeconds(30));
            try (var producer = new KafkaProducer<>(producerProps(broker), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("test.events", "k", "survives")).get();
            }
        }

        try (KraftBroker broker = KraftBroker.start(dataDir, port, controllerPort, Map.of())) {
            assertThat(readAll(broker, "test.events")).containsExactly("survives");
        }
    }

    private static Properties producerProps(KraftBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static List<String> readAll(KraftBroker broker, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
