package cn.wildlife.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.config.QuotaConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker as an agency's engineer meets it: who may connect, and what each principal may write. */
class KraftBrokerIT {

    private static final String FORESTRY = KafkaAccess.agencyPrincipal(Agency.FORESTRY);

    @TempDir
    Path dataDir;

    private int port;
    private int controllerPort;
    private int internalPort;
    private KraftBroker broker;

    @BeforeEach
    void start() {
        port = FreePorts.pick();
        controllerPort = FreePorts.pick();
        internalPort = FreePorts.pick();
        broker = EmbeddedInfrastructure.startKafka(dataDir, port, controllerPort, internalPort);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        // Refused, such a client never learns the cluster's metadata: it gives up when max.block.ms ends.
        Map<String, Object> anonymous = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1_500);
        assertThatThrownBy(() -> send(anonymous, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        Map<String, Object> wrongPassword =
                KafkaAccess.clientProperties(broker.bootstrapServers(), "SASL_PLAINTEXT", FORESTRY, "not-the-password");
        assertThatThrownBy(() -> send(wrongPassword, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(AuthenticationException.class);
    }

    @Test
    void anAgencyWritesOnlyItsOwnTopics() throws Exception {
        Map<String, Object> forestry = broker.clientProperties(FORESTRY);
        send(forestry, Topics.agencyClues(Agency.FORESTRY));
        send(forestry, Topics.agencyCases(Agency.FORESTRY));

        for (String other : List.of(
                Topics.agencyClues(Agency.PUBLIC_SECURITY),
                Topics.PLATFORM_CLUES,
                Topics.PLATFORM_TRANSFERS,
                Topics.deadLetter(Topics.agencyClues(Agency.FORESTRY)))) {
            assertThatThrownBy(() -> send(forestry, other))
                    .as(other)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anAgencyReadsItsOwnDeadLettersAndNothingElse() throws Exception {
        String deadLetters = Topics.deadLetter(Topics.agencyClues(Agency.FORESTRY));
        send(broker.clientProperties(KafkaAccess.ADMIN), deadLetters);

        assertThat(readAll(broker.clientProperties(FORESTRY), FORESTRY + ".dead-letters", deadLetters))
                .containsExactly("value");
        assertThatThrownBy(() -> readAll(
                        broker.clientProperties(FORESTRY),
                        FORESTRY + ".peek",
                        Topics.agencyClues(Agency.PUBLIC_SECURITY)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesWhatItIsTheWriterOfAndNotAnAgencysTopic() throws Exception {
        Map<String, Object> cases = broker.clientProperties("case-service");
        send(cases, Topics.PLATFORM_CLUES);
        send(cases, Topics.deadLetter(Topics.agencyClues(Agency.FORESTRY)));
        assertThatThrownBy(() -> send(cases, Topics.agencyClues(Agency.FORESTRY)))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(broker.clientProperties("notification-service"), Topics.PLATFORM_CLUES))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aRevokedAgencyIsRefusedWithinSecondsAndCanBeGivenNewCredentials() throws Exception {
        Map<String, Object> forestry = broker.clientProperties(FORESTRY);
        String topic = Topics.agencyClues(Agency.FORESTRY);
        try (var producer = producer(forestry)) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(10, TimeUnit.SECONDS);

            KafkaAccessSetup.revoke(broker.brokerClientProperties(), FORESTRY);
            broker.credentials().revoke(FORESTRY);

            // The producer's open connection is refused at its next request, not at its next log-in.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThatThrownBy(
                                    () -> producer.send(new ProducerRecord<>(topic, "k", "after"))
                                            .get(10, TimeUnit.SECONDS))
                            .hasRootCauseInstanceOf(TopicAuthorizationException.class));
        }
        assertThatThrownBy(() -> send(forestry, topic)).hasRootCauseInstanceOf(AuthenticationException.class);

        String renewed = broker.credentials().renew(FORESTRY);
        KafkaAccessSetup.grant(broker.brokerClientProperties(), FORESTRY, renewed);
        send(broker.clientProperties(FORESTRY), topic);
    }

    @Test
    void aRevokedAgencyStaysRevokedAfterARestartAndTheDataSurvives() throws Exception {
        String topic = Topics.agencyClues(Agency.PUBLIC_SECURITY);
        send(broker.clientProperties(KafkaAccess.agencyPrincipal(Agency.PUBLIC_SECURITY)), topic);
        Map<String, Object> forestry = broker.clientProperties(FORESTRY);
        broker.credentials().revoke(FORESTRY);
        broker.close();

        broker = EmbeddedInfrastructure.startKafka(dataDir, port, controllerPort, internalPort);
        assertThat(broker.credentials().password(FORESTRY)).isEmpty();
        // Its ACLs are gone at once; its credential within moments (the broker's cache follows the metadata log).
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThatThrownBy(() -> send(forestry, Topics.agencyClues(Agency.FORESTRY)))
                        .hasRootCauseInstanceOf(AuthenticationException.class));
        assertThat(readAll(broker.clientProperties(KafkaAccess.ADMIN), "operators", topic))
                .containsExactly("value");
    }

    @Test
    void anAclOrUserTheCatalogueDoesNotGrantIsRemovedAtTheNextStart() throws Exception {
        try (Admin admin = Admin.create(broker.brokerClientProperties())) {
            admin.createAcls(List.of(
                            allow("User:*", Topics.PLATFORM_CLUES, AclOperation.WRITE),
                            allow(KafkaAccess.user(FORESTRY), Topics.PLATFORM_TRANSFERS, AclOperation.WRITE)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            "stranger",
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                            "stranger-password")))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }

        broker.close();
        broker = EmbeddedInfrastructure.startKafka(dataDir, port, controllerPort, internalPort);

        List<AclBinding> granted = new ArrayList<>();
        KafkaAccess.allPrincipals().forEach(p -> granted.addAll(KafkaAccess.bindings(p)));
        try (Admin admin = Admin.create(broker.brokerClientProperties())) {
            // The broker answers from its copy of the metadata log, a moment behind the controller.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                        .containsExactlyInAnyOrderElementsOf(granted);
                assertThat(admin.describeUserScramCredentials()
                                .all()
                                .get(10, TimeUnit.SECONDS)
                                .keySet())
                        .doesNotContain("stranger")
                        .containsAll(KafkaAccess.allPrincipals());
            });
        }
    }

    @Test
    void anAgencyIsHeldToItsQuotaAndAQuotaTheCatalogueDoesNotSetIsRemovedAtTheNextStart() throws Exception {
        ClientQuotaEntity forestry = user(FORESTRY);
        ClientQuotaEntity caseService = user("case-service");
        try (Admin admin = Admin.create(broker.brokerClientProperties())) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                            caseService,
                            List.of(new ClientQuotaAlteration.Op(
                                    QuotaConfig.PRODUCER_BYTE_RATE_OVERRIDE_CONFIG, 1024.0)))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }

        broker.close();
        broker = EmbeddedInfrastructure.startKafka(dataDir, port, controllerPort, internalPort);

        double rate = KafkaAccess.AGENCY_BYTES_PER_SECOND;
        try (Admin admin = Admin.create(broker.brokerClientProperties())) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(admin.describeClientQuotas(ClientQuotaFilter.all())
                                    .entities()
                                    .get(10, TimeUnit.SECONDS))
                            .containsEntry(
                                    forestry,
                                    Map.of(
                                            QuotaConfig.PRODUCER_BYTE_RATE_OVERRIDE_CONFIG, rate,
                                            QuotaConfig.CONSUMER_BYTE_RATE_OVERRIDE_CONFIG, rate))
                            .doesNotContainKey(caseService));
        }

        // The broker measures a rate over its quota window (11 one-second samples; a new principal's over at least
        // ten seconds): fourteen largest events at once are over it. It answers, and tells the producer to wait; it
        // delays rather than refuses, so nothing is lost.
        try (var producer = producer(broker.clientProperties(FORESTRY))) {
            String large = "x".repeat(Topics.MAX_EVENT_BYTES - 4096);
            for (int i = 0; i < 14; i++) {
                producer.send(new ProducerRecord<>(Topics.agencyClues(Agency.FORESTRY), "k", large))
                        .get(20, TimeUnit.SECONDS);
            }
            assertThat(metric(producer, "produce-throttle-time-max")).isPositive();
        }
    }

    private static ClientQuotaEntity user(String principal) {
        return new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, principal));
    }

    private static double metric(KafkaProducer<?, ?> producer, String name) {
        return producer.metrics().entrySet().stream()
                .filter(e ->
                        e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .max()
                .orElseThrow();
    }

    private static AclBinding allow(String user, String topic, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }

    @Test
    void thePasswordsFileIsTheOwnersAlone() throws Exception {
        Path file = dataDir.resolve(KafkaCredentials.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(broker.credentials().principals())
                .contains(KafkaCredentials.BROKER, KafkaAccess.ADMIN, FORESTRY, "case-service");
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        try (var producer = producer(client)) {
            producer.send(new ProducerRecord<>(topic, "k", "value")).get(20, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(Map<String, Object> client, String group, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
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
