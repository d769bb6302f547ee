package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.embedded.KraftBroker;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka-setup} against a broker nobody has set up, as docker-compose's broker is on its first start: the
 * embedded broker alone (no users, no ACLs, no topics), then the command with passwords of its own, then clients.
 */
class KafkaSetupCommandIT {

    @TempDir
    static Path dir;

    private static KraftBroker broker;
    private static int internalPort;

    @BeforeAll
    static void startABrokerWithNothingSetUp() {
        internalPort = FreePorts.pick();
        // Only the broker's own password matters here: it is the broker's configuration, not its metadata.
        broker = KraftBroker.start(
                dir.resolve("kafka"),
                FreePorts.pick(),
                FreePorts.pick(),
                internalPort,
                KafkaCredentials.inDataFolder(dir),
                Map.of());
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void setsUpABrokerSoThatEachAgencyWritesItsOwnTopicsAndNoOtherAgencys() throws Exception {
        Map<String, String> passwords = newPasswords();

        assertThat(setup(passwords)).isZero();

        String forestry = KafkaAccess.agencyPrincipal(Agency.FORESTRY);
        send(forestry, passwords.get(forestry), Topics.agencyClues(Agency.FORESTRY));
        Throwable otherAgencys = catchThrowable(
                () -> send(forestry, passwords.get(forestry), Topics.agencyClues(Agency.PUBLIC_SECURITY)));
        assertThat(causes(otherAgencys)).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
        Throwable platformTopic = catchThrowable(() -> send(forestry, passwords.get(forestry), Topics.PLATFORM_CASES));
        assertThat(causes(platformTopic)).hasAtLeastOneElementOfType(TopicAuthorizationException.class);

        try (Admin admin = Admin.create(clientSettings(KafkaAccess.ADMIN, passwords.get(KafkaAccess.ADMIN)))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.allNamesWithDeadLetters());
            String deadLetters = Topics.deadLetter(Topics.agencyClues(Agency.FORESTRY));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, deadLetters);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())
                    .isEqualTo(String.valueOf(Topics.maxMessageBytes(deadLetters)));
        }
    }

    @Test
    void aSecondRunChangesPasswordsAndRevokesTheAgencyLeftOut() throws Exception {
        String forestry = KafkaAccess.agencyPrincipal(Agency.FORESTRY);
        String market = KafkaAccess.agencyPrincipal(Agency.MARKET_SUPERVISION);
        Map<String, String> first = newPasswords();
        assertThat(setup(first)).isZero();
        send(market, first.get(market), Topics.agencyCases(Agency.MARKET_SUPERVISION));

        Map<String, String> second = new LinkedHashMap<>(first);
        second.put(forestry, UUID.randomUUID().toString());
        second.remove(market);
        assertThat(setup(second)).isZero();

        send(forestry, second.get(forestry), Topics.agencyClues(Agency.FORESTRY));
        Throwable oldPassword =
                catchThrowable(() -> send(forestry, first.get(forestry), Topics.agencyClues(Agency.FORESTRY)));
        assertThat(causes(oldPassword)).hasAtLeastOneElementOfType(AuthenticationException.class);
        Throwable revoked =
                catchThrowable(() -> send(market, first.get(market), Topics.agencyCases(Agency.MARKET_SUPERVISION)));
        assertThat(causes(revoked)).hasAtLeastOneElementOfType(AuthenticationException.class);
    }

    @Test
    void failsWhenTheBrokersPasswordIsWrong() throws Exception {
        Map<String, String> passwords = newPasswords();
        passwords.put(KafkaCredentials.BROKER, "not-the-brokers-password");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = new KafkaSetupCommand(new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(List.of(
                        "--bootstrap=localhost:" + internalPort,
                        "--broker-config=" + brokerConfig(passwords),
                        "--passwords=" + passwordsFile(passwords)));

        assertThat(status).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("was not set up");
    }

    /** A password for every principal the platform knows, and the broker's own (its configuration's). */
    private static Map<String, String> newPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(KafkaCredentials.BROKER, broker.credentials().required(KafkaCredentials.BROKER));
        KafkaAccess.allPrincipals()
                .forEach(p -> passwords.put(p, UUID.randomUUID().toString()));
        return passwords;
    }

    private static int setup(Map<String, String> passwords) throws IOException {
        return new KafkaSetupCommand(System.out)
                .run(List.of(
                        "--bootstrap=localhost:" + internalPort,
                        "--broker-config=" + brokerConfig(passwords),
                        "--passwords=" + passwordsFile(passwords),
                        "--replication-factor=1"));
    }

    /** The broker's settings on its internal listener, as a Kafka client properties file (without the address). */
    private static Path brokerConfig(Map<String, String> passwords) throws IOException {
        Properties props = new Properties();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaCredentials.BROKER
                        + "\" password=\"" + passwords.get(KafkaCredentials.BROKER) + "\";");
        return store(props, "broker.properties");
    }

    private static Path passwordsFile(Map<String, String> passwords) throws IOException {
        Properties props = new Properties();
        props.putAll(passwords);
        return store(props, "passwords.properties");
    }

    private static Path store(Properties props, String name) throws IOException {
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(writer, null);
        }
        return file;
    }

    private static Map<String, Object> clientSettings(String principal, String password) {
        return new HashMap<>(
                KafkaAccess.clientProperties(broker.bootstrapServers(), "SASL_PLAINTEXT", principal, password));
    }

    private static void send(String principal, String password, String topic) throws Exception {
        Map<String, Object> settings = clientSettings(principal, password);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "CLUE-1", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        assertThat(failure).as("refused").isNotNull();
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).toList();
    }
}
