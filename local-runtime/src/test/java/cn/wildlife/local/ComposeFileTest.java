package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production-like docker-compose.yml cannot be started where the platform is developed (no Docker
 * engine), so its shape is checked here instead: pinned images, a self-initialising replica set,
 * healthchecks gating start-up order, Boot 4 property names, one Dockerfile for every deployable, and a Kafka that
 * authenticates every client and authorizes with the platform's own ACLs.
 */
class ComposeFileTest {

    private static final List<String> SPRING_SERVICES =
            List.of("case-service", "notification-service", "inspection-service", "gateway");
    /** The deployables that talk to Kafka, each as the principal of its name. */
    private static final List<String> KAFKA_SERVICES = KafkaAccess.servicePrincipals();
    // A value that is exactly one required variable: "${NAME:?message}".
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
    private static final Map<String, String> MONGO_DATABASES = Map.of(
            "case-service", "cases",
            "notification-service", "notifications",
            "inspection-service", "inspections");
    // A release number (x.y.z), not a floating tag such as "latest" or "17-jre".
    private static final Pattern PINNED_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+.*");
    private static final Pattern POSTGRES_RELEASE = Pattern.compile("\\d+\\.\\d+(-.*)?");

    private static Path composeFile;
    private static String composeText;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        composeFile = findUpwards("docker-compose.yml");
        composeText = Files.readString(composeFile);
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(composeFile)) {
            compose = new Yaml().load(reader);
        }
        services = new LinkedHashMap<>();
        map(compose.get("services"), "services")
                .forEach((name, definition) -> services.put(name, map(definition, name)));
    }

    @Test
    void kafkaRunsAPinnedApacheImageInKraftCombinedMode() {
        Map<String, Object> kafka = service("kafka");

        String image = (String) kafka.get("image");
        assertThat(image).startsWith("apache/kafka:");
        assertThat(tagOf(image)).matches(PINNED_TAG);

        Map<String, String> environment = keyValues(kafka.get("environment"));
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isNotNull();
        assertThat(Set.of(environment.get("KAFKA_PROCESS_ROLES").split("\\s*,\\s*")))
                .containsExactlyInAnyOrder("broker", "controller");
        assertThat(environment).containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "CLUSTER_ID");
    }

    @Test
    void mongoIsAReplicaSetThatTheComposeFileInitialisesItself() {
        Map<String, Object> mongo = service("mongo");

        assertThat(commandLine(mongo.get("command"))).contains("--replSet");
        assertThat(commandLine(
                        map(mongo.get("healthcheck"), "mongo healthcheck").get("test")))
                .contains("rs.initiate");
    }

    @Test
    void everyServiceHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(service.get("mem_limit")).as("%s mem_limit", name).isNotNull();
            if (isOneShot(service)) {
                // A job that runs to its end is waited for by its exit status, not by a healthcheck.
                return;
            }
            assertThat(service.get("healthcheck")).as("%s healthcheck", name).isInstanceOf(Map.class);
            assertThat(map(service.get("healthcheck"), name).get("test"))
                    .as("%s healthcheck test", name)
                    .isNotNull();
            assertThat(service.get("mem_limit")).as("%s mem_limit", name).isNotNull();
        });
    }

    @Test
    void servicesStartOnlyOnceWhatTheyDependOnIsHealthy() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            // The short list form cannot carry a condition, so it only waits for "started".
            assertThat(dependsOn).as("%s depends_on must name conditions", name).isInstanceOf(Map.class);
            map(dependsOn, name).forEach((dependency, condition) -> {
                assertThat(services)
                        .as("%s depends on an undefined service", name)
                        .containsKey(dependency);
                assertThat(map(condition, name + " -> " + dependency).get("condition"))
                        .as("%s -> %s", name, dependency)
                        .isEqualTo(
                                isOneShot(services.get(dependency))
                                        ? "service_completed_successfully"
                                        : "service_healthy");
            });
        });
    }

    @Test
    void springServicesUseBootFourMongoPropertyNames() {
        MONGO_DATABASES.forEach(
                (name, database) -> assertThat(keyValues(service(name).get("environment")))
                        .as("%s environment", name)
                        .containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/" + database + "?replicaSet=rs0"));

        // Boot 4 silently ignores spring.data.mongodb.* and would connect to localhost instead.
        services.forEach((name, service) -> assertThat(
                        keyValues(service.get("environment")).keySet())
                .as("%s environment", name)
                .noneMatch(key -> key.toUpperCase().contains("SPRING_DATA_MONGODB")));
    }

    @Test
    void everyDeployableIsBuiltFromThisRepositoryWithTheSharedDockerfile() {
        for (String name : SPRING_SERVICES) {
            Map<String, Object> service = service(name);
            assertThat(service.get("build")).as("%s build", name).isInstanceOf(Map.class);
            Map<String, Object> build = map(service.get("build"), name);

            assertThat(Path.of(String.valueOf(build.get("context"))).normalize())
                    .as("%s context", name)
                    .isEqualTo(Path.of(""));
            assertThat(build.get("dockerfile")).as("%s dockerfile", name).isEqualTo("Dockerfile");
            assertThat(keyValues(build.get("args"))).as("%s build args", name).containsEntry("SERVICE", name);
        }
        assertThat(composeFile.resolveSibling("Dockerfile")).isRegularFile();
    }

    @Test
    void noSpringServiceIsPublishedTheGatewayOnlyThroughTls() {
        for (String name : SPRING_SERVICES) {
            assertThat(service(name).get("ports")).as("%s ports", name).isNull();
        }
        Map<String, Object> tls = service("gateway-tls");
        assertThat(portsOf("gateway-tls")).containsExactly("${GATEWAY_TLS_PORT:-443}:8443");
        assertThat(volumesOf("gateway-tls"))
                .contains("./deploy/nginx/gateway-tls.conf:/etc/nginx/conf.d/default.conf:ro")
                .anyMatch(v -> v.startsWith("${GATEWAY_TLS_DIR:?") && v.endsWith(":/etc/nginx/tls:ro"));
        assertThat(map(tls.get("depends_on"), "gateway-tls depends_on")).containsKey("gateway");
        assertThat(composeFile.resolveSibling("deploy/nginx/gateway-tls.conf"))
                .content()
                .contains("listen 8443 ssl;")
                .contains("ssl_protocols TLSv1.2 TLSv1.3;")
                .contains("proxy_pass http://gateway:8080;")
                // The caller's address as the proxy saw it: a forwarded one from the caller would dodge rate limits.
                .contains("proxy_set_header X-Forwarded-For $remote_addr;");
        assertThat(keyValues(service("gateway").get("environment")))
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
    }

    @Test
    void tracesGoToTheStacksJaegerUnlessTheOperatorNamesAnotherStore() {
        for (String name : SPRING_SERVICES) {
            assertThat(keyValues(service(name).get("environment")))
                    .as(name)
                    .containsEntry(
                            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "${OTLP_TRACES_ENDPOINT:-http://jaeger:4318/v1/traces}");
        }
        assertThat(service("jaeger").get("image")).isEqualTo("jaegertracing/jaeger:2.1.0");
        assertThat(portsOf("jaeger")).containsExactly("127.0.0.1:16686:16686");
    }

    @Test
    void keycloakRunsInProductionModeWithItsOwnDatabase() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(commandLine(keycloak.get("command"))).startsWith("start ").doesNotContain("start-dev");
        assertThat(keyValues(keycloak.get("environment")))
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://keycloak-db:5432/keycloak")
                .containsEntry("KC_DB_PASSWORD", "${KEYCLOAK_DB_PASSWORD:?set KEYCLOAK_DB_PASSWORD}");
        assertThat(keyValues(service("keycloak-db").get("environment")))
                .containsEntry("POSTGRES_PASSWORD", "${KEYCLOAK_DB_PASSWORD:?set KEYCLOAK_DB_PASSWORD}");
        assertThat(volumesOf("keycloak-db")).contains("keycloak-db-data:/var/lib/postgresql/data");
        assertThat(map(keycloak.get("depends_on"), "keycloak depends_on")).containsKey("keycloak-db");
        assertThat(portsOf("keycloak")).allMatch(p -> p.startsWith("127.0.0.1:"));
    }

    @Test
    void mongoIsBackedUpOnAScheduleIntoAVolumeAndTheRestoreIsScripted() {
        Map<String, Object> backup = service("mongo-backup");
        assertThat(String.valueOf(backup.get("image")))
                .isEqualTo(service("mongo").get("image"));
        assertThat(commandLine(backup.get("entrypoint"))).contains("mongo-backup.sh");
        assertThat(volumesOf("mongo-backup")).contains("mongo-backups:/backups");
        assertThat(keyValues(backup.get("environment")).get("MONGO_URI")).contains("replicaSet=rs0");
        assertThat(composeFile.resolveSibling("deploy/mongo/mongo-backup.sh"))
                .content()
                .contains("mongodump --uri=\"$MONGO_URI\" --oplog --gzip");
        assertThat(composeFile.resolveSibling("deploy/mongo/mongo-restore.sh"))
                .content()
                .contains("mongorestore --uri=\"$MONGO_URI\" --gzip --archive=\"$archive\" --drop --oplogReplay");
    }

    @Test
    void everyImageIsPinnedToARelease() {
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (image != null) {
                // PostgreSQL numbers its releases major.minor (17.2): that is as pinned as it gets.
                Pattern release = String.valueOf(image).startsWith("postgres:") ? POSTGRES_RELEASE : PINNED_TAG;
                assertThat(tagOf((String) image)).as("%s image %s", name, image).matches(release);
            }
        });
    }

    @Test
    void dockerfileBaseImagesArePinnedToARelease() throws IOException {
        List<String> baseImages = Files.readAllLines(composeFile.resolveSibling("Dockerfile")).stream()
                .map(String::trim)
                .filter(line -> line.toUpperCase().startsWith("FROM "))
                .map(line -> line.split("\\s+")[1])
                .collect(Collectors.toList());

        assertThat(baseImages)
                .isNotEmpty()
                .allSatisfy(image -> assertThat(tagOf(image)).as(image).matches(PINNED_TAG));
    }

    @Test
    void kafkaTakesClientsOnlyOverSaslSslWithScramAndNoListenerWithoutAuthentication() {
        Map<String, String> environment = keyValues(service("kafka").get("environment"));
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String entry :
                environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] nameAndProtocol = entry.trim().split(":", 2);
            protocols.put(nameAndProtocol[0], nameAndProtocol[1]);
        }

        assertThat(protocols)
                .containsEntry("CLIENT", "SASL_SSL")
                .containsEntry("EXTERNAL", "SASL_SSL")
                .containsEntry("INTERNAL", "SASL_PLAINTEXT")
                .containsEntry("CONTROLLER", "SASL_PLAINTEXT");
        assertThat(listenerNames(environment.get("KAFKA_LISTENERS")))
                .containsExactlyInAnyOrder("CLIENT", "INTERNAL", "CONTROLLER", "EXTERNAL");
        assertThat(protocols.values())
                .as("no listener takes a client without SASL")
                .allMatch(p -> p.startsWith("SASL_"));
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("CLIENT://kafka:9092");
        assertThat(environment)
                .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", KafkaAccess.MECHANISM)
                .containsEntry("KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS", "PLAIN")
                .containsEntry("KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS", "PLAIN")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", KafkaAccess.MECHANISM)
                .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SSL_KEYSTORE_TYPE", "PKCS12")
                .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SSL_KEYSTORE_TYPE", "PKCS12");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("EXTERNAL://${KAFKA_EXTERNAL_HOST:-localhost}:9095");
        // Only the agencies' listener leaves the compose network, on the host's loopback unless an option opens it.
        assertThat(portsOf("kafka")).containsExactly("${KAFKA_EXTERNAL_BIND:-127.0.0.1}:9095:9095");
        assertThat(keyValues(service("kafka-tls").get("environment")).get("BROKER_HOSTS"))
                .contains("${KAFKA_EXTERNAL_HOST:-localhost}");
        assertThat(composeFile.resolveSibling("deploy/kafka/start-kafka.sh"))
                .content()
                .contains("listener.name.external.scram-sha-512.sasl.jaas.config")
                .contains("listener.name.external.ssl.keystore.password");
    }

    @Test
    void kafkaDeniesWhatNoAclAllowsAndKnowsOnlyTheBrokerAndTheOperatorsAsSuperUsers() {
        Map<String, String> environment = keyValues(service("kafka").get("environment"));

        assertThat(environment)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(Topics.MAX_DEAD_LETTER_BYTES))
                .containsKey("KAFKA_CONNECTIONS_MAX_REAUTH_MS");
        assertThat(Set.of(environment.get("KAFKA_SUPER_USERS").split(";")))
                .containsExactlyInAnyOrder(
                        KafkaAccess.user(KafkaCredentials.BROKER), KafkaAccess.user(KafkaAccess.ADMIN));
    }

    @Test
    void kafkasHealthcheckAuthenticatesOnTheInternalListener() {
        String test = commandLine(
                map(service("kafka").get("healthcheck"), "kafka healthcheck").get("test"));

        assertThat(test).contains("--bootstrap-server localhost:9094").contains("--command-config");
        assertThat(composeFile.resolveSibling("deploy/kafka/start-kafka.sh"))
                .content()
                .contains("healthcheck.properties")
                .contains("sasl.mechanism=PLAIN");
    }

    @Test
    void theTlsMaterialIsCreatedOnceBeforeTheBrokerAndNoClientMountsAPrivateKey() {
        Map<String, Object> tls = service("kafka-tls");
        assertThat(commandLine(tls.get("entrypoint"))).contains("create-tls.sh");
        assertThat(composeFile.resolveSibling("deploy/kafka/create-tls.sh")).isRegularFile();
        assertThat(map(service("kafka").get("depends_on"), "kafka depends_on")).containsKey("kafka-tls");
        assertThat(volumesOf("kafka")).contains("kafka-broker-tls:/etc/kafka/secrets:ro");

        services.forEach((name, service) -> {
            if (!name.equals("kafka") && !name.equals("kafka-tls")) {
                assertThat(volumesOf(name))
                        .as("%s volumes", name)
                        .noneMatch(v -> v.startsWith("kafka-broker-tls:") || v.startsWith("kafka-ca:"));
            }
        });
    }

    @Test
    void kafkaSetupRunsThePlatformsOwnCommandOnceKafkaIsHealthy() {
        Map<String, Object> setup = service("kafka-setup");

        assertThat(keyValues(map(setup.get("build"), "kafka-setup build").get("args")))
                .containsEntry("SERVICE", "local-runtime");
        assertThat(commandLine(setup.get("entrypoint"))).contains("kafka-setup.sh");
        assertThat(commandLine(setup.get("command"))).contains("--bootstrap=localhost:9094");
        assertThat(setup.get("network_mode")).isEqualTo("service:kafka");
        assertThat(composeFile.resolveSibling("deploy/kafka/kafka-setup.sh"))
                .content()
                .contains("kafka-setup ");
        assertThat(map(setup.get("depends_on"), "kafka-setup depends_on")).containsOnlyKeys("kafka");
        assertThat(isOneShot(setup)).isTrue();
        assertThat(composeFile.resolveSibling("Dockerfile")).content().contains("local-runtime)");

        // Every principal of the catalogue gets a password, from a variable named after it.
        Map<String, String> environment = keyValues(setup.get("environment"));
        List<String> principals = new ArrayList<>(KafkaAccess.allPrincipals());
        principals.add(KafkaCredentials.BROKER);
        for (String principal : principals) {
            String variable = passwordVariable(principal);
            assertThat(environment.get(variable))
                    .as("%s password", principal)
                    .isEqualTo("${" + variable + ":?set " + variable + "}");
        }
    }

    @Test
    void everyServiceConnectsToKafkaAsItsOwnPrincipalOverSaslSslOnceKafkaIsSetUp() {
        for (String name : KAFKA_SERVICES) {
            Map<String, Object> service = service(name);
            Map<String, String> environment = keyValues(service.get("environment"));

            assertThat(environment)
                    .as(name)
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaAccess.MECHANISM)
                    .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12")
                    // kafka-setup created the topics; a service's principal may not create any.
                    .containsEntry("PLATFORM_TOPICS_CREATE", "false");
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as(name)
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                            + "\" password=\"${" + passwordVariable(name) + ":?set " + passwordVariable(name) + "}\";");
            String truststore = environment.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");
            assertThat(truststore).as(name).startsWith("file:/etc/wildlife/kafka-tls/");
            assertThat(volumesOf(name)).as(name).contains("kafka-truststore:/etc/wildlife/kafka-tls:ro");
            assertThat(map(map(service.get("depends_on"), name).get("kafka-setup"), name + " -> kafka-setup")
                            .get("condition"))
                    .as(name)
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void noPasswordIsWrittenInTheComposeFile() {
        services.forEach((name, service) -> keyValues(service.get("environment"))
                .forEach((key, value) -> {
                    if (key.contains("PASSWORD")) {
                        assertThat(value).as("%s %s", name, key).matches(REQUIRED_VARIABLE);
                    }
                    Matcher inline = Pattern.compile("password=\"([^\"]*)\"").matcher(String.valueOf(value));
                    while (inline.find()) {
                        assertThat(inline.group(1)).as("%s %s", name, key).matches(REQUIRED_VARIABLE);
                    }
                }));
        // A default ("${X:-secret}" or "${X-secret}") would be a password in the file after all.
        assertThat(Pattern.compile("\\$\\{[A-Z0-9_]*PASSWORD[A-Z0-9_]*:?-")
                        .matcher(composeText)
                        .find())
                .as("a password variable with a default")
                .isFalse();
    }

    /** A job that runs to its end: compose must not restart it, and what depends on it waits for its success. */
    private static boolean isOneShot(Map<String, Object> service) {
        return "no".equals(service.get("restart"));
    }

    private static String passwordVariable(String principal) {
        return "KAFKA_PASSWORD_" + principal.toUpperCase().replace('-', '_');
    }

    private static List<String> listenerNames(String listeners) {
        return Arrays.stream(listeners.split(","))
                .map(l -> l.trim().split("://", 2)[0])
                .toList();
    }

    private static List<String> portsOf(String name) {
        Object ports = service(name).get("ports");
        return ports instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static List<String> volumesOf(String name) {
        Object volumes = service(name).get("volumes");
        return volumes instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services in %s", composeFile).containsKey(name);
        return services.get(name);
    }

    /** The tag after the last ':' of the image's final path segment; empty when there is none. */
    private static String tagOf(String image) {
        String withoutDigest = image.split("@", 2)[0];
        String lastSegment = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        int colon = lastSegment.lastIndexOf(':');
        return colon < 0 ? "" : lastSegment.substring(colon + 1);
    }

    /** Compose accepts environment and build args as a map or as a list of KEY=VALUE strings. */
    private static Map<String, String> keyValues(Object entries) {
        Map<String, String> result = new LinkedHashMap<>();
        if (entries instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (entries instanceof List<?> list) {
            for (Object entry : list) {
                String[] keyAndValue = String.valueOf(entry).split("=", 2);
                result.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : null);
            }
        } else if (entries != null) {
            fail("expected a map or a list but got: " + entries);
        }
        return result;
    }

    /** A command or healthcheck test, whether written as a string or as a list. */
    private static String commandLine(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return String.valueOf(command);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Path findUpwards(String fileName) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                fileName + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theOAuth2ProviderIssuesTheTokensEveryServiceAndTheGatewayVerify() {
        assertThat(String.valueOf(service("keycloak").get("image"))).startsWith("quay.io/keycloak/keycloak:");
        assertThat(String.valueOf(service("keycloak").get("command"))).contains("--import-realm");
        for (String name : SPRING_SERVICES) {
            Map<String, String> environment = keyValues(service(name).get("environment"));
            assertThat(environment.get("PLATFORM_TOKEN_ISSUER")).as(name).endsWith("/realms/wildlife");
            assertThat(environment.get("PLATFORM_JWK_SET_URI"))
                    .as(name)
                    .startsWith("http://keycloak:8080/realms/wildlife/");
        }
        assertThat(composeFile.resolveSibling("deploy/keycloak/wildlife-realm.json"))
                .isRegularFile();
    }
}
