package cn.wildlife.events.clue;

import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.EventPayload;
import cn.wildlife.events.Place;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.seal.IntakeKey;
import cn.wildlife.events.seal.PersonalDetails;
import cn.wildlife.events.seal.Sealed;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agency's own system reports a clue it received (topic {@code agency.<agency>.clues}). The reporting agency
 * is the event's {@code agency} extension, which must match the topic. The reporter's identity is deliberately
 * not part of any event: it is entered only through the receiving agency's REST door.
 *
 * @param clueId      platform-wide unique id chosen by the agency system (prefix it with the agency's own code)
 * <p>The suspects' identifiers and the people a clue names are personal data: an agency seals them with the
 * platform's SM2 intake key ({@link IntakeKey#seal}) into {@code sealed}, so that its topic
 * never holds them in plain; the platform refuses them in plain unless it is set to accept them.
 *
 * @param identifiers suspects' identifiers for cross-agency linking, in plain (optional; never the reporter's)
 * @param people      the people the clue names (suspects, witnesses), in plain; never the reporter
 * @param evidence    references to evidence files in the agency's own systems
 * @param operationId the joint operation (专项行动) the clue belongs to, if any: its results table counts the clue
 * @param sealed      the identifiers and people, sealed ({@link PersonalDetails})
 */
public record ClueReported(
        String clueId,
        String region,
        ClueSource source,
        Instant receivedAt,
        @Nullable Place place,
        List<String> speciesCodes,
        List<Behaviour> behaviours,
        String summary,
        List<Identifier> identifiers,
        List<String> people,
        List<String> evidence,
        @Nullable String operationId,
        @Nullable Sealed sealed)
        implements EventPayload {

    public ClueReported {
        speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        people = people == null ? List.of() : List.copyOf(people);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A report whose personal details, if any, are in plain. */
    public ClueReported(
            String clueId,
            String region,
            ClueSource source,
            Instant receivedAt,
            @Nullable Place place,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary,
            List<Identifier> identifiers,
            List<String> people,
            List<String> evidence,
            @Nullable String operationId) {
        this(
                clueId,
                region,
                source,
                receivedAt,
                place,
                speciesCodes,
                behaviours,
                summary,
                identifiers,
                people,
                evidence,
                operationId,
                null);
    }

    /** The same report with its identifiers and people sealed under the platform's intake key. */
    public ClueReported sealedWith(IntakeKey key) {
        if (identifiers.isEmpty() && people.isEmpty()) {
            return this;
        }
        return new ClueReported(
                clueId,
                region,
                source,
                receivedAt,
                place,
                speciesCodes,
                behaviours,
                summary,
                List.of(),
                List.of(),
                evidence,
                operationId,
                key.seal(new PersonalDetails(identifiers, people)));
    }

    /** A report of no operation. */
    public ClueReported(
            String clueId,
            String region,
            ClueSource source,
            Instant receivedAt,
            @Nullable Place place,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary,
            List<Identifier> identifiers,
            List<String> people,
            List<String> evidence) {
        this(
                clueId,
                region,
                source,
                receivedAt,
                place,
                speciesCodes,
                behaviours,
                summary,
                identifiers,
                people,
                evidence,
                null,
                null);
    }

    /** A report naming identifiers but no people or evidence. */
    public ClueReported(
            String clueId,
            String region,
            ClueSource source,
            Instant receivedAt,
            @Nullable Place place,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary,
            List<Identifier> identifiers) {
        this(
                clueId,
                region,
                source,
                receivedAt,
                place,
                speciesCodes,
                behaviours,
                summary,
                identifiers,
                List.of(),
                List.of(),
                null,
                null);
    }

    /** A report naming no suspect's identifier. */
    public ClueReported(
            String clueId,
            String region,
            ClueSource source,
            Instant receivedAt,
            @Nullable Place place,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary) {
        this(
                clueId,
                region,
                source,
                receivedAt,
                place,
                speciesCodes,
                behaviours,
                summary,
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
    }

    @Override
    public String subject() {
        return clueId;
    }
}
