package cn.wildlife.caseservice.transfer;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.transfer.domain.Actor;
import cn.wildlife.caseservice.transfer.domain.Transfer;
import cn.wildlife.caseservice.transfer.domain.TransferRefused;
import cn.wildlife.caseservice.transfer.domain.TransferStep;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.transfer.TransferStepTaken;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * Takes transfer steps and announces each on {@code platform.transfers} in the same write, where
 * notification-service opens and closes the legal clocks. A refused step says why: 409 with the state and the
 * allowed steps when the state forbids it, 403 when it is another party's turn.
 */
@Service
public class TransferWorkflow {

    private final TransferStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public TransferWorkflow(TransferStore store, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public Transfer report(String caseNumber, String summary, Actor actor) {
        String id = "TR-" + actor.region().code() + "-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        Transfer transfer;
        try {
            transfer = Transfer.report(id, caseNumber, summary, actor, clock.instant());
        } catch (TransferRefused refused) {
            throw new AccessDeniedProblem("not-a-sender", refused.getMessage());
        }
        store.insert(transfer, List.of(announce(transfer, "REPORT", "cn.wildlife.transfer.reported.v1")), outbox);
        relay.wake();
        return transfer;
    }

    public Transfer returnToAgency(String caseNumber, String summary, Actor police, cn.wildlife.events.Agency agency,
                                   String agencyRegion, List<String> reasons) {
        String id = "TR-" + police.region().code() + "-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        Transfer transfer;
        try {
            transfer = Transfer.returnToAgency(id, caseNumber, summary, police, agency, agencyRegion, reasons,
                    clock.instant());
        } catch (TransferRefused refused) {
            throw refused.reason() == TransferRefused.Reason.INCOMPLETE
                    ? new InvalidRequestException(refused.getMessage().contains("reasons") ? "reasons" : "toAgency",
                            refused.getMessage(), null)
                    : new AccessDeniedProblem("not-police", refused.getMessage());
        }
        store.insert(transfer, List.of(announce(transfer, "RETURN", "cn.wildlife.transfer.returned.v1")), outbox);
        relay.wake();
        return transfer;
    }

    public Transfer take(String id, TransferStep step, Actor actor, Transfer.Details details, Long expectedVersion) {
        Transfer before = store.find(id).orElseThrow(() -> new RecordNotFoundException("transfer", id));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw stale(before);
        }
        Transfer after;
        try {
            after = before.take(step, actor, details, clock.instant());
        } catch (TransferRefused refused) {
            throw switch (refused.reason()) {
                case NOT_NOW -> new ConflictException("step-not-allowed", refused.getMessage(), Map.of(
                        "state", refused.state().name(),
                        "allowedSteps", refused.allowed().stream().map(TransferStep::path).toList()));
                case NOT_YOUR_TURN -> new AccessDeniedProblem("not-your-turn", refused.getMessage());
                case INCOMPLETE -> new InvalidRequestException(step == TransferStep.TRANSFER ? "packageParts"
                        : step == TransferStep.PASS_ON ? "passOnTo" : "reasons", refused.getMessage(), null);
            };
        }
        List<Document> events = step.eventTypes().stream().map(type -> announce(after, step.name(), type)).toList();
        if (!store.update(after, events, outbox)) {
            throw stale(store.find(id).orElse(before));
        }
        relay.wake();
        return after;
    }

    private ConflictException stale(Transfer current) {
        return new ConflictException("concurrent-update", "the transfer changed meanwhile (now version "
                + current.version() + ", " + current.state() + "); read it again and decide anew",
                Map.of("state", current.state().name(), "version", current.version()));
    }

    private Document announce(Transfer t, String step, String ceType) {
        Transfer.Entry last = t.history().get(t.history().size() - 1);
        EventType type = EventType.fromCeType(ceType).orElseThrow();
        TransferStepTaken payload = new TransferStepTaken(t.id(), step, t.state().name(), t.caseNumber(),
                t.sendingAgency(), t.sendingRegion(), t.receivingRegion(), last.by(), last.byAgency(), last.at(),
                last.reasons(), t.packageParts().stream().map(Enum::name).sorted().toList());
        return outbox.entry(Topics.PLATFORM_TRANSFERS, Envelope.of(CaseServiceApplication.EVENT_SOURCE, t.sendingAgency(), t.sendingRegion(),
                type, payload));
    }
}
