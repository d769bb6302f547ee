package cn.wildlife.events.inspection;

import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An inspection of a captive-breeding facility after a step (topic {@code platform.inspections}): planned (by hand or
 * by a 双随机 draw), then recorded with its checklist and findings.
 *
 * @param failedItems the checklist items found wanting (RULES_AND_PLANS, SECURITY, LICENCE_AND_RECORDS,
 *                    WITHIN_SCOPE, LEDGER_MATCHES)
 * @param operationId the joint operation the inspection is part of, if any
 */
public record InspectionChanged(
        String inspectionId,
        String facilityId,
        String region,
        String status,
        @Nullable String drawId,
        @Nullable LocalDate plannedFor,
        @Nullable Instant inspectedAt,
        List<String> inspectors,
        List<String> failedItems,
        int findings,
        long version,
        @Nullable String operationId)
        implements EventPayload {

    public InspectionChanged {
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }

    @Override
    public String subject() {
        return inspectionId;
    }
}
