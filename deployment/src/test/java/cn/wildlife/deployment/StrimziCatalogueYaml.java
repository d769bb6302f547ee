package cn.wildlife.deployment;

import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * Writes {@code deploy/kubernetes/kafka/topics.yaml} and {@code users.yaml} from the event contract: a KafkaTopic per
 * name of {@link Topics#allNamesWithDeadLetters()}, a KafkaUser per principal of {@link KafkaAccess} with its
 * {@link KafkaAccess#bindings}. {@code StrimziCatalogueYamlTest} fails when the files differ from this output and
 * rewrites them when run with {@code -Dwildlife.regenerate=true}.
 */
final class StrimziCatalogueYaml {

    static final String CLUSTER = "wildlife";
    static final int REPLICAS = 3;
    static final int MIN_INSYNC_REPLICAS = 2;

    /** Neither runtime sets a topic's retention: the broker's default, 168 hours, as on the local runtime's broker. */
    static final long RETENTION_MS = Duration.ofHours(168).toMillis();

    private static final String HEADER =
            "# Generated from event-contract's Topics and KafkaAccess by StrimziCatalogueYaml (deployment's tests);\n"
                    + "# StrimziCatalogueYamlTest fails when they differ and rewrites it with -Dwildlife.regenerate=true.\n";

    private StrimziCatalogueYaml() {}

    static String topics() {
        StringBuilder out = new StringBuilder(HEADER);
        for (String name : Topics.allNamesWithDeadLetters()) {
            out.append("---\n");
            resource(out, "KafkaTopic", name)
                    .append("spec:\n")
                    .append("  topicName: ")
                    .append(name)
                    .append('\n')
                    .append("  partitions: ")
                    .append(Topics.PARTITIONS)
                    .append('\n')
                    .append("  replicas: ")
                    .append(REPLICAS)
                    .append('\n')
                    .append("  config:\n")
                    .append("    max.message.bytes: \"")
                    .append(Topics.maxMessageBytes(name))
                    .append("\"\n")
                    .append("    retention.ms: \"")
                    .append(RETENTION_MS)
                    .append("\"\n")
                    .append("    min.insync.replicas: \"")
                    .append(MIN_INSYNC_REPLICAS)
                    .append("\"\n");
        }
        return out.toString();
    }

    /** A Strimzi resource's kind and metadata: its name, and the cluster whose operator manages it. */
    private static StringBuilder resource(StringBuilder out, String kind, String name) {
        return out.append("apiVersion: kafka.strimzi.io/v1\n")
                .append("kind: ")
                .append(kind)
                .append('\n')
                .append("metadata:\n")
                .append("  name: ")
                .append(name)
                .append('\n')
                .append("  labels:\n")
                .append("    strimzi.io/cluster: ")
                .append(CLUSTER)
                .append('\n');
    }

    static String users() {
        StringBuilder out = new StringBuilder(HEADER);
        for (String principal : KafkaAccess.allPrincipals()) {
            out.append("---\n");
            if (KafkaAccess.agencyOf(principal).isPresent()) {
                out.append("# The agency system ")
                        .append(principal)
                        .append(": writes its own pair, reads its own dead letters (external listener),\n")
                        .append("# held to one largest event a second each way.\n");
            } else if (KafkaAccess.service(principal).isPresent()) {
                out.append("# The platform service ")
                        .append(principal)
                        .append(": reads its listeners' topics with their groups, writes what the catalogue names it\n")
                        .append("# writer of and the dead-letter twins of what it reads.\n");
            } else {
                out.append(
                        "# The operators' principal: a super user of the cluster (the Kafka's superUsers), no ACLs.\n");
            }
            resource(out, "KafkaUser", principal)
                    .append("spec:\n")
                    .append("  authentication:\n")
                    .append("    type: scram-sha-512\n")
                    .append("    password:\n")
                    .append("      valueFrom:\n")
                    .append("        secretKeyRef:\n")
                    .append("          name: kafka-password-")
                    .append(principal)
                    .append('\n')
                    .append("          key: password\n");
            KafkaAccess.quota(principal)
                    .ifPresent(quota -> out.append("  quotas:\n")
                            .append("    producerByteRate: ")
                            .append(quota.produceBytesPerSecond())
                            .append('\n')
                            .append("    consumerByteRate: ")
                            .append(quota.fetchBytesPerSecond())
                            .append('\n'));
            List<AclBinding> bindings = KafkaAccess.bindings(principal);
            if (bindings.isEmpty()) {
                continue;
            }
            // One rule per resource, its operations in the order the code grants them.
            Map<ResourcePattern, List<String>> rules = new LinkedHashMap<>();
            Map<ResourcePattern, String> hosts = new LinkedHashMap<>();
            for (AclBinding binding : bindings) {
                rules.computeIfAbsent(binding.pattern(), p -> new ArrayList<>()).add(operation(binding));
                hosts.put(binding.pattern(), binding.entry().host());
            }
            out.append("  authorization:\n").append("    type: simple\n").append("    acls:\n");
            rules.forEach((pattern, operations) -> out.append("      - resource:\n")
                    .append("          type: ")
                    .append(pattern.resourceType().name().toLowerCase(Locale.ROOT))
                    .append('\n')
                    .append("          name: ")
                    .append(pattern.name())
                    .append('\n')
                    .append("          patternType: ")
                    .append(pattern.patternType() == PatternType.PREFIXED ? "prefix" : "literal")
                    .append('\n')
                    .append("        operations: [")
                    .append(String.join(", ", operations))
                    .append("]\n")
                    .append("        host: \"")
                    .append(hosts.get(pattern))
                    .append("\"\n"));
        }
        return out.toString();
    }

    /** Strimzi's spelling of a Kafka operation: WRITE as Write, DESCRIBE_CONFIGS as DescribeConfigs. */
    private static String operation(AclBinding binding) {
        StringBuilder name = new StringBuilder();
        for (String word : binding.entry().operation().name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
