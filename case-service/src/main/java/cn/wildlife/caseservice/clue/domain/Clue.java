package cn.wildlife.caseservice.clue.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Place;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.link.Identifier;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clue as case-service keeps it (线索): received, assigned to a handler, then turned into a case, dismissed with
 * reasons or referred to the competent agency. A clue may belong to a joint operation ({@code operationId}, counted in
 * its results table) and may have been made from an inspection finding ({@code fromInspection}).
 */
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
        @Nullable Agency referredTo,
        @Nullable String referredFrom,
        boolean reporterOnFile,
        @Nullable Instant feedbackAt,
        List<Identifier> identifiers,
        List<String> people,
        List<String> evidence,
        @Nullable String operationId,
        ClueRecorded.@Nullable FromInspection fromInspection,
        long version) {

    public Clue {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        people = people == null ? List.of() : List.copyOf(people);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Where a clue is in its life. */
    public enum Status {
        RECEIVED("已接收"),
        ASSIGNED("已分派"),
        VERIFIED("已核实"),
        CASE_OPENED("已立案"),
        DISMISSED("不予立案（已说明理由）"),
        REFERRED("已移交其他部门"),
        REFERRAL_ACCEPTED("接收部门已受理");

        /** The clue's handling has an outcome the reporter can be told. */
        public boolean hasOutcome() {
            return this == CASE_OPENED || this == DISMISSED || this == REFERRED || this == REFERRAL_ACCEPTED;
        }

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The steps of a clue's life, the states they leave and where they lead. */
    public enum Step {
        ASSIGN("assigned", java.util.Set.of(Status.RECEIVED), Status.ASSIGNED),
        VERIFY("verified", java.util.Set.of(Status.ASSIGNED), Status.VERIFIED),
        OPEN_CASE(
                "case-opened", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED), Status.CASE_OPENED),
        DISMISS("dismissed", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED), Status.DISMISSED),
        REFER("referred", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED), Status.REFERRED),
        /** By the agency the clue was referred to: it receives the clue as its own. */
        ACCEPT_REFERRAL("referral-accepted", java.util.Set.of(Status.REFERRED), Status.REFERRAL_ACCEPTED),
        /** The reporter was told the outcome (反馈处理结果); the status stays. */
        GIVE_FEEDBACK(
                "feedback-given",
                java.util.Set.of(Status.CASE_OPENED, Status.DISMISSED, Status.REFERRED, Status.REFERRAL_ACCEPTED),
                null);

        private final String event;
        private final java.util.Set<Status> from;
        private final Status to;

        Step(String event, java.util.Set<Status> from, Status to) {
            this.event = event;
            this.from = from;
            this.to = to;
        }

        public String eventType() {
            return "cn.wildlife.clue." + event + ".v1";
        }

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean allowedFrom(Status status) {
            return from.contains(status);
        }

        /** The status after the step from {@code from}: a feedback leaves it as it was. */
        public Status to(Status from) {
            return to == null ? from : to;
        }
    }

    /** The steps its status allows now (feedback once only). */
    public List<Step> allowedSteps() {
        return java.util.Arrays.stream(Step.values())
                .filter(step -> step.allowedFrom(status))
                .filter(step -> step != Step.GIVE_FEEDBACK || feedbackAt == null)
                .toList();
    }

    /**
     * Takes a step, or refuses it: when the status does not allow it, or when the step lacks what it needs (an
     * outcome needs its case number or its reasons in writing, a referral names another agency that handles clues).
     * Returns the clue after the step, one version later.
     */
    public Clue take(Step step, StepDetails details, Instant at) {
        if (!allowedSteps().contains(step)) {
            throw ClueStepRefused.notNow(this, step);
        }
        List<ClueStepRefused.Missing> missing = missing(step, details);
        if (!missing.isEmpty()) {
            throw ClueStepRefused.incomplete(this, step, missing);
        }
        return after(step, details.referredTo(), at);
    }

    private List<ClueStepRefused.Missing> missing(Step step, StepDetails details) {
        List<ClueStepRefused.Missing> missing = new java.util.ArrayList<>();
        switch (step) {
            case OPEN_CASE -> {
                if (details.caseNumber() == null || details.caseNumber().isBlank()) {
                    missing.add(new ClueStepRefused.Missing("caseNumber", "clue.case-number", List.of(), null));
                }
            }
            case DISMISS -> {
                if (details.reasons().isEmpty()) {
                    missing.add(new ClueStepRefused.Missing("reasons", "clue.dismiss-reasons", List.of(), null));
                }
            }
            case REFER -> {
                if (details.referredTo() == null
                        || details.referredTo() == agency
                        || !details.referredTo().publishesOwnTopics()) {
                    missing.add(new ClueStepRefused.Missing(
                            "referredTo", "clue.referred-to", List.of(agency), details.referredTo()));
                }
                if (details.reasons().isEmpty()) {
                    missing.add(new ClueStepRefused.Missing("reasons", "clue.refer-reasons", List.of(), null));
                }
            }
            case VERIFY -> {
                if (details.reasons().isEmpty()) {
                    missing.add(new ClueStepRefused.Missing("reasons", "clue.verify-findings", List.of(), null));
                }
            }
            case GIVE_FEEDBACK -> {
                if (details.reasons().isEmpty()) {
                    missing.add(new ClueStepRefused.Missing("reasons", "clue.feedback", List.of(), null));
                }
            }
            case ACCEPT_REFERRAL -> {}
            case ASSIGN -> {
                if (details.assignee() == null || details.assignee().isBlank()) {
                    missing.add(new ClueStepRefused.Missing("assignee", "clue.assignee", List.of(), null));
                }
            }
        }
        return missing;
    }

    /** What a step carries besides when: reasons in writing, the case opened, the agency referred to, the handler. */
    public record StepDetails(
            List<String> reasons,
            @Nullable String caseNumber,
            @Nullable Agency referredTo,
            @Nullable String assignee) {
        public StepDetails {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** The clue after a step; {@link #take} checks the step is allowed and complete. */
    private Clue after(Step step, @Nullable Agency referTo, Instant at) {
        return toBuilder()
                .status(step.to(status))
                .referredTo(step == Step.REFER ? referTo : referredTo)
                .feedbackAt(step == Step.GIVE_FEEDBACK ? at : feedbackAt)
                .version(version + 1)
                .build();
    }

    public ClueRecorded recorded() {
        return new ClueRecorded(
                id,
                agency,
                region,
                source,
                receivedAt,
                recordedAt,
                speciesCodes,
                behaviours,
                summary,
                channel,
                operationId,
                fromInspection,
                referredFrom);
    }

    /** A clue newly received: no handling yet, nothing referred, no reporter on file, at version 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change: the version stays unless set. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.agency = agency;
        b.region = region;
        b.source = source;
        b.receivedAt = receivedAt;
        b.recordedAt = recordedAt;
        b.place = place;
        b.speciesCodes = speciesCodes;
        b.behaviours = behaviours;
        b.summary = summary;
        b.status = status;
        b.channel = channel;
        b.referredTo = referredTo;
        b.referredFrom = referredFrom;
        b.reporterOnFile = reporterOnFile;
        b.feedbackAt = feedbackAt;
        b.identifiers = identifiers;
        b.people = people;
        b.evidence = evidence;
        b.operationId = operationId;
        b.fromInspection = fromInspection;
        b.version = version;
        return b;
    }

    /** Builds a clue by naming what it has; what is not named is absent or empty. */
    public static final class Builder {
        private String id;
        private Agency agency;
        private String region;
        private ClueSource source;
        private Instant receivedAt;
        private Instant recordedAt;
        private Place place;
        private List<String> speciesCodes = List.of();
        private List<Behaviour> behaviours = List.of();
        private String summary;
        private Status status = Status.RECEIVED;
        private ClueRecorded.Channel channel;
        private Agency referredTo;
        private String referredFrom;
        private boolean reporterOnFile;
        private Instant feedbackAt;
        private List<Identifier> identifiers = List.of();
        private List<String> people = List.of();
        private List<String> evidence = List.of();
        private String operationId;
        private ClueRecorded.FromInspection fromInspection;
        private long version = 1;

        private Builder() {}

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder agency(Agency v) {
            agency = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder source(ClueSource v) {
            source = v;
            return this;
        }

        public Builder receivedAt(Instant v) {
            receivedAt = v;
            return this;
        }

        public Builder recordedAt(Instant v) {
            recordedAt = v;
            return this;
        }

        public Builder place(@Nullable Place v) {
            place = v;
            return this;
        }

        public Builder speciesCodes(List<String> v) {
            speciesCodes = v;
            return this;
        }

        public Builder behaviours(List<Behaviour> v) {
            behaviours = v;
            return this;
        }

        public Builder summary(String v) {
            summary = v;
            return this;
        }

        public Builder status(Status v) {
            status = v;
            return this;
        }

        public Builder channel(ClueRecorded.Channel v) {
            channel = v;
            return this;
        }

        public Builder referredTo(@Nullable Agency v) {
            referredTo = v;
            return this;
        }

        public Builder referredFrom(@Nullable String v) {
            referredFrom = v;
            return this;
        }

        public Builder reporterOnFile(boolean v) {
            reporterOnFile = v;
            return this;
        }

        public Builder feedbackAt(@Nullable Instant v) {
            feedbackAt = v;
            return this;
        }

        public Builder identifiers(List<Identifier> v) {
            identifiers = v;
            return this;
        }

        public Builder people(List<String> v) {
            people = v;
            return this;
        }

        public Builder evidence(List<String> v) {
            evidence = v;
            return this;
        }

        public Builder operationId(@Nullable String v) {
            operationId = v;
            return this;
        }

        public Builder fromInspection(ClueRecorded.@Nullable FromInspection v) {
            fromInspection = v;
            return this;
        }

        public Builder version(long v) {
            version = v;
            return this;
        }

        public Clue build() {
            return new Clue(
                    id,
                    agency,
                    region,
                    source,
                    receivedAt,
                    recordedAt,
                    place,
                    speciesCodes,
                    behaviours,
                    summary,
                    status,
                    channel,
                    referredTo,
                    referredFrom,
                    reporterOnFile,
                    feedbackAt,
                    identifiers,
                    people,
                    evidence,
                    operationId,
                    fromInspection,
                    version);
        }
    }
}
