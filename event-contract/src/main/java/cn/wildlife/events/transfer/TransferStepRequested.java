package cn.wildlife.events.transfer;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agency's own system takes a transfer step for its agency (topic {@code agency.<agency>.cases}): the event door
 * to the same state machine as {@code POST /api/transfers/{id}/steps/{step}}. The acting agency is the event's
 * {@code agency} extension; the agency system vouches for its officer and, for APPROVE / REFUSE, that the agency head
 * decided. A refused step goes to the dead-letter topic with the reason a REST caller would get.
 *
 * @param transferId  the transfer; for REPORT and RETURN leave it out: the platform derives it from the event id, so
 *                    a redelivered report opens one transfer
 * @param step        REPORT or RETURN to start a transfer, else a step name such as APPROVE, TRANSFER, FILE
 * @param region      the acting officer's region
 * @param head        the step was decided by the agency head (负责人)
 * @param caseNumber  REPORT and RETURN: the case the transfer is about
 * @param toAgency    RETURN: the administrative agency the police send the case back to
 * @param toRegion    RETURN: that agency's region; PASS_ON: the competent police's region
 */
public record TransferStepRequested(
        @Nullable String transferId,
        String step,
        String region,
        String takenBy,
        boolean head,
        @Nullable String caseNumber,
        @Nullable String summary,
        List<String> reasons,
        List<String> packageParts,
        @Nullable Agency toAgency,
        @Nullable String toRegion)
        implements EventPayload {

    public TransferStepRequested {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        packageParts = packageParts == null ? List.of() : List.copyOf(packageParts);
    }

    @Override
    public String subject() {
        return transferId != null ? transferId : caseNumber != null ? caseNumber : step;
    }
}
