package cn.wildlife.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 8);
        assertThat(policy.nextDelay(1)).contains(Duration.ofSeconds(30));
        assertThat(policy.nextDelay(2)).contains(Duration.ofSeconds(60));
        assertThat(policy.nextDelay(3)).contains(Duration.ofSeconds(120));
        assertThat(policy.nextDelay(4)).contains(Duration.ofSeconds(240));
        assertThat(policy.nextDelay(5)).contains(Duration.ofMinutes(5));
        assertThat(policy.nextDelay(7)).contains(Duration.ofMinutes(5));
    }

    @Test
    void noTryIsLeftAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(2), 4);
        assertThat(policy.nextDelay(3)).contains(Duration.ofMillis(1200));
        assertThat(policy.nextDelay(4)).isEmpty();
        assertThat(policy.nextDelay(9)).isEmpty();
    }

    @Test
    void aVeryLongRunOfFailuresDoesNotOverflow() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 10_000);
        assertThat(policy.nextDelay(9_999)).contains(Duration.ofHours(1));
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
