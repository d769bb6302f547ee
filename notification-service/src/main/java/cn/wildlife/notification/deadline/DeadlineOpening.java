package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.clue.ClueStepTaken;
import cn.wildlife.events.deadline.DeadlineOpened;
import cn.wildlife.events.inspection.RectificationChanged;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.events.transfer.TransferStepTaken;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Opens the deadlines an event starts, by the rules in the catalogue, each exactly once. */
@Service
public class DeadlineOpening {

    private final RuleCatalogue rules;
    private final DeadlineStore store;
    private final DueDateCalculator calculator;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final DeadlineClocks clocks;
    private final CalendarGaps gaps;
    private final java.time.Clock clock;

    public DeadlineOpening(
            RuleCatalogue rules,
            DeadlineStore store,
            DueDateCalculator calculator,
            Outbox outbox,
            OutboxRelay relay,
            DeadlineClocks clocks,
            CalendarGaps gaps,
            java.time.Clock clock) {
        this.rules = rules;
        this.store = store;
        this.calculator = calculator;
        this.outbox = outbox;
        this.relay = relay;
        this.clocks = clocks;
        this.gaps = gaps;
        this.clock = clock;
    }

    /**
     * The facts a clock needs from the event that starts it. {@code dueAt} is set when the event itself fixes the
     * due time (a rectification order sets its own deadline, an operation's plan its report dates: no law gives a
     * number of days); it then wins over the rule's amount. {@code label} tells apart the clocks one event opens under
     * one rule (an operation's reports and patrols); {@code watchers} says whom each watcher a rule may name (e.g.
     * LEAD_OFFICE) stands for with this subject, so that the applicable rule version picks who is told of a miss.
     */
    record Opening(
            String subjectId,
            Agency agency,
            String region,
            Instant startedAt,
            @Nullable Instant dueAt,
            @Nullable String label,
            Map<String, String> watchers) {

        Opening(String subjectId, Agency agency, String region, Instant startedAt) {
            this(subjectId, agency, region, startedAt, null, null, Map.of());
        }

        Opening(String subjectId, Agency agency, String region, Instant startedAt, @Nullable Instant dueAt) {
            this(subjectId, agency, region, startedAt, dueAt, null, Map.of());
        }

        /**
         * The addressees of the rule's watchers, each once: the supervision office is the one over the subject's
         * province wherever the subject is; a lead office only where the subject has one (an operation's clocks).
         */
        List<String> watchersOf(DeadlineRule rule) {
            String supervision = Agency.SUPERVISION_OFFICE.name() + "@"
                    + new cn.wildlife.events.RegionCode(region)
                            .parent()
                            .parent()
                            .code();
            return rule.watchers().stream()
                    .map(w -> watchers.getOrDefault(w, "SUPERVISION_OFFICE".equals(w) ? supervision : null))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
        }
    }

    /**
     * Closes the clocks the event fulfils, pauses or resumes those it stops or restarts, then opens those it starts;
     * returns how many it opened (0 when none, or when they are open already: a redelivered event changes nothing).
     */
    public int apply(Envelope<?> event) {
        return applyAll(List.of(event));
    }

    /**
     * Applies events in order as {@link #apply} does each, with the clocks they open written together: one read of
     * kept fulfilments, one insert and one look again for all of them instead of three requests per clock. The
     * clocks gathered so far are opened before an event that closes, pauses or resumes one, so every clock is
     * open before anything later in the batch touches it. Returns how many it opened.
     */
    public int applyAll(List<Envelope<?>> events) {
        List<Prepared> gathered = new ArrayList<>();
        int opened = 0;
        for (Envelope<?> event : events) {
            if (touchesRunningClocks(event)) {
                opened += openAll(gathered);
                gathered.clear();
                closeFulfilled(event);
                pauseOrResume(event);
            }
            String type = event.type().ceType();
            List<String> ruleIds = rules.active().stream()
                    .filter(rule -> rule.opensOn().equals(type))
                    .map(DeadlineRule::id)
                    .distinct()
                    .toList();
            for (String ruleId : ruleIds) {
                DeadlineRule any = rules.active().stream()
                        .filter(r -> r.id().equals(ruleId))
                        .findFirst()
                        .orElseThrow();
                for (Opening facts : openingsOf(event, any)) {
                    prepare(event, ruleId, type, facts).ifPresent(gathered::add);
                }
            }
        }
        opened += openAll(gathered);
        if (opened > 0) {
            relay.wake();
        }
        return opened;
    }

    /** A clock to open: the deadline as the rule sets it, before the store was asked about it. */
    private record Prepared(Envelope<?> event, DeadlineRule rule, Opening facts, Deadline deadline) {}

    private boolean touchesRunningClocks(Envelope<?> event) {
        String type = event.type().ceType();
        return rules.active().stream()
                .anyMatch(rule -> rule.closesOn().contains(type)
                        || rule.pausesOn().contains(type)
                        || rule.resumesOn().contains(type));
    }

    private Optional<Prepared> prepare(Envelope<?> event, String ruleId, String type, Opening facts) {
        // A province's own version of the rule, where it has one, else the national rule.
        DeadlineRule rule = rules.applicable(ruleId, facts.region()).orElse(null);
        if (rule == null || !rule.opensFor(type, facts.agency().name())) {
            return Optional.empty();
        }
        Deadline deadline = facts.dueAt() != null
                ? Deadline.openUntil(
                        rule,
                        facts.subjectId(),
                        facts.agency(),
                        facts.region(),
                        event.id(),
                        facts.startedAt(),
                        facts.dueAt())
                : Deadline.open(
                        rule,
                        facts.subjectId(),
                        facts.agency(),
                        facts.region(),
                        event.id(),
                        facts.startedAt(),
                        calculator);
        if (facts.label() != null) {
            deadline = deadline.titled(rule.title() + "：" + facts.label());
        }
        return Optional.of(new Prepared(event, rule, facts, deadline));
    }

    /** Opens the clocks, each once (the first event to open a clock in a batch opens it); returns how many. */
    private int openAll(List<Prepared> gathered) {
        if (gathered.isEmpty()) {
            return 0;
        }
        Map<String, Prepared> byId = new LinkedHashMap<>();
        gathered.forEach(p -> byId.putIfAbsent(p.deadline().id(), p));
        // Their fulfilment may have come first (another topic, a replay): then the clock opens already closed.
        Map<String, DeadlineStore.Fulfilment> kept = store.fulfilments(byId.keySet());
        List<DeadlineStore.NewDeadline> inserts = new ArrayList<>();
        Set<String> fulfilledFirst = new HashSet<>();
        for (Prepared p : byId.values()) {
            Deadline deadline = p.deadline();
            DeadlineStore.Fulfilment fulfilled = kept.get(deadline.id());
            if (fulfilled != null && !fulfilled.at().isBefore(p.facts().startedAt())) {
                deadline = deadline.fulfilledBeforeOpening(fulfilled.eventId(), fulfilled.at());
                fulfilledFirst.add(deadline.id());
            }
            DeadlineRule rule = p.rule();
            DeadlineOpened announced = new DeadlineOpened(
                    deadline.id(),
                    rule.id(),
                    rule.version(),
                    rule.legalBasis(),
                    rule.subjectType(),
                    p.facts().subjectId(),
                    p.facts().agency(),
                    p.facts().region(),
                    deadline.startedAt(),
                    deadline.dueAt(),
                    deadline.provisional());
            Envelope<?> event = p.event();
            Envelope<DeadlineOpened> envelope = Envelope.of(
                            NotificationServiceApplication.EVENT_SOURCE,
                            p.facts().agency(),
                            p.facts().region(),
                            announced)
                    .withCorrelation(
                            event.correlationId() != null ? event.correlationId() : event.id(), event.traceparent());
            inserts.add(new DeadlineStore.NewDeadline(
                    deadline, rule, p.facts().watchersOf(rule), outbox.entry(Topics.PLATFORM_DEADLINES, envelope)));
        }
        Set<String> opened = store.insertAll(inserts, outbox);
        List<String> lookAgain = new ArrayList<>();
        for (DeadlineStore.NewDeadline inserted : inserts) {
            Deadline deadline = inserted.deadline();
            if (!opened.contains(deadline.id())) {
                continue;
            }
            if (deadline.provisional()) {
                DeadlineRule rule = inserted.rule();
                gaps.raiseOnce(
                        calculator
                                .due(deadline.startedAt(), rule.amount(), rule.unit())
                                .missingYears(),
                        deadline,
                        deadline.dueAt());
            }
            if (fulfilledFirst.contains(deadline.id())) {
                // Consumed: the clock holds the fact now.
                store.forgetFulfilment(deadline.id());
            } else {
                lookAgain.add(deadline.id());
            }
        }
        // A fulfilment may have been kept while these clocks were being opened: look once more.
        if (!lookAgain.isEmpty()) {
            store.fulfilments(lookAgain).forEach((id, f) -> {
                if (!f.at().isBefore(byId.get(id).facts().startedAt())) {
                    store.close(id, f.eventId(), f.at());
                    store.forgetFulfilment(id);
                }
            });
        }
        return opened.size();
    }

    private void closeFulfilled(Envelope<?> event) {
        String type = event.type().ceType();
        List<DeadlineRule> fulfilled = rules.active().stream()
                .filter(rule -> rule.closesOn().contains(type))
                .filter(distinctBy(DeadlineRule::id))
                .toList();
        for (DeadlineRule rule : fulfilled) {
            Optional<OperationClocks.Fulfilled> fact = fulfilmentOf(event, rule);
            if (fact.isEmpty()) {
                continue;
            }
            String id = Deadline.idFor(rule.id(), fact.get().subjectId());
            Instant at = fact.get().at();
            if (store.close(id, event.id(), at) == DeadlineStore.Closing.NOT_OPENED) {
                // Kept for the opening event still to come; then closed if that clock opened meanwhile.
                store.recordFulfilment(id, new DeadlineStore.Fulfilment(event.id(), type, at), clock.instant());
                if (store.close(id, event.id(), at) != DeadlineStore.Closing.NOT_OPENED) {
                    store.forgetFulfilment(id);
                }
            }
        }
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, ?> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    /** Which clock of the rule the event fulfils, and when the fulfilling fact happened. */
    private static Optional<OperationClocks.Fulfilled> fulfilmentOf(Envelope<?> event, DeadlineRule rule) {
        if (event.data() instanceof ReportSubmitted report) {
            return OperationClocks.fulfilledBy(report, rule.subjectType());
        }
        if (event.data() instanceof SortieRecorded sortie) {
            return OperationClocks.fulfilledBy(sortie, rule.subjectType());
        }
        String subject = subjectOf(event);
        if (subject == null) {
            return Optional.empty();
        }
        Instant at = event.data() instanceof TransferStepTaken step
                ? step.takenAt()
                : event.data() instanceof ClueStepTaken clueStep
                        ? clueStep.takenAt()
                        : event.data() instanceof CaseChanged change
                                ? change.changedAt()
                                : event.data() instanceof RectificationChanged order && order.reinspectedAt() != null
                                        ? order.reinspectedAt()
                                        : event.time().toInstant();
        return Optional.of(new OperationClocks.Fulfilled(subject, at));
    }

    /** A case's appraisal, hearing or suspension starting or ending stops or restarts the clocks whose rule says so. */
    private void pauseOrResume(Envelope<?> event) {
        String type = event.type().ceType();
        if (!(event.data() instanceof CaseChanged change)
                || rules.active().stream()
                        .noneMatch(rule -> rule.pausesOn().contains(type)
                                || rule.resumesOn().contains(type))) {
            return;
        }
        clocks.onPauseOrResume(change.caseId(), type, event.id(), change.changedAt());
    }

    private static String subjectOf(Envelope<?> event) {
        if (event.data() instanceof ClueRecorded clue) {
            return clue.clueId();
        }
        if (event.data() instanceof TransferStepTaken step) {
            return step.transferId();
        }
        if (event.data() instanceof ClueStepTaken step) {
            return step.clueId();
        }
        if (event.data() instanceof CaseChanged change) {
            return change.caseId();
        }
        if (event.data() instanceof RectificationChanged order) {
            return order.orderId();
        }
        return null;
    }

    /**
     * The facts a rule's clock needs from the event. Clues start when the agency received them (自收到材料之日起);
     * a transfer's clock belongs to the party whose turn it is: the sender, or the receiving police.
     */
    private static List<Opening> openingsOf(Envelope<?> event, DeadlineRule rule) {
        if (event.data() instanceof OperationChanged op) {
            return switch (rule.subjectType()) {
                case OperationClocks.MONTHLY_REPORT, OperationClocks.FINAL_REPORT ->
                    OperationClocks.reports(op, rule.subjectType());
                case OperationClocks.PATROL -> OperationClocks.patrols(op);
                default -> List.of();
            };
        }
        return openingOf(event, rule).stream().toList();
    }

    private static Optional<Opening> openingOf(Envelope<?> event, DeadlineRule rule) {
        if (event.data() instanceof ClueRecorded clue) {
            return Optional.of(new Opening(clue.clueId(), clue.agency(), clue.region(), clue.receivedAt()));
        }
        if (event.data() instanceof TransferStepTaken step) {
            boolean police = "RECEIVING_AGENCY".equals(rule.responsible());
            return Optional.of(new Opening(
                    step.transferId(),
                    police ? Agency.PUBLIC_SECURITY : step.sendingAgency(),
                    police ? step.receivingRegion() : step.sendingRegion(),
                    step.takenAt()));
        }
        if (event.data() instanceof CaseChanged change) {
            // Art. 60 counts from the filing of the case (立案之日), not from when the platform heard of it.
            return Optional.of(new Opening(change.caseId(), change.agency(), change.region(), change.openedAt()));
        }
        if (event.data() instanceof RectificationChanged order) {
            // The supervising forestry bureau answers for following the order up.
            return Optional.of(
                    new Opening(order.orderId(), Agency.FORESTRY, order.region(), order.orderedAt(), order.dueAt()));
        }
        return Optional.empty();
    }
}
