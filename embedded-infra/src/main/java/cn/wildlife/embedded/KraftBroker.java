package cn.wildlife.embedded;

import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one), started from the Kafka jars
 * in this JVM, authenticating every client and denying what no ACL allows. The log folder is formatted only once ({@code meta.properties} missing), so data survives a restart.
 */
public final class KraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final int internalPort;
    private final KafkaCredentials credentials;
    private final Path logDir;

    private KraftBroker(KafkaRaftServer server, int port, int internalPort, KafkaCredentials credentials, Path logDir) {
        this.server = server;
        this.port = port;
        this.internalPort = internalPort;
        this.credentials = credentials;
        this.logDir = logDir;
    }

    /**
     * Starts a broker whose clients authenticate with SASL/SCRAM-SHA-512 on {@code localhost:port} and are allowed
     * only what their ACLs say ({@link KafkaAccessSetup} installs them). The broker's own traffic (to its controller
     * on {@code controllerPort}, and the installer's on {@code internalPort}) authenticates as
     * {@link KafkaCredentials#BROKER} with SASL/PLAIN, whose password lives in the broker's configuration and not in
     * its metadata: it works on a freshly formatted folder as on one written before authentication existed.
     *
     * @param extra broker settings that override the defaults (e.g. shorter retention in tests)
     */
    public static KraftBroker start(
            Path logDir,
            int port,
            int controllerPort,
            int internalPort,
            KafkaCredentials credentials,
            Map<String, String> extra) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put(
                "listeners",
                "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + internalPort + ",CONTROLLER://localhost:"
                        + controllerPort);
        props.put("advertised.listeners", "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + internalPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put(
                "listener.security.protocol.map",
                "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("listener.name.client.sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
        props.put(
                "listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        String brokerPassword = credentials.required(KafkaCredentials.BROKER);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + KafkaCredentials.BROKER + "\" password=\"" + brokerPassword + "\" user_" + KafkaCredentials.BROKER
                + "=\"" + brokerPassword + "\";";
        for (String listener : new String[] {"internal", "controller"}) {
            props.put("listener.name." + listener + ".sasl.enabled.mechanisms", "PLAIN");
            props.put("listener.name." + listener + ".plain.sasl.jaas.config", plain);
        }
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", KafkaAccess.user(KafkaCredentials.BROKER) + ";" + KafkaAccess.user(KafkaAccess.ADMIN));
        props.put("allow.everyone.if.no.acl.found", "false");
        // A revoked principal's connections must not outlive it: clients authenticate again every minute (its ACLs
        // are removed at once, which refuses its requests sooner still).
        props.put("connections.max.reauth.ms", "60000");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A local installation keeps a week of events and at most 1 GiB per partition: the data folder stays bounded.
        props.put("log.retention.hours", "168");
        props.put("log.retention.bytes", String.valueOf(1L << 30));
        props.put("log.segment.bytes", String.valueOf(64 << 20));
        // The topics set their own limits (Topics.maxMessageBytes); the dead letters' must fit the broker's too.
        props.put("message.max.bytes", String.valueOf(Topics.MAX_DEAD_LETTER_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_DEAD_LETTER_BYTES));
        // The log cleaner (compacted topics: consumer offsets, the platform's few) takes its dedupe buffer from the
        // heap the whole local platform shares; the broker's default of 128 MiB is sized for a dedicated server.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 << 20));
        props.putAll(extra);

        KafkaConfig config = KafkaConfig.fromProps(props);
        formatIfNeeded(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        log.info("Kafka broker (KRaft) listening on localhost:{} (SASL/SCRAM), data in {}", port, logDir);
        return new KraftBroker(server, port, internalPort, credentials, logDir);
    }

    private static void formatIfNeeded(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log folder " + logDir, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** A client's settings to connect as one of the catalogue's principals (see {@link KafkaCredentials}). */
    public Map<String, Object> clientProperties(String principal) {
        return credentials.clientProperties(bootstrapServers(), principal);
    }

    /**
     * The broker's own settings on its internal listener: for installing users and ACLs only, never for a service
     * or an agency.
     */
    public Map<String, Object> brokerClientProperties() {
        return credentials.brokerClientProperties(internalPort);
    }

    public KafkaCredentials credentials() {
        return credentials;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
