package cn.wildlife.caseservice.clue;

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
        RECEIVED("已接收"), ASSIGNED("已分派"), VERIFIED("已核实"), CASE_OPENED("已立案"),
        DISMISSED("不予立案（已说明理由）"), REFERRED("已移交其他部门"), REFERRAL_ACCEPTED("接收部门已受理");

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
        OPEN_CASE("case-opened", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED),
                Status.CASE_OPENED),
        DISMISS("dismissed", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED), Status.DISMISSED),
        REFER("referred", java.util.Set.of(Status.RECEIVED, Status.ASSIGNED, Status.VERIFIED), Status.REFERRED),
        /** By the agency the clue was referred to: it receives the clue as its own. */
        ACCEPT_REFERRAL("referral-accepted", java.util.Set.of(Status.REFERRED), Status.REFERRAL_ACCEPTED),
        /** The reporter was told the outcome (反馈处理结果); the status stays. */
        GIVE_FEEDBACK("feedback-given", java.util.Set.of(Status.CASE_OPENED, Status.DISMISSED, Status.REFERRED,
                Status.REFERRAL_ACCEPTED), null);

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
        return java.util.Arrays.stream(Step.values()).filter(step -> step.allowedFrom(status))
                .filter(step -> step != Step.GIVE_FEEDBACK || feedbackAt == null).toList();
    }

    /** The clue after a step; the caller has checked the step is allowed and complete. */
    public Clue after(Step step, @Nullable Agency referTo, Instant at) {
        return new Clue(id, agency, region, source, receivedAt, recordedAt, place, speciesCodes, behaviours,
                summary, step.to(status), channel, step == Step.REFER ? referTo : referredTo, referredFrom,
                reporterOnFile, step == Step.GIVE_FEEDBACK ? at : feedbackAt, identifiers, people, evidence,
                operationId, fromInspection, version + 1);
    }

    public ClueRecorded recorded() {
        return new ClueRecorded(id, agency, region, source, receivedAt, recordedAt, speciesCodes, behaviours,
                summary, channel, operationId, fromInspection, referredFrom);
    }
}
