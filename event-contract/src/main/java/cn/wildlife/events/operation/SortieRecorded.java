package cn.wildlife.events.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agency's patrol or sortie during an operation (topic {@code platform.operations}, keyed by the operation so
 * that its records stay in order): personnel and vehicle sorties and places inspected by kind.
 */
public record SortieRecorded(
        String sortieId,
        String operationId,
        Agency agency,
        String region,
        LocalDate on,
        int personnel,
        int vehicles,
        List<Places> places,
        @Nullable String hotspot)
        implements EventPayload {

    /** How many places of one kind were inspected. */
    public record Places(PlaceKind kind, int count) {}

    public SortieRecorded {
        places = places == null ? List.of() : List.copyOf(places);
    }

    @Override
    public String subject() {
        return operationId;
    }
}
