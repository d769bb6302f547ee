package cn.wildlife.events.clue;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/** case-service recorded a clue (topic {@code platform.clues}); opens the clue's handling clock. */
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
        Channel channel) implements EventPayload {

    /** The door a record came in by. */
    public enum Channel { EVENT, REST }

    public ClueRecorded {
        speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }

    @Override
    public String subject() {
        return clueId;
    }
}
