package cn.wildlife.caseservice.clue;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Place;
import cn.wildlife.events.clue.ClueRecorded;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A clue as case-service keeps it (线索). Later states (assigned, verified, ...) come with the clue lifecycle. */
public record Clue(
        String id,
        Agency agency,
        String region,
        ClueSource source,
        Instant receivedAt,
        Instant recordedAt,
        @Nullable Place place,
        List<String> speciesCodes,
        List<Behaviour> behaviours,
        String summary,
        Status status,
        ClueRecorded.Channel channel,
        long version) {

    /** Where a clue is in its life. */
    public enum Status { RECEIVED }

    public ClueRecorded recorded() {
        return new ClueRecorded(id, agency, region, source, receivedAt, recordedAt, speciesCodes, behaviours,
                summary, channel);
    }
}
