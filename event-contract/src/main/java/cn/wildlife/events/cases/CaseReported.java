package cn.wildlife.events.cases;

import cn.wildlife.events.Behaviour;
import cn.wildlife.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agency's own system reports a case it opened (topic {@code agency.<agency>.cases}). Parties and their
 * personal data are deliberately not part of any event: they are entered through the agency's REST door.
 *
 * @param caseId platform-wide unique id chosen by the agency system (prefixed with the agency's own code)
 * @param value  the case value (涉案价值) in yuan, when known
 */
public record CaseReported(
        String caseId,
        CaseKind kind,
        String region,
        Instant openedAt,
        String title,
        List<Behaviour> behaviours,
        List<SpeciesCount> species,
        @Nullable BigDecimal value,
        CaseGrade grade,
        @Nullable String clueId,
        @Nullable String operationId)
        implements EventPayload {

    public CaseReported {
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        species = species == null ? List.of() : List.copyOf(species);
        grade = grade == null ? CaseGrade.GENERAL : grade;
    }

    @Override
    public String subject() {
        return caseId;
    }
}
