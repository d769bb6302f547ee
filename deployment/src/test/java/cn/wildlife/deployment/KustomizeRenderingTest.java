package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.wildlife.deployment.KubernetesManifests.Manifest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Where {@code kubectl} is installed, its built-in kustomize renders the overlay exactly as {@link KubernetesManifests}
 * does (skipped elsewhere: the other tests need no binary).
 */
class KustomizeRenderingTest {

    @Test
    @SuppressWarnings("unchecked")
    void theReaderRendersWhatKubectlKustomizeRenders() throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process process = new ProcessBuilder("kubectl", "kustomize", KubernetesManifests.PROVINCE.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Object> expected = new HashMap<>();
        for (Object document : new Yaml().loadAll(output)) {
            Map<String, Object> map = (Map<String, Object>) document;
            expected.put(id(map), map);
        }
        Map<String, Object> actual = new HashMap<>();
        for (Manifest manifest : KubernetesManifests.render(KubernetesManifests.PROVINCE)) {
            actual.put(id(manifest.document()), manifest.document());
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        expected.forEach((id, document) -> {
            if (!document.equals(actual.get(id))) {
                differing.add(id);
            }
        });
        assertThat(differing).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> document) {
        Map<String, Object> metadata = (Map<String, Object>) document.get("metadata");
        return document.get("apiVersion") + "/" + document.get("kind") + " " + metadata.get("namespace") + "/"
                + metadata.get("name");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
