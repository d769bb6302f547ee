package cn.wildlife.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaAccessSetup;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import cn.wildlife.events.tools.TopicInstaller;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka container's configuration, checked where there is no Docker: the environment {@link ScramKafkaContainer}
 * hands the image (Testcontainers' own variables included) is turned into broker settings the way the image's start
 * does it (apache/kafka's {@code KafkaDockerWrapper}: {@code KAFKA_} dropped, lower case, '_' as '.', '___' as '-',
 * '__' as '_'), the container's ports moved to free local ones, and that broker started in this JVM. On it the
 * broker's PLAIN login on the client listener installs the users and ACLs, and then every principal connects with
 * SCRAM and is allowed exactly its ACLs. What this cannot check is the image itself (its scripts, its Kafka build).
 */
class ScramKafkaContainerConfigIT {

    /** The variables the image's wrapper does not turn into broker settings. */
    private static final Set<String> NOT_SETTINGS = Set.of(
            "KAFKA_VERSION",
            "KAFKA_HEAP_OPT",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS",
            "KAFKA_TOOLS_LOG4J_LOGLEVEL",
            "KAFKA_JMX_HOSTNAME");

    private static final String FORESTRY = KafkaAccess.agencyPrincipal(Agency.FORESTRY);

    @TempDir
    static Path dir;

    private static KafkaCredentials credentials;
    private static KafkaRaftServer server;
    private static String bootstrap;

    @BeforeAll
    static void startTheContainersBrokerHere() throws Exception {
        credentials = KafkaCredentials.inDataFolder(dir);
        Map<String, String> env =
                new HashMap<>(new ScramKafkaContainer(credentials.required(KafkaCredentials.BROKER)).getEnvMap());
        int client = FreePorts.pick();
        int broker = FreePorts.pick();
        int controller = FreePorts.pick();
        // What KafkaContainer's start script exports: PLAINTEXT at the host's mapped port, BROKER at the container.
        env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:9092,BROKER://localhost:9093");
        Properties props = new Properties();
        env.forEach((key, value) -> {
            if (key.startsWith("KAFKA_") && !NOT_SETTINGS.contains(key)) {
                props.put(setting(key), value);
            }
        });
        for (String name : new String[] {"listeners", "advertised.listeners", "controller.quorum.voters"}) {
            props.put(
                    name,
                    props.getProperty(name)
                            .replace("0.0.0.0", "localhost")
                            .replace(":9092", ":" + client)
                            .replace(":9093", ":" + broker)
                            .replace(":9094", ":" + controller));
        }
        props.put("log.dirs", dir.resolve("kafka").toString());
        assertThat(props)
                .containsEntry(
                        "listener.name.plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("listener.name.plaintext.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .containsEntry("inter.broker.listener.name", "BROKER")
                .containsEntry("allow.everyone.if.no.acl.found", "false");

        KafkaConfig config = KafkaConfig.fromProps(props);
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dir.resolve("kafka").toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        bootstrap = "localhost:" + client;
        KafkaAccessSetup.install(
                ScramKafkaContainer.brokerClientProperties(bootstrap, credentials.required(KafkaCredentials.BROKER)),
                credentials);
        TopicInstaller.installCatalogue(
                credentials.clientProperties(bootstrap, KafkaAccess.ADMIN), (short) 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Test
    void principalsConnectWithScramAndGetExactlyTheirAcls() throws Exception {
        Map<String, Object> forestry = credentials.clientProperties(bootstrap, FORESTRY);
        send(forestry, Topics.agencyClues(Agency.FORESTRY));
        assertThatThrownBy(() -> send(forestry, Topics.PLATFORM_CLUES))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(forestry, Topics.agencyClues(Agency.PUBLIC_SECURITY)))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        send(credentials.clientProperties(bootstrap, "case-service"), Topics.PLATFORM_CLUES);
    }

    @Test
    void nobodyButTheBrokerLogsInWithPlainAndAWrongPasswordIsRefused() {
        Map<String, Object> plain = new HashMap<>(credentials.clientProperties(bootstrap, FORESTRY));
        plain.put("sasl.mechanism", "PLAIN");
        plain.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + FORESTRY
                        + "\" password=\"" + credentials.required(FORESTRY) + "\";");
        assertThatThrownBy(() -> send(plain, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> wrong = new HashMap<>(credentials.clientProperties(bootstrap, FORESTRY));
        wrong.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + FORESTRY
                        + "\" password=\"not-the-password\";");
        assertThatThrownBy(() -> send(wrong, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        assertThatThrownBy(() -> send(anonymous, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    /** apache/kafka's conversion of a {@code KAFKA_*} variable's name into a broker setting. */
    private static String setting(String variable) {
        return variable.replace("KAFKA_", "")
                .toLowerCase()
                .replace("_", ".")
                .replace("...", "-")
                .replace("..", "_");
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "value")).get(20, TimeUnit.SECONDS);
        }
    }
}
