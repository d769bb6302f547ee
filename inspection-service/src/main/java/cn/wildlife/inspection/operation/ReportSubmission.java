package cn.wildlife.inspection.operation;

import cn.wildlife.events.Agency;
import java.time.Instant;
import java.time.LocalDate;

/** A region's monthly summary (with its results table) or the final report, as submitted. */
public record ReportSubmission(
        String id,
        String operationId,
        Agency agency,
        String region,
        String period,
        LocalDate dueOn,
        LocalDate submittedOn,
        boolean late,
        String submittedBy,
        Instant recordedAt) {}
