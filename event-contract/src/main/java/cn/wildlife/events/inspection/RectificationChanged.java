package cn.wildlife.events.inspection;

import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A rectification order (责令限期整改) after a step (topic {@code platform.inspections}): ordered with its own
 * deadline, then re-inspected and accepted or not (检查验收). No law fixes the number of days, so the order carries
 * its due date and notification-service runs the clock to it.
 *
 * @param dueBy the last day to rectify (Beijing time); {@code dueAt} is the end of that day
 */
public record RectificationChanged(
        String orderId,
        String inspectionId,
        String facilityId,
        String findingId,
        String region,
        String status,
        Instant orderedAt,
        LocalDate dueBy,
        Instant dueAt,
        @Nullable Instant reinspectedAt,
        @Nullable Boolean accepted,
        long version)
        implements EventPayload {

    @Override
    public String subject() {
        return orderId;
    }
}
