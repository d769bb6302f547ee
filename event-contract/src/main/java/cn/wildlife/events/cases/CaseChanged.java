package cn.wildlife.events.cases;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case as it stands after a change (topic {@code platform.cases}). One payload for every change; the CloudEvents
 * type names the change. It carries what other services count and watch (species, seizures, value, fines, grade,
 * operation) and never the parties' personal data.
 *
 * @param number         the platform's case number, unique per agency, region and year
 * @param door           REST or EVENT: which door the change came through
 * @param protectionLevel the highest protection level among the case's species
 * @param superiorRegion the region a major case is reported to (CASE_REPORTED_UPWARD), or that lists it for
 *                       supervision (CASE_SUPERVISION_LISTED)
 * @param flags          findings on the case, e.g. PENALTY_INSTEAD_OF_PROSECUTION
 */
public record CaseChanged(
        String caseId,
        String number,
        CaseKind kind,
        Agency agency,
        String region,
        String status,
        Instant openedAt,
        Instant changedAt,
        String changedBy,
        String door,
        List<Behaviour> behaviours,
        List<SpeciesCount> species,
        @Nullable ProtectionLevel protectionLevel,
        List<SeizureSummary> seizures,
        @Nullable BigDecimal value,
        @Nullable BigDecimal fines,
        CaseGrade grade,
        @Nullable String superiorRegion,
        @Nullable String clueId,
        @Nullable String operationId,
        boolean transferred,
        List<String> flags,
        long version)
        implements EventPayload {

    public CaseChanged {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        species = species == null ? List.of() : List.copyOf(species);
        seizures = seizures == null ? List.of() : List.copyOf(seizures);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    @Override
    public String subject() {
        return caseId;
    }
}
