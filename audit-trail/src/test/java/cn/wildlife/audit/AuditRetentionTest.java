package cn.wildlife.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void aRetentionShorterThanSixMonthsIsRefusedBeforeAnyEntryCouldGo() {
        // No store is touched: the retention is refused before the trail is ever asked.
        assertThatThrownBy(() -> new AuditRetention(null, Duration.ofDays(179), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 180 days");
    }
}
