package cn.wildlife.events.inspection;

import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A 双随机 draw (topic {@code platform.inspections}): facilities drawn from a region's list and inspectors from a
 * roster with the recorded seed, so anyone can draw again and get the same result; announced again when its result
 * is published (一公开).
 */
public record DrawMade(
        String drawId,
        String region,
        long seed,
        Instant drawnAt,
        List<String> facilityIds,
        List<String> inspectors,
        boolean published)
        implements EventPayload {

    public DrawMade {
        facilityIds = facilityIds == null ? List.of() : List.copyOf(facilityIds);
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    @Override
    public String subject() {
        return drawId;
    }
}
