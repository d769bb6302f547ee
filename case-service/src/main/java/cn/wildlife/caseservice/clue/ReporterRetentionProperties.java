package cn.wildlife.caseservice.clue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a reporter's identity is kept once the clue's handling has its outcome (PIPL: no longer than the purpose
 * needs), under {@code platform.clues.reporter-retention.*}.
 *
 * @param period   from the clue's first outcome (case opened, dismissed, referred) to the erasure; long enough for the
 *                 reporter to be told the outcome and for a reward to be paid
 * @param interval how often clues past the period are looked for
 * @param batch    how many clues one pass erases at most (the next pass goes on)
 */
@ConfigurationProperties("platform.clues.reporter-retention")
public record ReporterRetentionProperties(
        @DefaultValue("1095d") Duration period,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("500") int batch) {

    public ReporterRetentionProperties {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "platform.clues.reporter-retention.period must be positive, was " + period);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("platform.clues.reporter-retention.interval must be positive");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("platform.clues.reporter-retention.batch must be at least 1");
        }
    }
}
