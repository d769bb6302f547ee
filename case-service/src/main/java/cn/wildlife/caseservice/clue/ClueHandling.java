package cn.wildlife.caseservice.clue;

import static cn.wildlife.caseservice.CaseServiceApplication.TEXTS;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueStepTaken;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The receiving agency's handling of a clue: assign, then open a case, dismiss with reasons, or refer to the competent
 * agency. Each step is announced on {@code platform.clues}; opening a case, dismissing and referring fulfil the
 * clue's handling clock.
 */
@Service
public class ClueHandling {

    private final ClueStore store;
    private final ClueRecording recording;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public ClueHandling(ClueStore store, ClueRecording recording, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.recording = recording;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** What a step carries. */
    public record Details(List<String> reasons, @Nullable String caseNumber, @Nullable Agency referredTo,
                          @Nullable String assignee, @Nullable Long expectedVersion) {
        public Details {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    public Clue take(Clue before, Clue.Step step, Caller caller, Details details) {
        if (details.expectedVersion() != null && details.expectedVersion() != before.version()) {
            throw stale(before);
        }
        if (!before.allowedSteps().contains(step)) {
            throw new ConflictException("step-not-allowed", TEXTS.get("clue.step-not-allowed", before.status(),
                    step.path()), Map.of("state", before.status().name(),
                    "allowedSteps", before.allowedSteps().stream().map(Clue.Step::path).toList()));
        }
        requireDetails(step, before, details);
        Instant at = clock.instant();
        Clue after = before.after(step, details.referredTo(), at);
        if (step == Clue.Step.ACCEPT_REFERRAL) {
            receiveAsOwn(before, caller, at);
        }
        Document entry = new Document("step", step.name()).append("status", after.status().name())
                .append("by", caller.subject()).append("byName", caller.name()).append("at", Date.from(at))
                .append("reasons", details.reasons()).append("caseNumber", details.caseNumber())
                .append("referredTo", details.referredTo() == null ? null : details.referredTo().name())
                .append("assignee", details.assignee());
        ClueStepTaken payload = new ClueStepTaken(after.id(), step.name(), after.status().name(), after.agency(),
                after.region(), caller.subject(), at, details.reasons(), details.caseNumber(), after.referredTo(),
                after.operationId());
        EventType type = EventType.fromCeType(step.eventType()).orElseThrow();
        Document event = outbox.entry(Topics.PLATFORM_CLUES,
                Envelope.of(CaseServiceApplication.EVENT_SOURCE, after.agency(), after.region(), type, payload));
        if (!store.update(after, entry, List.of(event), outbox)) {
            throw stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    private static void requireDetails(Clue.Step step, Clue clue, Details details) {
        List<FieldError> errors = new ArrayList<>();
        switch (step) {
            case OPEN_CASE -> {
                if (details.caseNumber() == null || details.caseNumber().isBlank()) {
                    errors.add(new FieldError("caseNumber", TEXTS.get("clue.case-number"), null));
                }
            }
            case DISMISS -> {
                if (details.reasons().isEmpty()) {
                    errors.add(new FieldError("reasons", TEXTS.get("clue.dismiss-reasons"), null));
                }
            }
            case REFER -> {
                if (details.referredTo() == null || details.referredTo() == clue.agency()
                        || !details.referredTo().publishesOwnTopics()) {
                    errors.add(new FieldError("referredTo", TEXTS.get("clue.referred-to", clue.agency()),
                            details.referredTo()));
                }
                if (details.reasons().isEmpty()) {
                    errors.add(new FieldError("reasons", TEXTS.get("clue.refer-reasons"), null));
                }
            }
            case VERIFY -> {
                if (details.reasons().isEmpty()) {
                    errors.add(new FieldError("reasons", TEXTS.get("clue.verify-findings"), null));
                }
            }
            case GIVE_FEEDBACK -> {
                if (details.reasons().isEmpty()) {
                    errors.add(new FieldError("reasons", TEXTS.get("clue.feedback"), null));
                }
            }
            case ACCEPT_REFERRAL -> {
            }
            case ASSIGN -> {
                if (details.assignee() == null || details.assignee().isBlank()) {
                    errors.add(new FieldError("assignee", TEXTS.get("clue.assignee"), null));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * The agency a clue was referred to records it as its own clue, received now: its own handling clock starts
     * with it. The reporter's identity stays with the agency that received the report.
     */
    private void receiveAsOwn(Clue referred, Caller caller, Instant at) {
        Agency to = referred.referredTo();
        String id = ClueRecording.ownId(to, "REF", referred.id());
        Clue own = new Clue(id, to, referred.region(), cn.wildlife.events.ClueSource.AGENCY_INTELLIGENCE, at, at,
                referred.place(), referred.speciesCodes(), referred.behaviours(), referred.summary(),
                Clue.Status.RECEIVED, cn.wildlife.events.clue.ClueRecorded.Channel.REST, null, referred.id(), false,
                null, referred.identifiers(), referred.people(), referred.evidence(), referred.operationId(),
                referred.fromInspection(), 1);
        recording.recordOnce(own);
    }

    private static ConflictException stale(Clue current) {
        return new ConflictException("concurrent-update", TEXTS.get("clue.stale", current.version(),
                current.status()),
                Map.of("state", current.status().name(), "version", current.version(),
                        "allowedSteps", current.allowedSteps().stream().map(Clue.Step::path).toList()));
    }
}
