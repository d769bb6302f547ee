package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.access.KafkaAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code kafka-setup} refuses before it connects: a mistake in its files must change nothing on the broker. */
class KafkaSetupCommandTest {

    private static final String UNREACHABLE = "--bootstrap=localhost:1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void needsTheBrokersSettingsAndThePasswords() throws IOException {
        assertThat(run(UNREACHABLE, "--passwords=" + passwords(everyPrincipal())))
                .isEqualTo(2);
        assertThat(output()).contains("--broker-config is required").contains("usage:");

        assertThat(run(UNREACHABLE, "--broker-config=" + brokerConfig())).isEqualTo(2);
        assertThat(output()).contains("--passwords is required");
    }

    @Test
    void refusesBrokerSettingsWithoutSasl() throws IOException {
        Path config = Files.writeString(dir.resolve("broker.properties"), "security.protocol=SASL_PLAINTEXT\n");

        assertThat(run(UNREACHABLE, "--broker-config=" + config, "--passwords=" + passwords(everyPrincipal())))
                .isEqualTo(2);
        assertThat(output()).contains("lacks sasl.mechanism");
    }

    @Test
    void refusesAPrincipalThePlatformDoesNotKnowRatherThanRevokingTheOneMeant() throws IOException {
        Map<String, String> misspelt = everyPrincipal();
        misspelt.put("agency-forrestry", misspelt.remove("agency-forestry"));

        assertThat(run(UNREACHABLE, "--broker-config=" + brokerConfig(), "--passwords=" + passwords(misspelt)))
                .isEqualTo(2);
        assertThat(output()).contains("agency-forrestry");
    }

    @Test
    void refusesPasswordsWithoutAServiceOrTheOperators() throws IOException {
        Map<String, String> withoutService = everyPrincipal();
        withoutService.remove("notification-service");
        withoutService.remove(KafkaAccess.ADMIN);

        assertThat(run(UNREACHABLE, "--broker-config=" + brokerConfig(), "--passwords=" + passwords(withoutService)))
                .isEqualTo(2);
        assertThat(output())
                .contains("no password for")
                .contains("notification-service")
                .contains(KafkaAccess.ADMIN);
    }

    @Test
    void refusesPasswordsWithoutTheBrokersOwn() throws IOException {
        Map<String, String> withoutBroker = everyPrincipal();
        withoutBroker.remove(KafkaCredentials.BROKER);

        assertThat(run(UNREACHABLE, "--broker-config=" + brokerConfig(), "--passwords=" + passwords(withoutBroker)))
                .isEqualTo(2);
        assertThat(output()).contains(KafkaCredentials.BROKER);
    }

    @Test
    void refusesAReplicationFactorBelowOne() throws IOException {
        for (String factor : List.of("0", "-1", "three")) {
            output.reset();
            assertThat(run(
                            UNREACHABLE,
                            "--broker-config=" + brokerConfig(),
                            "--passwords=" + passwords(everyPrincipal()),
                            "--replication-factor=" + factor))
                    .isEqualTo(2);
            assertThat(output()).contains("--replication-factor must be");
        }
    }

    @Test
    void anAgencyWithoutAPasswordIsRevokedAndTheBootstrapOptionWins() throws IOException {
        Map<String, String> withoutAgency = everyPrincipal();
        withoutAgency.remove("agency-market-supervision");

        KafkaSetupCommand.Setup setup = KafkaSetupCommand.parse(List.of(
                "--bootstrap=kafka:9094",
                "--broker-config=" + brokerConfig(),
                "--passwords=" + passwords(withoutAgency),
                "--replication-factor=3"));

        assertThat(setup.credentials().password("agency-market-supervision")).isEmpty();
        assertThat(setup.credentials().password("agency-forestry")).isPresent();
        assertThat(setup.brokerClient())
                .containsEntry("bootstrap.servers", "kafka:9094")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(setup.replicationFactor()).isEqualTo((short) 3);
    }

    private int run(String... args) {
        return new KafkaSetupCommand(new PrintStream(output, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> everyPrincipal() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(KafkaCredentials.BROKER, "broker-secret");
        KafkaAccess.allPrincipals().forEach(p -> passwords.put(p, p + "-secret"));
        return passwords;
    }

    private Path passwords(Map<String, String> passwords) throws IOException {
        List<String> lines = new ArrayList<>(passwords.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.toList()));
        return Files.write(dir.resolve("passwords.properties"), lines);
    }

    private Path brokerConfig() throws IOException {
        return Files.writeString(dir.resolve("broker.properties"), """
                bootstrap.servers=localhost:9094
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                  username="platform-broker" password="broker-secret";
                """);
    }
}
