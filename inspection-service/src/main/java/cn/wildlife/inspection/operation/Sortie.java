package cn.wildlife.inspection.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.operation.PlaceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One patrol or sortie entered by an agency during an operation: who went out, with what, and where. */
public record Sortie(
        String id,
        String operationId,
        Agency agency,
        String region,
        LocalDate on,
        int personnel,
        int vehicles,
        List<Places> places,
        @Nullable String hotspot,
        @Nullable String note,
        String enteredBy,
        Instant enteredAt) {

    public record Places(PlaceKind kind, int count) {}
}
