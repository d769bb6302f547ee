package cn.wildlife.events.inspection;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * An inspection finding that suggests a crime, to be handed to public security as a clue (topic
 * {@code platform.inspections}). inspection-service announces the fact; turning it into a clue is case-service's
 * work, which owns clues: the agency topics belong to the agencies' own systems.
 */
public record CrimeSuspected(
        String findingId,
        String inspectionId,
        String facilityId,
        String region,
        List<String> speciesCodes,
        String summary,
        Instant foundAt,
        Agency handTo) implements EventPayload {

    public CrimeSuspected {
        speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
    }

    @Override
    public String subject() {
        return inspectionId;
    }
}
