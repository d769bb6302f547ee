package cn.wildlife.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests of {@code deploy/kubernetes}, rendered as {@code kubectl kustomize} would, without kustomize: a
 * kustomization's {@code resources} (files, or directories with their own kustomization), its {@code namespace} and
 * its {@code replicas}. Any other field of a kustomization fails here, so the reader never renders less than
 * kustomize would.
 */
final class KubernetesManifests {

    static final Path ROOT = MonitoringFiles.ROOT.resolve("deploy/kubernetes");
    static final Path PROVINCE = ROOT.resolve("overlays/province");

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    /** One rendered document and the file it came from. */
    record Manifest(Path source, Map<String, Object> document) {

        String kind() {
            return (String) document.get("kind");
        }

        String apiVersion() {
            return (String) document.get("apiVersion");
        }

        String name() {
            return (String) metadata().get("name");
        }

        String namespace() {
            return (String) metadata().get("namespace");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata() {
            return (Map<String, Object>) document.get("metadata");
        }

        @Override
        public String toString() {
            return kind() + " " + namespace() + "/" + name() + " (" + ROOT.relativize(source) + ")";
        }
    }

    private KubernetesManifests() {}

    /** Every document of the kustomization in {@code directory}, with its bases'. */
    @SuppressWarnings("unchecked")
    static List<Manifest> render(Path directory) {
        Map<String, Object> kustomization =
                load(directory.resolve("kustomization.yaml")).get(0);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(directory + ": kustomization field '" + key
                        + "' is not supported by this reader (only " + SUPPORTED + ")");
            }
        }
        List<Manifest> manifests = new ArrayList<>();
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                manifests.addAll(render(path));
            } else {
                for (Map<String, Object> document : load(path)) {
                    manifests.add(new Manifest(path, document));
                }
            }
        }
        String namespace = (String) kustomization.get("namespace");
        if (namespace != null) {
            for (Manifest manifest : manifests) {
                if (CLUSTER_SCOPED.contains(manifest.kind())) {
                    manifest.metadata().put("name", namespace);
                } else {
                    manifest.metadata().put("namespace", namespace);
                }
            }
        }
        for (Map<String, Object> replicas :
                (List<Map<String, Object>>) kustomization.getOrDefault("replicas", List.of())) {
            List<Manifest> targets = manifests.stream()
                    .filter(m -> m.kind().equals("Deployment") && m.name().equals(replicas.get("name")))
                    .toList();
            if (targets.isEmpty()) {
                throw new IllegalStateException(directory + ": replicas of unknown Deployment " + replicas);
            }
            targets.forEach(
                    m -> ((Map<String, Object>) m.document().get("spec")).put("replicas", replicas.get("count")));
        }
        return manifests;
    }

    /** The documents of one YAML file (empty documents left out). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(new LinkedHashMap<>((Map<String, Object>) document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
