package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.caseservice.clue.domain.ClueStepRefused;
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
import cn.wildlife.support.web.Texts;
import java.time.Clock;
import java.time.Instant;
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
    private final Texts texts;

    public ClueHandling(
            ClueStore store, ClueRecording recording, Outbox outbox, OutboxRelay relay, Clock clock, Texts texts) {
        this.store = store;
        this.recording = recording;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    /** Takes the step if the clue's rules allow it; {@code expectedVersion}, if given, must be the clue's version. */
    public Clue take(
            Clue before, Clue.Step step, Caller caller, Clue.StepDetails details, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw stale(before);
        }
        Instant at = clock.instant();
        Clue after;
        try {
            after = before.take(step, details, at);
        } catch (ClueStepRefused refused) {
            throw problem(refused, step);
        }
        if (step == Clue.Step.ACCEPT_REFERRAL) {
            receiveAsOwn(before, caller, at);
        }
        Document entry = new Document("step", step.name())
                .append("status", after.status().name())
                .append("by", caller.subject())
                .append("byName", caller.name())
                .append("at", Date.from(at))
                .append("reasons", details.reasons())
                .append("caseNumber", details.caseNumber())
                .append(
                        "referredTo",
                        details.referredTo() == null
                                ? null
                                : details.referredTo().name())
                .append("assignee", details.assignee());
        ClueStepTaken payload = new ClueStepTaken(
                after.id(),
                step.name(),
                after.status().name(),
                after.agency(),
                after.region(),
                caller.subject(),
                at,
                details.reasons(),
                details.caseNumber(),
                after.referredTo(),
                after.operationId());
        EventType type = EventType.fromCeType(step.eventType()).orElseThrow();
        Document event = outbox.entry(
                Topics.PLATFORM_CLUES,
                Envelope.of(CaseServiceApplication.EVENT_SOURCE, after.agency(), after.region(), type, payload));
        if (!store.update(after, entry, List.of(event), outbox)) {
            throw stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    private RuntimeException problem(ClueStepRefused refused, Clue.Step step) {
        return switch (refused.reason()) {
            case NOT_NOW ->
                new ConflictException(
                        "step-not-allowed",
                        texts.get("clue.step-not-allowed", refused.status(), step.path()),
                        Map.of(
                                "state",
                                refused.status().name(),
                                "allowedSteps",
                                refused.allowedSteps().stream()
                                        .map(Clue.Step::path)
                                        .toList()));
            case INCOMPLETE ->
                new InvalidRequestException(refused.missing().stream()
                        .map(m -> new FieldError(
                                m.field(), texts.get(m.textKey(), m.args().toArray()), m.value()))
                        .toList());
        };
    }

    /**
     * The agency a clue was referred to records it as its own clue, received now: its own handling clock starts
     * with it. The reporter's identity stays with the agency that received the report.
     */
    private void receiveAsOwn(Clue referred, Caller caller, Instant at) {
        Agency to = referred.referredTo();
        String id = ClueRecording.ownId(to, "REF", referred.id());
        Clue own = Clue.builder()
                .id(id)
                .agency(to)
                .region(referred.region())
                .source(cn.wildlife.events.ClueSource.AGENCY_INTELLIGENCE)
                .receivedAt(at)
                .recordedAt(at)
                .place(referred.place())
                .speciesCodes(referred.speciesCodes())
                .behaviours(referred.behaviours())
                .summary(referred.summary())
                .channel(cn.wildlife.events.clue.ClueRecorded.Channel.REST)
                .referredFrom(referred.id())
                .identifiers(referred.identifiers())
                .people(referred.people())
                .evidence(referred.evidence())
                .operationId(referred.operationId())
                .fromInspection(referred.fromInspection())
                .build();
        recording.recordOnce(own);
    }

    private ConflictException stale(Clue current) {
        return new ConflictException(
                "concurrent-update",
                texts.get("clue.stale", current.version(), current.status()),
                Map.of(
                        "state",
                        current.status().name(),
                        "version",
                        current.version(),
                        "allowedSteps",
                        current.allowedSteps().stream().map(Clue.Step::path).toList()));
    }
}
