package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as a user runs it, in a process of its own: it prints where everything is, stops cleanly on a
 * signal (what Ctrl-C sends), keeps its data and issued tokens across a restart, and its data folder stays bounded.
 */
class LocalPlatformRestartIT {

    private static final Path JAR = Path.of("target", "wildlife-platform.jar");

    /** A running platform process and what it printed. */
    record Running(Process process, List<String> output) {}

    private static List<String> arguments(Path dataDir, int[] ports, String... more) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                // C1 only, as ./platform runs it: on two cores C2 would still be compiling the start-up's code.
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "run",
                "--data-dir=" + dataDir,
                "--gateway-port=" + ports[0],
                "--case-port=" + ports[1],
                "--notification-port=" + ports[2],
                "--inspection-port=" + ports[3],
                "--kafka-port=" + ports[4],
                "--kafka-controller-port=" + ports[5],
                "--mongo-port=" + ports[6],
                "--kafka-internal-port=" + ports[7]));
        command.addAll(List.of(more));
        return command;
    }

    private static Running launch(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(output::add);
                    } catch (IOException ignored) {
                        // The process ended.
                    }
                },
                "platform-output");
        reader.setDaemon(true);
        reader.start();
        return new Running(process, output);
    }

    private static Running start(Path dataDir, int[] ports, String... more) throws IOException {
        Running running = launch(arguments(dataDir, ports, more));
        await().atMost(Duration.ofSeconds(120))
                .until(() -> !running.process().isAlive()
                        || running.output().stream().anyMatch(line -> line.contains("is ready")));
        assertThat(running.process().isAlive())
                .as("platform died: %s", running.output())
                .isTrue();
        return running;
    }

    private static void stop(Running running) throws InterruptedException {
        running.process().destroy();
        assertThat(running.process().waitFor(60, TimeUnit.SECONDS))
                .as("stops within a minute")
                .isTrue();
    }

    /** The platform's Kafka as the tests reach it: the principals' passwords are in the data folder. */
    private static KafkaDoor kafka(Path dataDir, int[] ports) {
        return KafkaDoor.withCredentials(
                "localhost:" + ports[4], KafkaCredentials.read(dataDir.resolve(KafkaCredentials.FILE)));
    }

    private static int[] freePorts() {
        int[] ports = new int[8];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = FreePorts.pick();
        }
        return ports;
    }

    @Test
    void recordsTokensAndCredentialsSurviveARestartAndTheDataFolderStaysBounded() throws Exception {
        Path dataDir = Files.createTempDirectory("platform-restart-");
        int[] ports = freePorts();
        String gateway = "http://localhost:" + ports[0];
        String clueId = PlatformSliceScenarios.newClueId();
        String[] officer;

        Running first = start(dataDir, ports, "--sample-data");
        try (PlatformClient client = new PlatformClient(kafka(dataDir, ports), gateway)) {
            assertThat(String.join("\n", first.output()))
                    .contains(
                            "Gateway       " + gateway,
                            "Swagger UI    " + gateway + "/swagger-ui.html",
                            "Kafka         localhost:" + ports[4],
                            "Data folder   " + dataDir,
                            "5 published, 0 refused");
            client.publish(Topics.agencyClues(Agency.FORESTRY), PlatformSliceScenarios.forestryClue(clueId));
            officer = client.as("forestry-officer");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(client.get(gateway + "/api/deadlines?subjectId=" + clueId, officer)
                                    .body()
                                    .get("total")
                                    .asInt())
                            .isEqualTo(1));
        } finally {
            stop(first);
        }
        long afterFirstRun = folderSize(dataDir.resolve("mongo"));

        Running second = start(dataDir, ports, "--sample-data");
        try (PlatformClient client = new PlatformClient(kafka(dataDir, ports), gateway)) {
            // The token handed out before the restart is still valid: the signing key is kept in the data folder.
            assertThat(client.get(gateway + "/api/clues/" + clueId, officer).status())
                    .isEqualTo(200);
            assertThat(client.get(gateway + "/api/deadlines?subjectId=" + clueId, officer)
                            .body()
                            .get("total")
                            .asInt())
                    .isEqualTo(1);
            // The samples were published again at start: same event ids, nothing recorded twice.
            Thread.sleep(2_000);
            assertThat(client.get(gateway + "/api/clues?size=200", client.as("supervisor"))
                            .body()
                            .get("total")
                            .asInt())
                    .isEqualTo(4);
            // The same running platform (a start costs seconds): an administrator's commands beside it.
            anAdministratorRevokesAndRenewsAnAgencySystemsCredentialsWhileThePlatformRuns(dataDir, ports);
        } finally {
            stop(second);
        }
        assertThat(folderSize(dataDir.resolve("mongo"))).isLessThan(afterFirstRun * 3 + 1_000_000);
    }

    private static void anAdministratorRevokesAndRenewsAnAgencySystemsCredentialsWhileThePlatformRuns(
            Path dataDir, int[] ports) throws Exception {
        String[] options = {"--data-dir=" + dataDir, "--kafka-port=" + ports[4], "--kafka-internal-port=" + ports[7]};
        String settings = command(withOptions(options, "kafka-users", "settings", "forestry"));
        String password =
                KafkaCredentials.read(dataDir.resolve(KafkaCredentials.FILE)).required("agency-forestry");
        assertThat(settings)
                .contains(
                        "bootstrap.servers=localhost:" + ports[4],
                        "security.protocol=SASL_PLAINTEXT",
                        "sasl.mechanism=SCRAM-SHA-512",
                        "sasl.username=agency-forestry",
                        "sasl.password=" + password);

        Path clue = dataDir.resolve("clue.json");
        Files.writeString(clue, PlatformSliceScenarios.forestryClueJson(PlatformSliceScenarios.newClueId()));
        assertThat(command(List.of(
                        "publish",
                        clue.toString(),
                        "--bootstrap-server",
                        "localhost:" + ports[4],
                        "--data-dir=" + dataDir)))
                .contains("1 published, 0 refused");

        assertThat(command(withOptions(options, "kafka-users", "revoke", "forestry")))
                .contains("agency-forestry revoked");
        assertThat(command(withOptions(options, "kafka-users", "list"))).containsPattern("agency-forestry +revoked");
        assertThat(command(List.of(
                        "publish",
                        clue.toString(),
                        "--new-ids",
                        "--bootstrap-server",
                        "localhost:" + ports[4],
                        "--data-dir=" + dataDir)))
                .contains("no Kafka credentials for 'agency-forestry'");

        assertThat(command(withOptions(options, "kafka-users", "add", "forestry")))
                .contains("agency-forestry may connect with its new password");
        assertThat(command(List.of(
                        "publish",
                        clue.toString(),
                        "--new-ids",
                        "--bootstrap-server",
                        "localhost:" + ports[4],
                        "--data-dir=" + dataDir)))
                .contains("1 published, 0 refused");
    }

    /** Runs the platform's jar with a command to its end; what it printed. */
    private static String command(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", args).isTrue();
        return output;
    }

    private static List<String> withOptions(String[] options, String... words) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(List.of(options));
        return all;
    }

    @Test
    void aPortInUseStopsTheStartWithOneLineNamingTheSetting() throws Exception {
        int[] ports = freePorts();
        try (ServerSocket taken = new ServerSocket(ports[0])) {
            Running running = launch(arguments(Files.createTempDirectory("platform-busy-"), ports));

            assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(running.process().exitValue()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> !running.output().isEmpty());
            assertThat(running.output())
                    .contains("Port " + ports[0] + " (the gateway) is already in use: choose "
                            + "another with --gateway-port=PORT or the environment variable WILDLIFE_GATEWAY_PORT.");
        }
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
