package cn.wildlife.notification.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a fulfilling event that came before its clock's opening event is kept waiting for it, under
 * {@code platform.deadlines.fulfilments.*}.
 *
 * @param retention     how long an unmatched early fulfilment is kept; its opening event, if it ever comes later than
 *                      this, opens the clock as if nothing had fulfilled it
 * @param sweepInterval how often the kept ones are swept
 */
@ConfigurationProperties("platform.deadlines.fulfilments")
public record FulfilmentProperties(
        @DefaultValue("P90D") Duration retention,
        @DefaultValue("PT1H") Duration sweepInterval) {}
