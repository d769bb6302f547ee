package cn.wildlife.events.facility;

import cn.wildlife.events.EventPayload;
import java.time.LocalDate;
import java.util.List;

/** inspection-service registered a captive-breeding facility (topic {@code platform.inspections}). */
public record FacilityRegistered(
        String facilityId,
        String name,
        String region,
        String licenceNumber,
        LocalDate licenceValidUntil,
        List<String> licensedSpeciesCodes)
        implements EventPayload {

    public FacilityRegistered {
        licensedSpeciesCodes = licensedSpeciesCodes == null ? List.of() : List.copyOf(licensedSpeciesCodes);
    }

    @Override
    public String subject() {
        return facilityId;
    }
}
