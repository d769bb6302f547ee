package cn.wildlife.inspection.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A captive-breeding facility (人工繁育机构) and its licence (行政许可). Ledger and inspections come later. */
public record Facility(
        String id,
        String name,
        String region,
        String address,
        String licenceNumber,
        LocalDate licenceValidUntil,
        List<String> licensedSpeciesCodes,
        List<Purpose> purposes,
        Instant registeredAt,
        long version) {

    /** What the licence permits the animals to be kept for. */
    public enum Purpose { BREEDING, EXHIBITION, SALE, SCIENTIFIC_RESEARCH }
}
