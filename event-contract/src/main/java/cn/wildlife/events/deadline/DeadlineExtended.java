package cn.wildlife.events.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;

/**
 * An extension the deadline's rule allows was approved (topic {@code platform.deadlines}): the deadline is due later.
 *
 * @param extension         which of the rule's allowed extensions (1 for the first it lists)
 * @param approval          what the rule says the extension needs (e.g. 县级以上公安机关负责人批准)
 * @param approvalReference the approval document's number, as the agency head gave it
 * @param extensionsGranted how many extensions the deadline has now, this one included
 */
public record DeadlineExtended(
        String deadlineId,
        String ruleId,
        int ruleVersion,
        String subjectType,
        String subjectId,
        Agency agency,
        String region,
        int extension,
        String approval,
        String approvalReference,
        String grantedBy,
        Instant grantedAt,
        Instant previousDueAt,
        Instant dueAt,
        int extensionsGranted,
        boolean provisional)
        implements EventPayload {

    @Override
    public String subject() {
        return deadlineId;
    }
}
