package cn.wildlife.events.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.LocalDate;

/**
 * A report of an operation was submitted (topic {@code platform.operations}): a city's monthly summary with its
 * results table, or the final report.
 *
 * @param period the month (yyyy-MM) of a monthly summary, or FINAL
 * @param late   submitted after its due date (迟报)
 */
public record ReportSubmitted(
        String operationId,
        String reportId,
        Agency agency,
        String region,
        String period,
        LocalDate dueOn,
        LocalDate submittedOn,
        boolean late)
        implements EventPayload {

    @Override
    public String subject() {
        return operationId;
    }
}
