package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production-like docker-compose.yml cannot be started where the platform is developed (no Docker
 * engine), so its shape is checked here instead: pinned images, a self-initialising replica set,
 * healthchecks gating start-up order, Boot 4 property names, one Dockerfile for every deployable.
 */
class ComposeFileTest {

    private static final List<String> SPRING_SERVICES =
            List.of("case-service", "notification-service", "inspection-service", "gateway");
    private static final Map<String, String> MONGO_DATABASES = Map.of(
            "case-service", "cases",
            "notification-service", "notifications",
            "inspection-service", "inspections");
    // A release number (x.y.z), not a floating tag such as "latest" or "17-jre".
    private static final Pattern PINNED_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+.*");

    private static Path composeFile;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        composeFile = findUpwards("docker-compose.yml");
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(composeFile)) {
            compose = new Yaml().load(reader);
        }
        services = new LinkedHashMap<>();
        map(compose.get("services"), "services").forEach((name, definition) -> services.put(name, map(definition, name)));
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
        assertThat(commandLine(map(mongo.get("healthcheck"), "mongo healthcheck").get("test")))
                .contains("rs.initiate");
    }

    @Test
    void everyServiceHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(service.get("healthcheck")).as("%s healthcheck", name).isInstanceOf(Map.class);
            assertThat(map(service.get("healthcheck"), name).get("test")).as("%s healthcheck test", name).isNotNull();
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
                assertThat(services).as("%s depends on an undefined service", name).containsKey(dependency);
                assertThat(map(condition, name + " -> " + dependency).get("condition"))
                        .as("%s -> %s", name, dependency)
                        .isEqualTo("service_healthy");
            });
        });
    }

    @Test
    void springServicesUseBootFourMongoPropertyNames() {
        MONGO_DATABASES.forEach((name, database) -> assertThat(keyValues(service(name).get("environment")))
                .as("%s environment", name)
                .containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/" + database + "?replicaSet=rs0"));

        // Boot 4 silently ignores spring.data.mongodb.* and would connect to localhost instead.
        services.forEach((name, service) -> assertThat(keyValues(service.get("environment")).keySet())
                .as("%s environment", name)
                .noneMatch(key -> key.toUpperCase().contains("SPRING_DATA_MONGODB")));
    }

    @Test
    void everyDeployableIsBuiltFromThisRepositoryWithTheSharedDockerfile() {
        for (String name : SPRING_SERVICES) {
            Map<String, Object> service = service(name);
            assertThat(service.get("build")).as("%s build", name).isInstanceOf(Map.class);
            Map<String, Object> build = map(service.get("build"), name);

            assertThat(Path.of(String.valueOf(build.get("context"))).normalize()).as("%s context", name)
                    .isEqualTo(Path.of(""));
            assertThat(build.get("dockerfile")).as("%s dockerfile", name).isEqualTo("Dockerfile");
            assertThat(keyValues(build.get("args"))).as("%s build args", name).containsEntry("SERVICE", name);
        }
        assertThat(composeFile.resolveSibling("Dockerfile")).isRegularFile();
    }

    @Test
    void onlyTheGatewayIsPublishedAmongTheSpringServices() {
        for (String name : SPRING_SERVICES) {
            Object ports = service(name).get("ports");
            boolean published = ports instanceof List<?> list && !list.isEmpty();
            assertThat(published).as("%s publishes a port", name).isEqualTo(name.equals("gateway"));
        }
    }

    @Test
    void everyImageIsPinnedToARelease() {
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (image != null) {
                assertThat(tagOf((String) image)).as("%s image %s", name, image).matches(PINNED_TAG);
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

        assertThat(baseImages).isNotEmpty()
                .allSatisfy(image -> assertThat(tagOf(image)).as(image).matches(PINNED_TAG));
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
        throw new IllegalStateException(fileName + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theOAuth2ProviderIssuesTheTokensEveryServiceAndTheGatewayVerify() {
        assertThat(String.valueOf(service("keycloak").get("image"))).startsWith("quay.io/keycloak/keycloak:");
        assertThat(String.valueOf(service("keycloak").get("command"))).contains("--import-realm");
        for (String name : SPRING_SERVICES) {
            Map<String, String> environment = keyValues(service(name).get("environment"));
            assertThat(environment.get("PLATFORM_TOKEN_ISSUER")).as(name).endsWith("/realms/wildlife");
            assertThat(environment.get("PLATFORM_JWK_SET_URI")).as(name)
                    .startsWith("http://keycloak:8080/realms/wildlife/");
        }
        assertThat(composeFile.resolveSibling("deploy/keycloak/wildlife-realm.json")).isRegularFile();
    }
}
