package cn.wildlife.events.facility;

import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A facility after a change of what it keeps or of the measures on it (topic {@code platform.inspections}); the
 * CloudEvents type names the change. Carries the whole ledger and every measure in force, so a consumer that missed
 * an event still ends right after the next one.
 *
 * @param source   why the ledger changed (an inspection, the facility's own report, an import), when it did
 * @param measures measures in force, e.g. SUSPEND_BREEDING, SUSPEND_BUSINESS
 */
public record FacilityChanged(
        String facilityId,
        String region,
        Instant changedAt,
        String changedBy,
        List<Holding> holdings,
        List<String> measures,
        @Nullable String source,
        long version)
        implements EventPayload {

    /** How many animals of one species the facility keeps. */
    public record Holding(String speciesCode, long count) {}

    public FacilityChanged {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    @Override
    public String subject() {
        return facilityId;
    }
}
