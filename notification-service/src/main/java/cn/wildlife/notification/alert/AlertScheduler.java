package cn.wildlife.notification.alert;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans for due alerts at start (catching up on whatever came due while the service was down) and then at a fixed
 * interval. Several instances may scan together: each alert's conditional write lets exactly one of them raise it.
 */
@Component
class AlertScheduler {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final DeadlineAlerting alerting;
    private final DeadlineGauges gauges;
    private final CalendarGapAlerts calendarGaps;
    private final Clock clock;

    AlertScheduler(DeadlineAlerting alerting, DeadlineGauges gauges, CalendarGapAlerts calendarGaps, Clock clock) {
        this.alerting = alerting;
        this.gauges = gauges;
        this.calendarGaps = calendarGaps;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${platform.alerts.initial-delay:PT2S}",
            fixedDelayString = "${platform.alerts.scan-interval:PT10S}")
    void scan() {
        try {
            int raised = alerting.raiseDue(clock.instant());
            if (raised > 0) {
                log.info("Raised {} deadline alerts", raised);
            }
        } catch (RuntimeException e) {
            // The store may be away; the next scan picks up everything still due.
            log.warn("Deadline scan failed, retrying at the next interval: {}", e.getMessage());
        }
    }

    /**
     * The gauges count every running clock by state, rule and agency, a read of all of them; the scan for due ones
     * reads only those due. Counted at a dashboard's pace, not at the scan's; the missing calendar years with them.
     */
    @Scheduled(
            initialDelayString = "${platform.alerts.initial-delay:PT2S}",
            fixedDelayString = "${platform.alerts.gauge-interval:PT1M}")
    void refreshGauges() {
        try {
            calendarGaps.countMissingYears();
            gauges.refresh();
        } catch (RuntimeException e) {
            log.warn("Deadline and calendar gauges not refreshed, retrying at the next interval: {}", e.getMessage());
        }
    }
}
