package cn.wildlife.events.clue;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * case-service recorded a clue (topic {@code platform.clues}); opens the clue's handling clock.
 *
 * @param operationId    the joint operation the clue belongs to, if any (its results table counts it)
 * @param fromInspection the inspection finding the clue was made from, when an inspection suggested a crime
 * @param referredFrom   the clue of another agency this one was referred from: the same report, received again by
 *                       the competent agency (counted once in an operation's results, by the agency that first had it)
 */
public record ClueRecorded(
        String clueId,
        Agency agency,
        String region,
        ClueSource source,
        Instant receivedAt,
        Instant recordedAt,
        List<String> speciesCodes,
        List<Behaviour> behaviours,
        String summary,
        Channel channel,
        @Nullable String operationId,
        @Nullable FromInspection fromInspection,
        @Nullable String referredFrom)
        implements EventPayload {

    /** The door a record came in by; INSPECTION: case-service made it from an inspection's crime-suspected event. */
    public enum Channel {
        EVENT,
        REST,
        INSPECTION
    }

    /** The inspection finding, inspection and facility a clue came from. */
    public record FromInspection(String findingId, String inspectionId, String facilityId) {}

    /** A clue of no operation, reported by an agency. */
    public ClueRecorded(
            String clueId,
            Agency agency,
            String region,
            ClueSource source,
            Instant receivedAt,
            Instant recordedAt,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary,
            Channel channel) {
        this(
                clueId,
                agency,
                region,
                source,
                receivedAt,
                recordedAt,
                speciesCodes,
                behaviours,
                summary,
                channel,
                null,
                null,
                null);
    }

    public ClueRecorded {
        speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }

    @Override
    public String subject() {
        return clueId;
    }
}
