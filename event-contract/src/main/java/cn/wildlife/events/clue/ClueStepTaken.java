package cn.wildlife.events.clue;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A step in a clue's life was taken (topic {@code platform.clues}): assigned, turned into a case, dismissed with
 * reasons, or referred to another agency. The CloudEvents type names the step; the opening of a case, a dismissal
 * and a referral fulfil the clue's handling clock. Never carries the reporter's identity. {@code operationId} is the
 * joint operation the clue belongs to, if any.
 */
public record ClueStepTaken(
        String clueId,
        String step,
        String status,
        Agency agency,
        String region,
        String takenBy,
        Instant takenAt,
        List<String> reasons,
        @Nullable String caseNumber,
        @Nullable Agency referredTo,
        @Nullable String operationId)
        implements EventPayload {

    public ClueStepTaken {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String subject() {
        return clueId;
    }
}
