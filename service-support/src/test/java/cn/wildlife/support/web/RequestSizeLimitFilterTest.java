package cn.wildlife.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caller's request id is kept exactly when it is 1 to 64 of {@code [A-Za-z0-9._-]}. */
class RequestSizeLimitFilterTest {

    @Test
    void aRequestIdIsKeptOnlyWhenItIsSane() {
        List<String> values = new ArrayList<>(
                List.of("", "a", "a".repeat(64), "a".repeat(65), "req-1.2_X", "森林", "a b", "a\nb", "a/b"));
        for (char c = 0; c < 0x100; c++) {
            values.add("id" + c);
        }
        for (String value : values) {
            assertThat(RequestSizeLimitFilter.isRequestId(value))
                    .as("'%s'", value)
                    .isEqualTo(value.matches("[A-Za-z0-9._-]{1,64}"));
        }
        assertThat(RequestSizeLimitFilter.isRequestId(null)).isFalse();
    }
}
