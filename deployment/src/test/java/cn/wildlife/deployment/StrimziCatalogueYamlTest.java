package cn.wildlife.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The committed topics.yaml and users.yaml are what {@link StrimziCatalogueYaml} writes from the event contract. */
class StrimziCatalogueYamlTest {

    static final Path KAFKA = KubernetesManifests.ROOT.resolve("kafka");

    @Test
    void theGeneratedFilesAreUpToDate() throws IOException {
        Map<String, Supplier<String>> files =
                Map.of("topics.yaml", StrimziCatalogueYaml::topics, "users.yaml", StrimziCatalogueYaml::users);
        for (var file : files.entrySet()) {
            Path path = KAFKA.resolve(file.getKey());
            String generated = file.getValue().get();
            if (Boolean.getBoolean("wildlife.regenerate")) {
                Files.writeString(path, generated);
            }
            assertThat(Files.readString(path))
                    .as(path + " is out of date: run ./mvnw verify -pl deployment -Dwildlife.regenerate=true")
                    .isEqualTo(generated);
        }
    }
}
