package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Data lives in one folder, survives a restart, and the folder does not keep growing. */
class LocalPlatformRestartIT {

    @Test
    void recordsSurviveARestartAndTheDataFolderStaysBounded() throws Exception {
        Path dataDir = Files.createTempDirectory("platform-restart-");
        LocalSettings settings = new LocalSettings(dataDir, true, FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), true);
        String clueId = PlatformSliceScenarios.newClueId();

        try (LocalPlatform platform = LocalPlatform.start(settings);
             PlatformClient client = new PlatformClient(platform.kafkaBootstrapServers(), platform.gatewayUrl())) {
            platform.publishSamples(System.out);
            client.publish(Topics.agencyClues(Agency.FORESTRY), PlatformSliceScenarios.forestryClue(clueId));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    client.get(platform.gatewayUrl() + "/api/deadlines?subjectId=" + clueId,
                            client.as("forestry-officer")).body().get("total")
                            .asInt()).isEqualTo(1));
        }
        long afterFirstRun = folderSize(dataDir.resolve("mongo"));

        try (LocalPlatform platform = LocalPlatform.start(settings);
             PlatformClient client = new PlatformClient(platform.kafkaBootstrapServers(), platform.gatewayUrl())) {
            String[] officer = client.as("forestry-officer");
            assertThat(client.get(platform.gatewayUrl() + "/api/clues/" + clueId, officer).status()).isEqualTo(200);
            assertThat(client.get(platform.gatewayUrl() + "/api/deadlines?subjectId=" + clueId, officer).body()
                    .get("total").asInt()).isEqualTo(1);
            // Publishing the samples again changes nothing: same event ids, same clues.
            platform.publishSamples(System.out);
            Thread.sleep(2_000);
            assertThat(client.get(platform.gatewayUrl() + "/api/clues?size=200", client.as("supervisor")).body()
                    .get("total").asInt()).isEqualTo(4);
        }
        assertThat(folderSize(dataDir.resolve("mongo"))).isLessThan(afterFirstRun * 3 + 1_000_000);
    }

    private static long folderSize(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
