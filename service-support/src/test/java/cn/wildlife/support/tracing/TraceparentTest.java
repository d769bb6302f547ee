package cn.wildlife.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aW3cHeaderIsReadAndWrittenBackUnchanged() {
        Traceparent parsed = Traceparent.parse(SAMPLED);

        assertThat(parsed).isEqualTo(new Traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        assertThat(parsed.toString()).isEqualTo(SAMPLED);
    }

    @Test
    void onlyTheSampledBitOfTheFlagsCounts() {
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
                        .sampled())
                .isFalse();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")
                        .sampled())
                .isTrue();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02")
                        .sampled())
                .isFalse();
    }

    @Test
    void upperCaseHexIsReadAsTheSameContext() {
        assertThat(Traceparent.parse(SAMPLED.toUpperCase())).isEqualTo(Traceparent.parse(SAMPLED));
    }

    @Test
    void whatCannotBeContinuedIsNoContextRatherThanAnError() {
        assertThat(Traceparent.parse(null)).isNull();
        assertThat(Traceparent.parse("")).isNull();
        assertThat(Traceparent.parse(SAMPLED.substring(1))).isNull();
        // Another version may lay its fields out differently.
        assertThat(Traceparent.parse("01" + SAMPLED.substring(2))).isNull();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(Traceparent.parse("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isNull();
        // All-zero ids are invalid by the W3C specification.
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isNull();
    }

    @Test
    void contextsOfOneTraceAreRecognisedWhateverTheirSpans() {
        Traceparent request = Traceparent.parse(SAMPLED);
        Traceparent producer = new Traceparent(request.traceId(), "b7ad6b7169203331", true);
        Traceparent other = new Traceparent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

        assertThat(request.sameTrace(producer)).isTrue();
        assertThat(request.sameTrace(other)).isFalse();
    }

    @Test
    void aContextIsNeverBuiltFromInvalidIds() {
        assertThatThrownBy(() -> new Traceparent("abc", "00f067aa0ba902b7", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00F067AA0BA902B7", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
