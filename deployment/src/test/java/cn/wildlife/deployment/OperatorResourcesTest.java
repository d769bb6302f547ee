package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.deployment.KubernetesManifests.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB Community Operator's, the Keycloak Operator's and CloudNativePG's resources. None of these operators
 * publishes a Java model on Maven Central, so these are checked field by field against what the platform needs, not
 * against their schemas.
 */
class OperatorResourcesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Manifest only(String kind) {
        List<Manifest> found = KubernetesManifestsTest.ALL.stream()
                .filter(m -> m.kind().equals(kind))
                .toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode spec(Manifest manifest) {
        return JSON.valueToTree(manifest.document()).get("spec");
    }

    @Test
    void mongodbIsAThreeMemberReplicaSetWithAUserPerDeployable() {
        Manifest mongodb = only("MongoDBCommunity");
        assertThat(mongodb.apiVersion()).isEqualTo("mongodbcommunity.mongodb.com/v1");
        JsonNode spec = spec(mongodb);
        assertThat(spec.get("type").asText()).isEqualTo("ReplicaSet");
        assertThat(spec.get("members").asInt()).isEqualTo(3);
        assertThat(spec.get("version").asText()).isNotBlank();
        assertThat(spec.at("/security/authentication/modes").toString()).contains("SCRAM");
        Set<String> connectionSecrets = new java.util.HashSet<>();
        for (JsonNode user : spec.get("users")) {
            assertThat(user.fieldNames())
                    .toIterable()
                    .isSubsetOf(Set.of(
                            "name",
                            "db",
                            "passwordSecretRef",
                            "roles",
                            "scramCredentialsSecretName",
                            "connectionStringSecretName",
                            "connectionStringSecretNamespace",
                            "additionalConnectionStringConfig"));
            assertThat(user.at("/passwordSecretRef/name").asText())
                    .isEqualTo("mongodb-password-" + user.get("name").asText());
            assertThat(user.get("scramCredentialsSecretName").asText()).isNotBlank();
            assertThat(user.get("connectionStringSecretNamespace").asText())
                    .isEqualTo(KubernetesManifestsTest.NAMESPACE);
            assertThat(user.get("roles"))
                    .allSatisfy(r -> assertThat(r.get("db").asText())
                            .isEqualTo(user.get("db").asText()));
            connectionSecrets.add(user.get("connectionStringSecretName").asText());
        }
        // Every Deployment's MongoDB connection string is one the operator writes.
        Set<String> used = KubernetesManifestsTest.all(Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getName().endsWith("MONGODB_URI"))
                .map(EnvVar::getValueFrom)
                .map(v -> v.getSecretKeyRef().getName())
                .collect(Collectors.toSet());
        assertThat(used).hasSize(KubernetesManifestsTest.DEPLOYABLES.size());
        assertThat(connectionSecrets).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void keycloakRunsOnADatabaseWithItsSecretsByReference() {
        Manifest keycloak = only("Keycloak");
        JsonNode spec = spec(keycloak);
        assertThat(spec.at("/db/vendor").asText()).isEqualTo("postgres");
        assertThat(spec.at("/db/usernameSecret/name").asText()).isNotBlank();
        assertThat(spec.at("/db/passwordSecret/name").asText()).isNotBlank();
        assertThat(spec.at("/bootstrapAdmin/user/secret").asText()).isNotBlank();
        assertThat(spec.at("/http/tlsSecret").asText()).isNotBlank();
        assertThat(spec.at("/hostname/hostname").asText()).startsWith("https://");
        assertThat(spec.get("instances").asInt()).isGreaterThanOrEqualTo(2);
        // The services trust the tokens of the issuer the realm's hostname gives them.
        String issuer = spec.at("/hostname/hostname").asText() + "/realms/wildlife";
        Manifest config = KubernetesManifestsTest.ALL.stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().equals("wildlife-platform"))
                .findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) config.document().get("data")).get("PLATFORM_TOKEN_ISSUER"))
                .isEqualTo(issuer);
    }

    @Test
    void keycloaksDatabaseIsAThreeInstancePostgresClusterOwnedWithKeycloaksCredentials() {
        Manifest postgres = only("Cluster");
        assertThat(postgres.apiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        JsonNode spec = spec(postgres);
        assertThat(spec.get("instances").asInt()).isEqualTo(3);
        assertThat(spec.get("imageName").asText()).matches(".*:\\d+\\.\\d+");
        assertThat(spec.at("/storage/size").asText()).isNotBlank();
        assertThat(spec.at("/affinity/enablePodAntiAffinity").asBoolean()).isTrue();
        JsonNode keycloak = spec(only("Keycloak"));
        // Keycloak logs in as the owner CloudNativePG makes, to the database it makes, at its read-write service.
        assertThat(spec.at("/bootstrap/initdb/secret/name").asText())
                .isEqualTo(keycloak.at("/db/usernameSecret/name").asText())
                .isEqualTo(keycloak.at("/db/passwordSecret/name").asText());
        assertThat(spec.at("/bootstrap/initdb/database").asText())
                .isEqualTo(keycloak.at("/db/database").asText());
        assertThat(keycloak.at("/db/host").asText())
                .isEqualTo(postgres.name() + "-rw." + postgres.namespace() + ".svc");
    }

    @Test
    void theRealmImportIsTheRealmOfTheComposeStack() throws IOException {
        Manifest realmImport = only("KeycloakRealmImport");
        JsonNode spec = spec(realmImport);
        assertThat(spec.get("keycloakCRName").asText())
                .isEqualTo(only("Keycloak").name());
        JsonNode realm = JSON.readTree(MonitoringFiles.ROOT
                .resolve("deploy/keycloak/wildlife-realm.json")
                .toFile());
        assertThat(spec.get("realm")).isEqualTo(realm);
        // Its one placeholder comes from a Secret.
        assertThat(realm.toString()).contains("${WILDLIFE_DEMO_PASSWORD}");
        assertThat(spec.at("/placeholders/WILDLIFE_DEMO_PASSWORD/secret/name").asText())
                .isNotBlank();
        assertThat(Objects.requireNonNull(spec.get("placeholders")).size()).isEqualTo(1);
    }
}
