package cn.wildlife.events.link;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Records of two agencies share a suspect's identifier (topic {@code platform.clues}): both agencies' handlers are
 * to look at each other's record. The identifier travels masked; no reporter data ever.
 *
 * @param maskedValue e.g. 139****5678
 */
public record RecordsLinked(
        String linkId, IdentifierType identifierType, String maskedValue, List<LinkedRecord> records, Instant foundAt)
        implements EventPayload {

    public RecordsLinked {
        records = List.copyOf(records);
    }

    /** One side of a link. */
    public record LinkedRecord(String kind, String id, Agency agency, String region) {}

    @Override
    public String subject() {
        return linkId;
    }
}
