package cn.wildlife.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class DeadLetterReasonTest {

    @Test
    void theContractsReasonIsFoundUnderTheWrappers() {
        Exception wrapped = new ListenerExecutionFailedException(
                "Listener failed",
                new DeserializationException(
                        "failed to deserialize",
                        new byte[0],
                        false,
                        new InvalidEventException("region: does not match the regex pattern")));

        assertThat(DeadLetterReason.reason(wrapped)).isEqualTo("region: does not match the regex pattern");
    }

    @Test
    void otherFailuresNameTheirDeepestCause() {
        Exception wrapped = new ListenerExecutionFailedException(
                "Listener failed", new IllegalStateException("outer", new ArithmeticException("/ by zero")));

        assertThat(DeadLetterReason.reason(wrapped)).isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void theSendersOwnBytesInAReasonArePrintableAndBounded() {
        String reason = DeadLetterReason.reason(
                new InvalidEventException("Invalid specversion: \uFFFD\u0000x\n" + "y".repeat(5000)));

        assertThat(reason)
                .startsWith("Invalid specversion: ??x?yyy")
                .hasSize(DeadLetterReason.MAX_REASON_CHARS + 1)
                .endsWith("…")
                .doesNotContain("\u0000");
    }
}
