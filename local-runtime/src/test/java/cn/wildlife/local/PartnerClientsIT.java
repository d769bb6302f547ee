package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event door as a partner's engineer meets it with clients that are not ours: kcat (librdkafka, Debian package
 * {@code kcat}) and a kafkajs producer ({@code examples/kafkajs-producer}). Without credentials nothing goes in; with
 * forestry's, forestry's clue topic takes a clue the platform then records, and no other agency's or platform topic
 * takes anything. Each part is skipped, naming what to install, where its client is missing.
 */
class PartnerClientsIT {

    private static final Path KCAT = Path.of("/usr/bin/kcat");
    private static final Path KAFKAJS =
            Path.of("..", "examples", "kafkajs-producer").toAbsolutePath().normalize();

    private final PlatformClient client = SharedPlatform.client();
    private final LocalPlatform platform = SharedPlatform.platform();

    @TempDir
    Path dir;

    @Test
    void kcatWithoutCredentialsIsRefused() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(KCAT),
                "kcat is not installed (Debian package kcat; .ci/run " + "installs it): skipped");
        List<String> command = new ArrayList<>(List.of(
                KCAT.toString(),
                "-b",
                platform.kafkaBootstrapServers(),
                "-X",
                "message.timeout.ms=8000",
                "-P",
                "-t",
                Topics.agencyClues(Agency.FORESTRY),
                "-k",
                "k",
                "-c",
                "1"));
        Result result = run(command, Map.of(), "not even read\n");

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("broker might require SASL authentication");
    }

    @Test
    void forestrysSystemWritesItsOwnClueTopicAndTheClueIsRecorded() throws Exception {
        String clueId = PlatformSliceScenarios.newClueId();
        Result result = kafkajs(forestryPassword(), Topics.agencyClues(Agency.FORESTRY), clueId);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("published");
        String[] officer = client.as("forestry-officer");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.get(platform.gatewayUrl() + "/api/clues/" + clueId, officer)
                                .status())
                        .isEqualTo(200));
    }

    @Test
    void forestrysSystemCannotWriteAnotherAgencysOrAPlatformTopic() throws Exception {
        for (String topic : List.of(Topics.agencyClues(Agency.PUBLIC_SECURITY), Topics.PLATFORM_CLUES)) {
            Result result = kafkajs(forestryPassword(), topic, PlatformSliceScenarios.newClueId());

            assertThat(result.exit()).as(topic).isNotZero();
            assertThat(result.output()).as(topic).contains("Topic authorization failed");
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Result result =
                kafkajs("not-the-password", Topics.agencyClues(Agency.FORESTRY), PlatformSliceScenarios.newClueId());

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).containsIgnoringCase("authentication failed");
    }

    private String forestryPassword() {
        return KafkaCredentials.read(platform.dataDir().resolve(KafkaCredentials.FILE))
                .required("agency-forestry");
    }

    /** Publishes forestry's clue {@code clueId} with the kafkajs example producer, as agency-forestry. */
    private Result kafkajs(String password, String topic, String clueId) throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(KAFKAJS.resolve("node_modules").resolve("kafkajs")),
                "the kafkajs example is not installed (npm install --prefix examples/kafkajs-producer; .ci/run "
                        + "does it): skipped");
        Path event = dir.resolve(clueId + ".json");
        Files.writeString(event, PlatformSliceScenarios.forestryClueJson(clueId));
        return run(
                List.of("node", KAFKAJS.resolve("produce.js").toString(), topic, event.toString()),
                Map.of(
                        "KAFKA_BROKERS",
                        platform.kafkaBootstrapServers(),
                        "KAFKA_USERNAME",
                        "agency-forestry",
                        "KAFKA_PASSWORD",
                        password),
                "");
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, Map<String, String> environment, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not end within 60 s");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
