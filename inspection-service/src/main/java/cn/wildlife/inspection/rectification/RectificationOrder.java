package cn.wildlife.inspection.rectification;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A rectification order (责令限期整改) on one finding, with the deadline the order itself sets (no law fixes the
 * number of days), and its re-inspection: accepted (检查验收合格) or not. A re-inspection after the due day records
 * that the deadline was missed.
 */
public record RectificationOrder(
        String id,
        String inspectionId,
        String facilityId,
        String findingId,
        String region,
        String requirement,
        Instant orderedAt,
        LocalDate dueBy,
        Instant dueAt,
        Status status,
        @Nullable Instant reinspectedAt,
        @Nullable String reinspectionNote,
        @Nullable String reinspectedBy,
        boolean missedDeadline,
        long version) {

    public enum Status {
        ORDERED,
        ACCEPTED,
        REJECTED
    }
}
