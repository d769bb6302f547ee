package cn.wildlife.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.testinfra.TestInfrastructure.Kind;
import org.junit.jupiter.api.Test;

/** The switch: what each value chooses, with and without a Docker engine, and the line that says why. */
class TestInfrastructureTest {

    @Test
    void autoTakesTheContainersWhereDockerIsAndTheEmbeddedPartsElsewhere() {
        assertThat(TestInfrastructure.decide(null, () -> true).kind()).isEqualTo(Kind.CONTAINERS);
        assertThat(TestInfrastructure.decide("", () -> false).kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(TestInfrastructure.decide("auto", () -> false).line())
                .isEqualTo("Integration-test infrastructure: embedded (in-process KRaft broker, mongo-java-server "
                        + "store) - platform.it.infrastructure=auto and Testcontainers found no Docker engine "
                        + "(-Pcontainers to require one)");
        assertThat(TestInfrastructure.decide("auto", () -> true).line())
                .startsWith("Integration-test infrastructure: Testcontainers (apache/kafka:4.1.1, mongo:8.0.4) - ");
    }

    @Test
    void embeddedDoesNotLookForDocker() {
        assertThat(TestInfrastructure.decide(" Embedded ", () -> {
                            throw new AssertionError("asked for Docker");
                        })
                        .kind())
                .isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void containersWithoutDockerIsAnErrorNotAFallback() {
        assertThat(TestInfrastructure.decide("containers", () -> true).kind()).isEqualTo(Kind.CONTAINERS);
        assertThatThrownBy(() -> TestInfrastructure.decide("containers", () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine");
    }

    @Test
    void anUnknownValueIsRefused() {
        assertThatThrownBy(() -> TestInfrastructure.decide("docker", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("platform.it.infrastructure must be auto, containers or embedded, was 'docker'");
    }
}
