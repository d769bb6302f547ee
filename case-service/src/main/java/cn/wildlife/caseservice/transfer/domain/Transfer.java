package cn.wildlife.caseservice.transfer.domain;

import cn.wildlife.events.Agency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The transfer of a suspected crime from an administrative agency to public security (两法衔接), as an explicit
 * state machine. Each step is taken by the party whose turn it is; a step the state does not allow, or taken by
 * the wrong party, is refused with the state and the steps allowed from it.
 *
 * @param receivingRegion the public security organ at this region is to receive it (the same level as the sender
 *                        at first; another when passed on)
 * @param history         every step, who took it and when; append-only
 * @param direction       FORWARD for a transfer to the police; REVERSE for a case the police sent back, where the
 *                        "sending agency" is the administrative agency that receives it and must record an outcome
 */
public record Transfer(
        String id,
        String caseNumber,
        String summary,
        Agency sendingAgency,
        String sendingRegion,
        String receivingRegion,
        TransferState state,
        Set<PackagePart> packageParts,
        List<Entry> history,
        long version,
        Direction direction) {

    /** FORWARD: an administrative agency transfers to the police; REVERSE: the police send a case back. */
    public enum Direction {
        FORWARD,
        REVERSE
    }

    /** The administrative agencies that transfer suspected crimes to public security. */
    public static final Set<Agency> SENDERS =
            EnumSet.of(Agency.FORESTRY, Agency.MARKET_SUPERVISION, Agency.AGRICULTURE);

    /** One step in the history. */
    public record Entry(
            String step, TransferState state, String by, Agency byAgency, Instant at, List<String> reasons) {
        public Entry {
            reasons = List.copyOf(reasons);
        }
    }

    /** What a step carries besides who and when. */
    public record Details(
            List<String> reasons,
            Set<PackagePart> packageParts,
            @Nullable String passOnTo) {
        public Details {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            packageParts = packageParts == null || packageParts.isEmpty() ? Set.of() : EnumSet.copyOf(packageParts);
        }

        public static Details none() {
            return new Details(List.of(), Set.of(), null);
        }
    }

    public Transfer {
        packageParts = packageParts.isEmpty() ? Set.of() : EnumSet.copyOf(packageParts);
        history = List.copyOf(history);
    }

    /** Officers report a suspected crime to their head: the transfer's first step. */
    public static Transfer report(String id, String caseNumber, String summary, Actor actor, Instant at) {
        if (!SENDERS.contains(actor.agency())) {
            throw new TransferRefused(
                    TransferRefused.Reason.NOT_YOUR_TURN,
                    "not-a-sender",
                    new Object[] {actor.agency(), SENDERS},
                    actor.agency() + " does not transfer cases to public security; " + SENDERS + " do",
                    TransferState.REPORTED,
                    List.of());
        }
        Entry entry = new Entry("REPORT", TransferState.REPORTED, actor.subject(), actor.agency(), at, List.of());
        return new Transfer(
                id,
                caseNumber,
                summary,
                actor.agency(),
                actor.region().code(),
                actor.region().code(),
                TransferState.REPORTED,
                Set.of(),
                List.of(entry),
                1,
                Direction.FORWARD);
    }

    /**
     * Reverse transfer (反向移送): the police found no crime but an administrative violation and send the case to the
     * competent agency, which is then tracked until it records its own outcome.
     */
    public static Transfer returnToAgency(
            String id,
            String caseNumber,
            String summary,
            Actor police,
            Agency agency,
            String agencyRegion,
            List<String> reasons,
            Instant at) {
        if (police.agency() != Agency.PUBLIC_SECURITY) {
            throw new TransferRefused(
                    TransferRefused.Reason.NOT_YOUR_TURN,
                    "only-police-return",
                    new Object[0],
                    "only public security returns cases",
                    TransferState.RETURNED,
                    List.of());
        }
        if (!SENDERS.contains(agency)) {
            throw new TransferRefused(
                    TransferRefused.Reason.INCOMPLETE,
                    "not-administrative",
                    new Object[] {agency, SENDERS},
                    agency + " does not handle administrative wildlife cases; " + SENDERS + " do",
                    TransferState.RETURNED,
                    List.of());
        }
        if (reasons == null || reasons.isEmpty()) {
            throw new TransferRefused(
                    TransferRefused.Reason.INCOMPLETE,
                    "return-reasons",
                    new Object[0],
                    "a returned case needs its reasons in writing",
                    TransferState.RETURNED,
                    List.of());
        }
        Entry entry = new Entry("RETURN", TransferState.RETURNED, police.subject(), police.agency(), at, reasons);
        return new Transfer(
                id,
                caseNumber,
                summary,
                agency,
                agencyRegion,
                police.region().code(),
                TransferState.RETURNED,
                Set.of(),
                List.of(entry),
                1,
                Direction.REVERSE);
    }

    /** The steps the current state allows, whoever may take them. */
    public List<TransferStep> allowedSteps() {
        return Arrays.stream(TransferStep.values())
                .filter(step -> step.from().contains(state))
                .toList();
    }

    /** Takes a step, or refuses it with the reason; returns the transfer after the step. */
    public Transfer take(TransferStep step, Actor actor, Details details, Instant at) {
        if (!step.from().contains(state)) {
            throw new TransferRefused(
                    TransferRefused.Reason.NOT_NOW,
                    "not-now",
                    new Object[] {state, step.path()},
                    "a transfer that is " + state + " cannot " + step.path(),
                    state,
                    allowedSteps());
        }
        Party party = partyFor(step);
        if (!isParty(actor, party)) {
            throw new TransferRefused(
                    TransferRefused.Reason.NOT_YOUR_TURN,
                    "not-your-turn",
                    new Object[] {
                        step.path(),
                        describe(party),
                        actor.agency(),
                        actor.region().code()
                    },
                    step.path() + " is for " + describe(party) + ", not " + actor.agency() + " "
                            + actor.region().code(),
                    state,
                    allowedSteps());
        }
        if (step.needsHead() && !actor.head()) {
            throw new TransferRefused(
                    TransferRefused.Reason.NOT_YOUR_TURN,
                    "head-decides",
                    new Object[] {step.path()},
                    step.path() + " is the agency head's decision (负责人)",
                    state,
                    allowedSteps());
        }
        requireDetails(step, details);
        String receiving = step == TransferStep.PASS_ON ? details.passOnTo() : receivingRegion;
        Set<PackagePart> parts = step == TransferStep.TRANSFER ? details.packageParts() : packageParts;
        List<Entry> entries = new ArrayList<>(history);
        entries.add(new Entry(step.name(), step.to(), actor.subject(), actor.agency(), at, details.reasons()));
        return new Transfer(
                id,
                caseNumber,
                summary,
                sendingAgency,
                sendingRegion,
                receiving,
                step.to(),
                parts,
                entries,
                version + 1,
                direction);
    }

    /** Accepting not filing belongs to the sender, except after an explanation, when the procuratorate decides. */
    private Party partyFor(TransferStep step) {
        if (step == TransferStep.ACCEPT_NON_FILING) {
            return state == TransferState.EXPLANATION_GIVEN ? Party.PROCURATORATE : Party.SENDING_AGENCY;
        }
        return step.party();
    }

    /** Whether the actor is that party: its agency, in a region that covers the transfer's. */
    public boolean isParty(Actor actor, Party party) {
        return switch (party) {
            case SENDING_AGENCY ->
                actor.agency() == sendingAgency && actor.region().contains(sendingRegion);
            case RECEIVING_POLICE ->
                actor.agency() == Agency.PUBLIC_SECURITY && actor.region().contains(receivingRegion);
            case PROCURATORATE ->
                actor.agency() == Agency.PROCURATORATE && actor.region().contains(sendingRegion);
        };
    }

    /** The agencies this transfer is shared with: who may read it besides oversight. */
    public Set<Agency> parties() {
        return EnumSet.of(sendingAgency, Agency.PUBLIC_SECURITY, Agency.PROCURATORATE);
    }

    private void requireDetails(TransferStep step, Details details) {
        switch (step) {
            case REFUSE,
                    REFUSE_FILING,
                    RECONSIDER_AND_UPHOLD,
                    REQUEST_RECONSIDERATION,
                    REQUEST_SUPERVISION,
                    GIVE_EXPLANATION,
                    RECORD_OUTCOME -> {
                if (details.reasons().isEmpty()) {
                    throw incomplete(
                            "reasons", new Object[] {step.path()}, step.path() + " needs its reasons in writing");
                }
            }
            case TRANSFER -> {
                if (!details.packageParts().containsAll(PackagePart.REQUIRED)) {
                    throw incomplete(
                            "package",
                            new Object[] {PackagePart.REQUIRED, details.packageParts()},
                            "the package needs at least " + PackagePart.REQUIRED + "; it has "
                                    + details.packageParts());
                }
            }
            case PASS_ON -> {
                if (details.passOnTo() == null || details.passOnTo().equals(receivingRegion)) {
                    throw incomplete(
                            "pass-on",
                            new Object[] {receivingRegion},
                            "pass-on needs the region of the "
                                    + "competent public security organ (passOnTo), other than " + receivingRegion);
                }
            }
            default -> {}
        }
    }

    private TransferRefused incomplete(String key, Object[] args, String message) {
        return new TransferRefused(TransferRefused.Reason.INCOMPLETE, key, args, message, state, allowedSteps());
    }

    private String describe(Party party) {
        return switch (party) {
            case SENDING_AGENCY -> sendingAgency + " of " + sendingRegion;
            case RECEIVING_POLICE -> "PUBLIC_SECURITY of " + receivingRegion;
            case PROCURATORATE -> "the PROCURATORATE of " + sendingRegion;
        };
    }
}
