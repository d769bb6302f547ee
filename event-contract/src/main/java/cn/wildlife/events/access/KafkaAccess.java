package cn.wildlife.events.access;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the platform's Kafka: one principal per agency system and one per platform service, each
 * allowed exactly what the topic catalogue gives it; everything else is denied (the broker allows nothing without
 * an ACL). An agency writes only its own {@code agency.<agency>.*} pair and reads only its own dead letters, so it
 * can see what it got wrong. A service reads the topics its listeners consume (with their consumer groups), writes
 * the topics it is the catalogue's writer of, and writes the dead-letter twins of what it reads. The operators'
 * principal is a super user of the broker and needs no ACL.
 */
public final class KafkaAccess {

    /** The operators' principal: creates topics and credentials, reads and resets any group (benchmark, replay). */
    public static final String ADMIN = "platform-admin";

    /** The SASL mechanism every client uses. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * What one agency system may send, and fetch from its dead letters, per second over all its connections: one
     * event of the largest size the contract accepts. A province's busiest burst (a year of one agency's records
     * re-sent in half an hour, docs/capacity.md) needs about 60 KB/s. The broker delays a principal over its quota
     * instead of refusing it, so a runaway system slows down and loses nothing, and cannot fill the brokers' disks or
     * crowd out the other agencies.
     */
    public static final long AGENCY_BYTES_PER_SECOND = Topics.MAX_EVENT_BYTES;

    /** The byte rates the broker holds a principal to (Kafka's user quotas). */
    public record Quota(long produceBytesPerSecond, long fetchBytesPerSecond) {}

    /** One platform service's use of Kafka: the topics its listeners read and the consumer groups they use. */
    public record ServiceUse(String principal, List<String> reads, List<String> groups) {

        public ServiceUse {
            reads = List.copyOf(reads);
            groups = List.copyOf(groups);
        }

        /** The catalogue's topics this service is the writer of, and the dead-letter twins of what it reads. */
        public List<String> writes() {
            List<String> writes = new ArrayList<>(Topics.catalogue().stream()
                    .filter(t -> t.writer().equals(principal))
                    .map(Topics.Topic::name)
                    .toList());
            reads.stream().map(Topics::deadLetter).forEach(writes::add);
            return List.copyOf(writes);
        }
    }

    private static final List<String> AGENCY_TOPICS =
            concat(Topics.allAgencyClueTopics(), Topics.allAgencyCaseTopics());

    /**
     * The services and their consumer groups. A listener's id is its group (spring-kafka's default), so a new
     * {@code @KafkaListener} needs its id here too: a test compares this table with the services' listeners.
     */
    public static final List<ServiceUse> SERVICES = List.of(
            new ServiceUse(
                    "case-service",
                    concat(
                            AGENCY_TOPICS,
                            List.of(Topics.PLATFORM_TRANSFERS, Topics.PLATFORM_ALERTS, Topics.PLATFORM_INSPECTIONS)),
                    List.of(
                            "agency-clues",
                            "agency-cases",
                            "case-transfers",
                            "case-alerts",
                            "case-inspection-findings")),
            new ServiceUse(
                    "notification-service",
                    List.of(
                            Topics.PLATFORM_CLUES,
                            Topics.PLATFORM_TRANSFERS,
                            Topics.PLATFORM_CASES,
                            Topics.PLATFORM_INSPECTIONS,
                            Topics.PLATFORM_OPERATIONS,
                            Topics.PLATFORM_ALERTS),
                    List.of("deadline-events", "alert-delivery", "inbox-delivery")),
            new ServiceUse(
                    "inspection-service",
                    List.of(
                            Topics.PLATFORM_OPERATIONS,
                            Topics.PLATFORM_INSPECTIONS,
                            Topics.PLATFORM_CASES,
                            Topics.PLATFORM_SPECIES,
                            Topics.PLATFORM_CLUES),
                    List.of("inspection-results", "inspection-cases", "inspection-species", "inspection-clues")));

    private KafkaAccess() {}

    /** The principal of an agency's own system, e.g. {@code agency-forestry}. */
    public static String agencyPrincipal(Agency agency) {
        if (!agency.publishesOwnTopics()) {
            throw new IllegalArgumentException(agency + " publishes no events of its own");
        }
        return "agency-" + agency.topicSegment();
    }

    /** The agency whose system a principal is, if it is one. */
    public static Optional<Agency> agencyOf(String principal) {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .filter(a -> agencyPrincipal(a).equals(principal))
                .findFirst();
    }

    public static List<String> agencyPrincipals() {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .map(KafkaAccess::agencyPrincipal)
                .toList();
    }

    public static List<String> servicePrincipals() {
        return SERVICES.stream().map(ServiceUse::principal).toList();
    }

    public static Optional<ServiceUse> service(String principal) {
        return SERVICES.stream().filter(s -> s.principal().equals(principal)).findFirst();
    }

    /** Every principal the platform knows, operators' included. */
    public static List<String> allPrincipals() {
        return concat(concat(List.of(ADMIN), servicePrincipals()), agencyPrincipals());
    }

    /** An agency system's quota; the services and the operators have none (their rate is the platform's own). */
    public static Optional<Quota> quota(String principal) {
        return agencyOf(principal).map(agency -> new Quota(AGENCY_BYTES_PER_SECOND, AGENCY_BYTES_PER_SECOND));
    }

    /** The ACLs of one principal (none for the operators' super user). */
    public static List<AclBinding> bindings(String principal) {
        List<AclBinding> bindings = new ArrayList<>();
        Optional<Agency> agency = agencyOf(principal);
        if (agency.isPresent()) {
            for (String topic : List.of(Topics.agencyClues(agency.get()), Topics.agencyCases(agency.get()))) {
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
                bindings.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
                bindings.add(allow(
                        principal,
                        ResourceType.TOPIC,
                        Topics.deadLetter(topic),
                        PatternType.LITERAL,
                        AclOperation.READ));
            }
            // Its own consumer groups, to read its dead letters: any group named after its principal.
            bindings.add(allow(principal, ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
            return bindings;
        }
        Optional<ServiceUse> service = service(principal);
        if (service.isPresent()) {
            service.get()
                    .reads()
                    .forEach(t -> bindings.add(
                            allow(principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ)));
            service.get().writes().forEach(t -> {
                bindings.add(allow(principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.WRITE));
                bindings.add(allow(principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.DESCRIBE));
            });
            service.get()
                    .groups()
                    .forEach(g -> bindings.add(
                            allow(principal, ResourceType.GROUP, g, PatternType.LITERAL, AclOperation.READ)));
            return bindings;
        }
        if (ADMIN.equals(principal)) {
            return List.of();
        }
        throw new IllegalArgumentException("unknown principal '" + principal + "'");
    }

    /**
     * The settings a Kafka client needs to connect as a principal ({@code SASL_PLAINTEXT} on the local runtime,
     * {@code SASL_SSL} where the network is not trusted).
     */
    public static Map<String, Object> clientProperties(
            String bootstrapServers, String securityProtocol, String principal, String password) {
        if (principal.contains("\"") || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("a principal or password with quotes or backslashes cannot be used");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required " + "username=\"" + principal
                        + "\" password=\"" + password + "\";");
        return props;
    }

    /** The {@code User:} form the broker's ACLs and super users name a principal by. */
    public static String user(String principal) {
        return "User:" + principal;
    }

    private static AclBinding allow(
            String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(user(principal), "*", operation, AclPermissionType.ALLOW));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
