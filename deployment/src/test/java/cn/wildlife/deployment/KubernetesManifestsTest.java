package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.deployment.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rendered manifests against fabric8's and Strimzi's models, and the platform's rules for its workloads. */
class KubernetesManifestsTest {

    static final List<Manifest> ALL = KubernetesManifests.render(KubernetesManifests.PROVINCE);
    static final List<String> DEPLOYABLES =
            List.of("gateway", "case-service", "notification-service", "inspection-service");
    static final List<String> SERVICES = DEPLOYABLES.subList(1, 4);
    static final String NAMESPACE = "wildlife";

    static <T> List<T> all(Class<T> type) {
        return ALL.stream()
                .filter(m -> ModelValidation.MODELS.get(ModelValidation.key(m)) == type)
                .map(m -> ModelValidation.read(m, type))
                .toList();
    }

    static <T> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> ((io.fabric8.kubernetes.api.model.HasMetadata) r)
                        .getMetadata()
                        .getName()
                        .equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void everyManifestIsAKnownKindAndItsModelKnowsEveryField() {
        assertThat(ALL).isNotEmpty();
        for (Manifest manifest : ALL) {
            if (ModelValidation.WITHOUT_MODEL.contains(ModelValidation.key(manifest))) {
                continue;
            }
            assertThat(ModelValidation.read(manifest)).as(manifest.toString()).isNotNull();
            assertThat(manifest.namespace() != null || manifest.kind().equals("Namespace"))
                    .as(manifest + " has a namespace")
                    .isTrue();
        }
        assertThat(ALL.stream().map(Manifest::kind)).doesNotContain("Secret");
        // Every part (directory) renders on its own too.
        for (String part : List.of("base", "kafka", "mongodb", "keycloak")) {
            assertThat(KubernetesManifests.render(KubernetesManifests.ROOT.resolve(part)))
                    .isNotEmpty();
        }
    }

    @Test
    void aMisspeltFieldIsRefused() {
        Map<String, Object> document = new HashMap<>(Map.of(
                "apiVersion",
                "policy/v1",
                "kind",
                "PodDisruptionBudget",
                "metadata",
                new HashMap<>(Map.of("name", "x", "namespace", NAMESPACE)),
                "spec",
                Map.of("minAvailabel", 1)));
        Manifest manifest = new Manifest(KubernetesManifests.ROOT.resolve("x.yaml"), document);
        assertThatThrownBy(() -> ModelValidation.read(manifest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minAvailabel");
        Map<String, Object> kafkaUser = new HashMap<>(Map.of(
                "apiVersion",
                "kafka.strimzi.io/v1",
                "kind",
                "KafkaUser",
                "metadata",
                new HashMap<>(Map.of("name", "x", "namespace", NAMESPACE)),
                "spec",
                Map.of("authentication", Map.of("type", "scram-sha-512", "pasword", "x"))));
        Manifest user = new Manifest(KubernetesManifests.ROOT.resolve("x.yaml"), kafkaUser);
        assertThatThrownBy(() -> ModelValidation.read(user)).hasMessageContaining("pasword");
    }

    @Test
    void everyDeployableHasProbesResourcesAndRunsLockedDown() {
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments.stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(DEPLOYABLES);
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            for (Container container : pod.getContainers()) {
                // The actuator's health groups, on the management port (management.server.port, 9464).
                assertProbe(name, container.getStartupProbe(), "/actuator/health/liveness");
                assertProbe(name, container.getLivenessProbe(), "/actuator/health/liveness");
                assertProbe(name, container.getReadinessProbe(), "/actuator/health/readiness");
                assertThat(container.getPorts()).anySatisfy(p -> {
                    assertThat(p.getName()).isEqualTo("management");
                    assertThat(p.getContainerPort()).isEqualTo(9464);
                });
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertSecretsByReference(name, container.getEnv());
            }
        }
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(probe).as(name + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(name).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo("management");
    }

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|MASTER_KEY|INDEX_KEY|MONGODB_URI)$");

    /** A password, key or connection string (which holds a password) only ever comes from a Secret. */
    private static void assertSecretsByReference(String name, List<EnvVar> env) {
        for (EnvVar var : env) {
            if (SECRET_NAME.matcher(var.getName()).matches()) {
                assertThat(var.getValue()).as(name + " " + var.getName()).isNull();
                assertThat(var.getValueFrom().getSecretKeyRef())
                        .as(name + " " + var.getName())
                        .isNotNull();
            }
            if (var.getName().endsWith("SASL_JAAS_CONFIG")) {
                assertThat(var.getValue()).as(name).contains("password=\"$(KAFKA_PASSWORD)\"");
            }
        }
    }

    @Test
    void everyDeployableHasADisruptionBudgetAndAnAutoscaler() {
        for (String name : DEPLOYABLES) {
            PodDisruptionBudget budget = one(PodDisruptionBudget.class, name);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", name);
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);

            HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            List<MetricSpec> metrics = autoscaler.getSpec().getMetrics();
            assertThat(metrics)
                    .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            if (SERVICES.contains(name)) {
                assertThat(metrics).anySatisfy(m -> {
                    assertThat(m.getType()).isEqualTo("External");
                    assertThat(m.getExternal().getMetric().getName())
                            .isEqualTo("kafka_consumer_fetch_manager_records_lag");
                    assertThat(m.getExternal().getMetric().getSelector().getMatchLabels())
                            .containsEntry("application", name);
                });
            }
            Service service = one(Service.class, name);
            assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", name);
        }
    }

    @Test
    void theNamespaceDeniesByDefaultAndOnlyTheGatewayReachesTheServices() {
        List<NetworkPolicy> policies = all(NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getNamespace().equals(NAMESPACE))
                .toList();
        NetworkPolicy deny = one(NetworkPolicy.class, "default-deny");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        Map<String, Integer> apiPorts =
                Map.of("case-service", 8081, "notification-service", 8082, "inspection-service", 8083);
        for (String service : SERVICES) {
            // Every ingress rule that selects the service's pods: its API port only from the gateway's pods.
            for (NetworkPolicy policy : policies) {
                Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
                if (selector == null
                        || !selects(selector, service)
                        || policy.getSpec().getIngress() == null) {
                    continue;
                }
                policy.getSpec().getIngress().forEach(rule -> {
                    boolean api = rule.getPorts().stream()
                            .anyMatch(p -> p.getPort().getIntVal().equals(apiPorts.get(service)));
                    if (api) {
                        assertThat(rule.getFrom()).hasSize(1);
                        NetworkPolicyPeer peer = rule.getFrom().get(0);
                        assertThat(peer.getNamespaceSelector()).isNull();
                        assertThat(peer.getIpBlock()).isNull();
                        assertThat(peer.getPodSelector().getMatchLabels())
                                .isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
                    } else {
                        assertThat(rule.getPorts())
                                .allSatisfy(
                                        p -> assertThat(p.getPort().getIntVal()).isEqualTo(9464));
                    }
                });
            }
        }
        // The services' egress: Kafka's brokers, MongoDB, Keycloak, the gateway's keys; nothing else but DNS and
        // notification-service's deliveries, which exclude the cluster's and private addresses.
        NetworkPolicy egress = one(NetworkPolicy.class, "services-egress");
        Set<String> namespaces = egress.getSpec().getEgress().stream()
                .flatMap(r -> r.getTo().stream())
                .filter(p -> p.getNamespaceSelector() != null)
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .collect(Collectors.toSet());
        assertThat(namespaces).containsExactlyInAnyOrder("wildlife-kafka", "wildlife-mongodb", "wildlife-keycloak");
        assertThat(egress.getSpec().getEgress())
                .allSatisfy(r -> assertThat(r.getTo())
                        .allSatisfy(p -> assertThat(p.getIpBlock()).isNull()));
        NetworkPolicy deliveries = one(NetworkPolicy.class, "notification-service-deliveries");
        assertThat(deliveries.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("app.kubernetes.io/name", "notification-service"));
        assertThat(deliveries.getSpec().getEgress()).allSatisfy(r -> {
            assertThat(r.getPorts()).isNotEmpty();
            assertThat(r.getTo())
                    .allSatisfy(p -> assertThat(p.getIpBlock().getExcept())
                            .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
        });
    }

    private static boolean selects(Map<String, String> selector, String service) {
        Map<String, String> labels = Map.of(
                "app.kubernetes.io/name",
                service,
                "wildlife.cn/tier",
                "service",
                "app.kubernetes.io/part-of",
                "wildlife-platform");
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @Test
    void theGatewayIsReachedOverTlsThroughTheIngress() {
        List<Ingress> ingresses = all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("gateway-tls");
            assertThat(tls.getHosts())
                    .containsExactlyElementsOf(ingress.getSpec().getRules().stream()
                            .map(r -> r.getHost())
                            .toList());
        });
        assertThat(ingress.getSpec().getRules())
                .allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                        .allSatisfy(path -> assertThat(
                                        path.getBackend().getService().getName())
                                .isEqualTo("gateway")));
    }

    @Test
    void theOverlaySetsReplicas() {
        assertThat(one(Deployment.class, "case-service").getSpec().getReplicas())
                .isEqualTo(3);
        assertThat(one(Deployment.class, "inspection-service").getSpec().getReplicas())
                .isEqualTo(2);
    }
}
