package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.deadline.DeadlineOpened;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Opens the deadlines an event starts, by the rules in the catalogue, each exactly once. */
@Service
public class DeadlineOpening {

    static final URI SOURCE = URI.create("urn:cn.wildlife:" + NotificationServiceApplication.NAME);

    private final RuleCatalogue rules;
    private final DeadlineStore store;
    private final DueDateCalculator calculator;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public DeadlineOpening(RuleCatalogue rules, DeadlineStore store, DueDateCalculator calculator, Outbox outbox,
                           OutboxRelay relay) {
        this.rules = rules;
        this.store = store;
        this.calculator = calculator;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** The facts a clock needs from the event that starts it. */
    record Opening(String subjectId, Agency agency, String region, Instant startedAt) {
    }

    /** Returns how many deadlines the event opened (0 when it opens none or they are open already). */
    public int apply(Envelope<?> event) {
        Optional<Opening> opening = openingOf(event);
        if (opening.isEmpty()) {
            return 0;
        }
        Opening facts = opening.get();
        int opened = 0;
        for (DeadlineRule rule : rules.openedBy(event.type().ceType(), facts.agency().name())) {
            Deadline deadline = Deadline.open(rule, facts.subjectId(), facts.agency(), facts.region(), event.id(),
                    facts.startedAt(), calculator);
            DeadlineOpened announced = new DeadlineOpened(deadline.id(), rule.id(), rule.version(),
                    rule.legalBasis(), rule.subjectType(), facts.subjectId(), facts.agency(), facts.region(),
                    deadline.startedAt(), deadline.dueAt(), deadline.provisional());
            Envelope<DeadlineOpened> envelope = Envelope.of(SOURCE, facts.agency(), facts.region(), announced)
                    .withCorrelation(event.correlationId() != null ? event.correlationId() : event.id(),
                            event.traceparent());
            if (store.insert(deadline, outbox.entry(Topics.PLATFORM_DEADLINES, envelope), outbox)) {
                opened++;
            }
        }
        if (opened > 0) {
            relay.wake();
        }
        return opened;
    }

    /** Clues start their clock when the agency received them (自收到材料之日起), not when the platform heard. */
    private static Optional<Opening> openingOf(Envelope<?> event) {
        if (event.data() instanceof ClueRecorded clue) {
            return Optional.of(new Opening(clue.clueId(), clue.agency(), clue.region(), clue.receivedAt()));
        }
        return Optional.empty();
    }
}
