package cn.wildlife.events.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;

/**
 * notification-service opened a deadline (topic {@code platform.deadlines}).
 *
 * @param provisional true when the due date fell in a year without a loaded holiday calendar and was computed
 *                    on weekends alone
 */
public record DeadlineOpened(
        String deadlineId,
        String ruleId,
        int ruleVersion,
        String legalBasis,
        String subjectType,
        String subjectId,
        Agency agency,
        String region,
        Instant startedAt,
        Instant dueAt,
        boolean provisional)
        implements EventPayload {

    @Override
    public String subject() {
        return deadlineId;
    }
}
