package cn.wildlife.events.inspection;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An inspection finding that suggests a crime, to be handed to public security as a clue (topic
 * {@code platform.inspections}). inspection-service announces the fact; turning it into a clue is case-service's
 * work, which owns clues: the agency topics belong to the agencies' own systems. The clue goes to {@code handTo} of
 * the facility's {@code region}; {@code operationId} is the joint operation the inspection was part of, if any.
 */
public record CrimeSuspected(
        String findingId,
        String inspectionId,
        String facilityId,
        String region,
        List<String> speciesCodes,
        String summary,
        Instant foundAt,
        Agency handTo,
        @Nullable String operationId)
        implements EventPayload {

    public CrimeSuspected {
        speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
    }

    @Override
    public String subject() {
        return inspectionId;
    }
}
