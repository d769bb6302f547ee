package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserQuotas;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.junit.jupiter.api.Test;

/**
 * Strimzi's resources against the event contract: one KafkaTopic per topic of the catalogue (and dead-letter twin) with
 * its partitions, size limit and retention, and one KafkaUser per principal of {@link KafkaAccess} with exactly the
 * ACLs {@link KafkaAccess#bindings} gives it.
 */
class StrimziManifestsTest {

    /** Neither runtime sets a topic's retention: the broker's default, 168 hours, as on the local runtime's broker. */
    static final long RETENTION_MS = Duration.ofHours(168).toMillis();

    static final String NAMESPACE = "wildlife-kafka";

    /** One granted operation, in Kafka's own terms. */
    record Grant(String resourceType, String name, String patternType, String operation, String host) {}

    @Test
    void theClusterIsKraftWithThreeNodesAndAuthenticatesEveryListener() {
        List<Kafka> clusters = KubernetesManifestsTest.all(Kafka.class);
        assertThat(clusters).hasSize(1);
        Kafka kafka = clusters.get(0);
        assertThat(kafka.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.isTls()).as(l.getName()).isTrue();
            assertThat(l.getAuth())
                    .isInstanceOf(
                            io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512.class);
        });
        assertThat(listeners.stream().map(l -> l.getType().name()))
                .containsExactlyInAnyOrder("INTERNAL", "LOADBALANCER");
        assertThat(kafka.getSpec().getKafka().getAuthorization())
                .isInstanceOfSatisfying(
                        KafkaAuthorizationSimple.class,
                        a -> assertThat(a.getSuperUsers()).containsExactly(KafkaAccess.ADMIN));
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(Long.parseLong(String.valueOf(config.get("message.max.bytes"))))
                .isGreaterThanOrEqualTo(Topics.MAX_DEAD_LETTER_BYTES);
        assertThat(String.valueOf(config.get("auto.create.topics.enable"))).isEqualTo("false");

        List<KafkaNodePool> pools = KubernetesManifestsTest.all(KafkaNodePool.class);
        assertThat(pools).singleElement().satisfies(pool -> {
            assertThat(pool.getMetadata().getLabels())
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
            assertThat(pool.getSpec().getRoles())
                    .containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        });
    }

    @Test
    void everyTopicOfTheCatalogueIsAKafkaTopicWithItsLimits() {
        List<KafkaTopic> topics = KubernetesManifestsTest.all(KafkaTopic.class);
        assertThat(topics.stream().map(t -> t.getSpec().getTopicName()))
                .containsExactlyInAnyOrderElementsOf(Topics.allNamesWithDeadLetters());
        for (KafkaTopic topic : topics) {
            String name = topic.getSpec().getTopicName();
            assertThat(topic.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "wildlife");
            assertThat(topic.getSpec().getPartitions()).as(name).isEqualTo(Topics.PARTITIONS);
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(3);
            Map<String, Object> config = topic.getSpec().getConfig();
            assertThat(String.valueOf(config.get("max.message.bytes")))
                    .as(name)
                    .isEqualTo(String.valueOf(Topics.maxMessageBytes(name)));
            assertThat(String.valueOf(config.get("retention.ms"))).as(name).isEqualTo(String.valueOf(RETENTION_MS));
        }
    }

    @Test
    void everyPrincipalIsAKafkaUserWithExactlyItsAcls() {
        List<KafkaUser> users = KubernetesManifestsTest.all(KafkaUser.class);
        assertThat(users.stream().map(u -> u.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(KafkaAccess.allPrincipals());
        for (KafkaUser user : users) {
            String principal = user.getMetadata().getName();
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "wildlife");
            assertThat(user.getSpec().getAuthentication())
                    .isInstanceOfSatisfying(KafkaUserScramSha512ClientAuthentication.class, scram -> {
                        // The password by reference to a Secret, never in the manifest.
                        assertThat(scram.getPassword()
                                        .getValueFrom()
                                        .getSecretKeyRef()
                                        .getName())
                                .isEqualTo("kafka-password-" + principal);
                    });
            Set<Grant> expected = KafkaAccess.bindings(principal).stream()
                    .map(StrimziManifestsTest::grant)
                    .collect(Collectors.toSet());
            Set<Grant> actual = new HashSet<>();
            if (user.getSpec().getAuthorization() == null) {
                assertThat(principal).isEqualTo(KafkaAccess.ADMIN);
            } else {
                assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
                for (AclRule rule :
                        ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                    actual.addAll(grants(rule));
                }
            }
            assertThat(actual).as(principal).containsExactlyInAnyOrderElementsOf(expected);
            KafkaUserQuotas quotas = user.getSpec().getQuotas();
            assertThat(Optional.ofNullable(quotas)
                            .map(q -> new KafkaAccess.Quota(q.getProducerByteRate(), q.getConsumerByteRate())))
                    .as(principal + "'s quotas")
                    .isEqualTo(KafkaAccess.quota(principal));
        }
    }

    private static Grant grant(AclBinding binding) {
        assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
        return new Grant(
                binding.pattern().resourceType().name(),
                binding.pattern().name(),
                binding.pattern().patternType().name(),
                binding.entry().operation().name(),
                binding.entry().host());
    }

    private static List<Grant> grants(AclRule rule) {
        assertThat(rule.getType() == null || rule.getType().name().equals("ALLOW"))
                .as("allow rules only")
                .isTrue();
        String type;
        String name;
        AclResourcePatternType pattern;
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            type = "TOPIC";
            name = topic.getName();
            pattern = topic.getPatternType();
        } else if (rule.getResource() instanceof AclRuleGroupResource group) {
            type = "GROUP";
            name = group.getName();
            pattern = group.getPatternType();
        } else {
            throw new AssertionError("a resource KafkaAccess never grants: " + rule.getResource());
        }
        String patternType = pattern == AclResourcePatternType.PREFIX ? "PREFIXED" : "LITERAL";
        String host = rule.getHost() == null ? "*" : rule.getHost();
        return rule.getOperations().stream()
                .map(op -> new Grant(type, name, patternType, op.name(), host))
                .toList();
    }
}
