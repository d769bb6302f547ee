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

    /**
     * A report to fill in by name: most reports carry only a few of the optional parts, and a positional list of
     * empty lists and nulls hides which is which. The four arguments are what every report must have; {@code summary}
     * is required too but is set by name, so that the free text is not one more string among the positional ones.
     */
    public static Builder builder(String clueId, String region, ClueSource source, Instant receivedAt) {
        return new Builder(clueId, region, source, receivedAt);
    }

    /** This report as a builder, to change a part of it (for example to add plain identifiers to a sealed one). */
    public Builder toBuilder() {
        return new Builder(clueId, region, source, receivedAt)
                .place(place)
                .speciesCodes(speciesCodes)
                .behaviours(behaviours)
                .summary(summary)
                .identifiers(identifiers)
                .people(people)
                .evidence(evidence)
                .operationId(operationId)
                .sealed(sealed);
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

    @Override
    public String subject() {
        return clueId;
    }

    /**
     * Builds a {@link ClueReported}; what is not set is absent: no place, operation or sealed details, and empty lists.
     * It is for code that makes reports only: Jackson reads events through the canonical constructor, so the JSON
     * shape stays the record's own.
     */
    public static final class Builder {
        private final String clueId;
        private final String region;
        private final ClueSource source;
        private final Instant receivedAt;
        private @Nullable Place place;
        private List<String> speciesCodes = List.of();
        private List<Behaviour> behaviours = List.of();
        private @Nullable String summary;
        private List<Identifier> identifiers = List.of();
        private List<String> people = List.of();
        private List<String> evidence = List.of();
        private @Nullable String operationId;
        private @Nullable Sealed sealed;

        private Builder(String clueId, String region, ClueSource source, Instant receivedAt) {
            this.clueId = clueId;
            this.region = region;
            this.source = source;
            this.receivedAt = receivedAt;
        }

        public Builder place(@Nullable Place place) {
            this.place = place;
            return this;
        }

        public Builder speciesCodes(List<String> speciesCodes) {
            this.speciesCodes = speciesCodes;
            return this;
        }

        public Builder behaviours(List<Behaviour> behaviours) {
            this.behaviours = behaviours;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** In plain; an agency seals them with {@link ClueReported#sealedWith} before it publishes the report. */
        public Builder identifiers(List<Identifier> identifiers) {
            this.identifiers = identifiers;
            return this;
        }

        /** In plain, as {@link #identifiers}. */
        public Builder people(List<String> people) {
            this.people = people;
            return this;
        }

        public Builder evidence(List<String> evidence) {
            this.evidence = evidence;
            return this;
        }

        public Builder operationId(@Nullable String operationId) {
            this.operationId = operationId;
            return this;
        }

        /** Details sealed elsewhere; a report made here is better sealed with {@link ClueReported#sealedWith}. */
        public Builder sealed(@Nullable Sealed sealed) {
            this.sealed = sealed;
            return this;
        }

        /**
         * The report. A missing summary fails here rather than as a schema violation where the event is published,
         * far from the code that forgot it.
         *
         * @throws IllegalStateException if no non-empty summary was set (the schema requires one)
         */
        public ClueReported build() {
            if (summary == null || summary.isEmpty()) {
                throw new IllegalStateException("clue " + clueId + ": a summary is required (clue-reported.v1)");
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
                    identifiers,
                    people,
                    evidence,
                    operationId,
                    sealed);
        }
    }
}
