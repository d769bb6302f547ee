package cn.wildlife.inspection.results;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The service's readiness ({@code readinessState}, in the readiness group): also not ready while the results tallies
 * are being built, when a results table would count only part of the records and no case or clue is being counted.
 * Its bean name takes the place of Boot's own indicator.
 */
@Component("readinessStateHealthIndicator")
class TalliesReadiness extends ReadinessStateHealthIndicator {

    private final ResultsLedgerBuilder tallies;

    TalliesReadiness(ApplicationAvailability availability, ResultsLedgerBuilder tallies) {
        super(availability);
        this.tallies = tallies;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return tallies.ready() ? super.getState(availability) : ReadinessState.REFUSING_TRAFFIC;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        super.doHealthCheck(builder);
        if (!tallies.ready()) {
            builder.withDetail("resultTallies", "building tallies");
        }
    }
}
