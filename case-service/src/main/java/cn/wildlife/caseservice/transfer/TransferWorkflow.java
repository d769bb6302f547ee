package cn.wildlife.caseservice.transfer;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.transfer.domain.Actor;
import cn.wildlife.caseservice.transfer.domain.PackagePart;
import cn.wildlife.caseservice.transfer.domain.Transfer;
import cn.wildlife.caseservice.transfer.domain.TransferRefused;
import cn.wildlife.caseservice.transfer.domain.TransferStep;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.transfer.TransferStepRequested;
import cn.wildlife.events.transfer.TransferStepTaken;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
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
    private final Texts texts;

    public TransferWorkflow(TransferStore store, Outbox outbox, OutboxRelay relay, Clock clock, Texts texts) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    public Transfer report(String caseNumber, String summary, Actor actor) {
        return report(newId(actor), caseNumber, summary, actor, null);
    }

    private Transfer report(String id, String caseNumber, String summary, Actor actor, @Nullable String eventId) {
        Transfer transfer;
        try {
            transfer = Transfer.report(id, caseNumber, summary, actor, clock.instant());
        } catch (TransferRefused refused) {
            throw new AccessDeniedProblem("not-a-sender", text(refused));
        }
        store.insert(
                transfer, List.of(announce(transfer, "REPORT", "cn.wildlife.transfer.reported.v1")), outbox, eventId);
        relay.wake();
        return transfer;
    }

    public Transfer returnToAgency(
            String caseNumber,
            String summary,
            Actor police,
            cn.wildlife.events.Agency agency,
            String agencyRegion,
            List<String> reasons) {
        return returnToAgency(newId(police), caseNumber, summary, police, agency, agencyRegion, reasons, null);
    }

    private Transfer returnToAgency(
            String id,
            String caseNumber,
            String summary,
            Actor police,
            cn.wildlife.events.Agency agency,
            String agencyRegion,
            List<String> reasons,
            @Nullable String eventId) {
        Transfer transfer;
        try {
            transfer = Transfer.returnToAgency(
                    id, caseNumber, summary, police, agency, agencyRegion, reasons, clock.instant());
        } catch (TransferRefused refused) {
            throw refused.reason() == TransferRefused.Reason.INCOMPLETE
                    ? new InvalidRequestException(
                            refused.key().equals("return-reasons") ? "reasons" : "toAgency", text(refused), null)
                    : new AccessDeniedProblem("not-police", text(refused));
        }
        store.insert(
                transfer, List.of(announce(transfer, "RETURN", "cn.wildlife.transfer.returned.v1")), outbox, eventId);
        relay.wake();
        return transfer;
    }

    public Transfer take(String id, TransferStep step, Actor actor, Transfer.Details details, Long expectedVersion) {
        return take(id, step, actor, details, expectedVersion, null);
    }

    /**
     * The event door: an agency's system takes a step for its agency. Applied once per event (a report's transfer id
     * is derived from the event id; a step records the event id with its change); a step the state machine refuses
     * goes to the dead-letter topic with the reason a REST caller would have got.
     */
    public void apply(Envelope<TransferStepRequested> event) {
        TransferStepRequested r = event.data();
        if (event.agency() == null) {
            throw new InvalidEventException("a transfer step needs the agency extension");
        }
        Actor actor = new Actor(r.takenBy(), event.agency(), new RegionCode(r.region()), r.head());
        try {
            switch (r.step()) {
                case "REPORT" -> {
                    String id = idFor(event, r.region());
                    if (store.find(id).isEmpty()) {
                        report(
                                id,
                                required(r.caseNumber(), "caseNumber"),
                                required(r.summary(), "summary"),
                                actor,
                                event.id());
                    }
                }
                case "RETURN" -> {
                    String id = idFor(event, r.region());
                    if (store.find(id).isEmpty()) {
                        returnToAgency(
                                id,
                                required(r.caseNumber(), "caseNumber"),
                                required(r.summary(), "summary"),
                                actor,
                                r.toAgency(),
                                required(r.toRegion(), "toRegion"),
                                r.reasons(),
                                event.id());
                    }
                }
                default -> {
                    TransferStep step = java.util.Arrays.stream(TransferStep.values())
                            .filter(s -> s.name().equals(r.step()))
                            .findFirst()
                            .orElseThrow(() -> new InvalidEventException("unknown transfer step " + r.step()));
                    String id = required(r.transferId(), "transferId");
                    if (store.applied(id, event.id())) {
                        return;
                    }
                    java.util.Set<PackagePart> parts = r.packageParts().stream()
                            .map(PackagePart::valueOf)
                            .collect(java.util.stream.Collectors.toSet());
                    for (int attempt = 0; ; attempt++) {
                        try {
                            take(
                                    id,
                                    step,
                                    actor,
                                    new Transfer.Details(
                                            r.reasons(), parts, step == TransferStep.PASS_ON ? r.toRegion() : null),
                                    null,
                                    event.id());
                            return;
                        } catch (ConflictException e) {
                            // Someone changed it between read and write: applied by a redelivery, or an officer's
                            // step; read again and decide again, as a REST caller would.
                            if (store.applied(id, event.id())) {
                                return;
                            }
                            if (!"concurrent-update".equals(e.code()) || attempt >= 3) {
                                throw e;
                            }
                        }
                    }
                }
            }
        } catch (ConflictException | AccessDeniedProblem | InvalidRequestException | RecordNotFoundException e) {
            throw new InvalidEventException(
                    "transfer step " + r.step() + " refused: " + e.getMessage()
                            + (e instanceof InvalidRequestException invalid ? " " + invalid.errors() : ""),
                    e);
        }
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is required for this step");
        }
        return value;
    }

    private static String newId(Actor actor) {
        return "TR-" + actor.region().code() + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The same report event always names the same transfer. */
    private static String idFor(Envelope<?> event, String region) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(event.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "TR-" + region + "-"
                    + java.util.HexFormat.of().formatHex(hash).substring(0, 8).toUpperCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Transfer take(
            String id,
            TransferStep step,
            Actor actor,
            Transfer.Details details,
            @Nullable Long expectedVersion,
            @Nullable String eventId) {
        Transfer before = store.find(id).orElseThrow(() -> new RecordNotFoundException("transfer", id));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw stale(before);
        }
        Transfer after;
        try {
            after = before.take(step, actor, details, clock.instant());
        } catch (TransferRefused refused) {
            throw switch (refused.reason()) {
                case NOT_NOW ->
                    new ConflictException(
                            "step-not-allowed",
                            text(refused),
                            Map.of(
                                    "state", refused.state().name(),
                                    "allowedSteps",
                                            refused.allowed().stream()
                                                    .map(TransferStep::path)
                                                    .toList()));
                case NOT_YOUR_TURN -> new AccessDeniedProblem("not-your-turn", text(refused));
                case INCOMPLETE ->
                    new InvalidRequestException(
                            step == TransferStep.TRANSFER
                                    ? "packageParts"
                                    : step == TransferStep.PASS_ON ? "passOnTo" : "reasons",
                            text(refused),
                            null);
            };
        }
        List<Document> events = step.eventTypes().stream()
                .map(type -> announce(after, step.name(), type))
                .toList();
        if (!store.update(after, events, outbox, eventId)) {
            throw stale(store.find(id).orElse(before));
        }
        relay.wake();
        return after;
    }

    private String text(TransferRefused refused) {
        return texts.get("transfer." + refused.key(), refused.args());
    }

    private ConflictException stale(Transfer current) {
        return new ConflictException(
                "concurrent-update",
                texts.get("transfer.stale", current.version(), current.state()),
                Map.of(
                        "state",
                        current.state().name(),
                        "version",
                        current.version(),
                        "allowedSteps",
                        current.allowedSteps().stream().map(TransferStep::path).toList()));
    }

    private Document announce(Transfer t, String step, String ceType) {
        Transfer.Entry last = t.history().get(t.history().size() - 1);
        EventType type = EventType.fromCeType(ceType).orElseThrow();
        TransferStepTaken payload = new TransferStepTaken(
                t.id(),
                step,
                t.state().name(),
                t.caseNumber(),
                t.sendingAgency(),
                t.sendingRegion(),
                t.receivingRegion(),
                last.by(),
                last.byAgency(),
                last.at(),
                last.reasons(),
                t.packageParts().stream().map(Enum::name).sorted().toList());
        return outbox.entry(
                Topics.PLATFORM_TRANSFERS,
                Envelope.of(CaseServiceApplication.EVENT_SOURCE, t.sendingAgency(), t.sendingRegion(), type, payload));
    }
}
