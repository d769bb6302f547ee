package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.deadline.DeadlineExtended;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.calendar.CalendarYearLoaded;
import cn.wildlife.notification.calendar.domain.DueDateCalculator;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineClock;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Moves running clocks: pauses and resumes from case events, extensions approved by an agency head, recomputation
 * when a missing year's calendar is loaded. Every move recomputes the due time from the whole clock, is one
 * version-checked write with its history entry (and event), and reschedules the alerts: a clock that moved after an
 * alert starts a new round of alerts, so the new due time is warned about and missed (or not) on its own.
 */
@Service
public class DeadlineClocks {

    private static final Logger log = LoggerFactory.getLogger(DeadlineClocks.class);
    private static final int ATTEMPTS = 5;

    private final DeadlineStore store;
    private final DueDateCalculator calculator;
    private final CalendarGaps gaps;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final DeadlineBackfill backfill;
    private final Texts texts;

    DeadlineClocks(
            DeadlineStore store,
            DueDateCalculator calculator,
            CalendarGaps gaps,
            Outbox outbox,
            OutboxRelay relay,
            Clock clock,
            DeadlineBackfill backfill,
            Texts texts) {
        this.backfill = backfill;
        this.store = store;
        this.calculator = calculator;
        this.gaps = gaps;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    /** A change of one clock: the new clock, its history entry and the events announcing it. */
    private record Move(
            DeadlineClock clock, String change, @Nullable String by, String note, List<Envelope<?>> events) {}

    /** What computing a move wants from the deadline as it stands. */
    @FunctionalInterface
    private interface Mover {
        @Nullable
        Move apply(Deadline current, Instant now);
    }

    /**
     * A case event that may pause or resume clocks of its subject ({@code at}: when the appraisal, hearing or
     * suspension started or ended). Applied once per event; a clock whose rule names neither is left alone.
     */
    public void onPauseOrResume(String subjectId, String eventType, String eventId, Instant at) {
        for (String id : store.notClosedOn(subjectId)) {
            Optional<Document> doc = read(id);
            if (doc.isEmpty()) {
                continue;
            }
            boolean pauses =
                    doc.get().getList("pausesOn", String.class, List.of()).contains(eventType);
            boolean resumes =
                    doc.get().getList("resumesOn", String.class, List.of()).contains(eventType);
            if (!pauses && !resumes) {
                continue;
            }
            move(id, eventId, (current, now) -> {
                DeadlineClock before = current.clock();
                if (pauses) {
                    if (before.pauseOpen()) {
                        return null;
                    }
                    DeadlineClock after = before.pausedAt(eventType, at, current.dueAt());
                    boolean counted = after.paused();
                    return new Move(
                            after,
                            "PAUSED",
                            null,
                            counted
                                    ? "paused by " + eventType
                                    : "began after the deadline had run out: not counted (" + eventType + ")",
                            List.of());
                }
                if (!before.pauseOpen()) {
                    return null;
                }
                return new Move(before.resumedAt(at), "RESUMED", null, "resumed by " + eventType, List.of());
            });
        }
    }

    /**
     * Grants one of the rule's allowed extensions, approved by {@code grantedBy} under {@code approvalReference};
     * announced on {@code platform.deadlines}. Throws {@link DeadlineClock.ExtensionRefused} for an extension the
     * rule does not allow (any more), and {@link ClockNotRunning} for a clock that is closed or already overdue.
     */
    public Deadline extend(String id, int number, String approvalReference, String grantedBy) {
        boolean moved = move(id, null, (current, now) -> {
            if (!List.of("OPEN", "APPROACHING", "PAUSED")
                    .contains(current.state().name())) {
                throw new ClockNotRunning(current.state());
            }
            if (current.amount() == null) {
                // A rectification order fixed this date itself; a new date is a new order, not an extension.
                throw new DeadlineClock.ExtensionRefused(
                        DeadlineClock.ExtensionRefused.Reason.UNKNOWN,
                        "the order that opened this clock fixed its date; it has no extensions");
            }
            if (number >= 1
                    && number <= current.allowedExtensions().size()
                    && !current.allowedExtensions()
                            .get(number - 1)
                            .usableBy(current.agency().name())) {
                throw new DeadlineClock.ExtensionRefused(
                        DeadlineClock.ExtensionRefused.Reason.NOT_FOR_AGENCY,
                        texts.get(
                                "extension.not-for-agency",
                                number,
                                String.join(
                                        ", ",
                                        current.allowedExtensions().get(number - 1).agencies().stream()
                                                .sorted()
                                                .toList()),
                                current.agency().name(),
                                String.join(
                                        "、",
                                        current.allowedExtensions().get(number - 1).agencies().stream()
                                                .sorted()
                                                .map(a -> Agency.valueOf(a).label())
                                                .toList()),
                                current.agency().label()));
            }
            DeadlineClock after =
                    current.clock().extendedBy(current.allowedExtensions(), number, approvalReference, grantedBy, now);
            DeadlineClock.Extension granted =
                    after.extensions().get(after.extensions().size() - 1);
            DueDateCalculator.DueDate due = after.due(calculator);
            DeadlineExtended event = new DeadlineExtended(
                    current.id(),
                    current.ruleId(),
                    current.ruleVersion(),
                    current.subjectType(),
                    current.subjectId(),
                    current.agency(),
                    current.region(),
                    number,
                    granted.approval(),
                    approvalReference,
                    grantedBy,
                    now,
                    current.dueAt(),
                    due.dueAt(),
                    after.extensions().size(),
                    due.provisional());
            return new Move(
                    after,
                    "EXTENDED",
                    grantedBy,
                    "extension " + number + " (" + granted.approval() + "), approved under " + approvalReference,
                    List.of(Envelope.of(
                            NotificationServiceApplication.EVENT_SOURCE, current.agency(), current.region(), event)));
        });
        Deadline after = store.find(id).orElseThrow();
        if (!moved) {
            throw new ClockNotRunning(after.state());
        }
        return after;
    }

    /**
     * Recomputes every clock whose due time was provisional once a missing year's calendar is loaded: each is due as
     * if the calendar had been there from the start. Runs in the request that loaded the year, on its instance.
     */
    @EventListener
    public void onCalendarYearLoaded(CalendarYearLoaded loaded) {
        int moved = 0;
        for (String id : store.provisionalNotClosed()) {
            moved += move(
                            id,
                            null,
                            (current, now) -> new Move(
                                    current.clock(),
                                    "RECOMPUTED",
                                    null,
                                    "the holiday calendar of " + loaded.year() + " was loaded",
                                    List.of()))
                    ? 1
                    : 0;
        }
        gaps.loaded(loaded.year());
        log.info("Holiday calendar of {} loaded: {} provisional deadlines recomputed", loaded.year(), moved);
    }

    /** The clock is closed, or overdue: an extension is approved before the period runs out. */
    public static final class ClockNotRunning extends RuntimeException {

        private final Deadline.State state;

        ClockNotRunning(Deadline.State state) {
            super("the deadline is " + state + "; only an open, approaching or paused deadline can be extended");
            this.state = state;
        }

        public Deadline.State state() {
            return state;
        }
    }

    /** A deadline as stored, filled in from its rule first if an earlier version stored it. */
    private Optional<Document> read(String id) {
        Optional<Document> doc = store.document(id);
        if (doc.isPresent() && !doc.get().containsKey("amount") && backfill.fill(doc.get())) {
            return store.document(id);
        }
        return doc;
    }

    /** Applies a move with a version-checked write, again while others change the deadline; false when nothing. */
    private boolean move(String id, @Nullable String eventId, Mover mover) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Document> read = read(id);
            if (read.isEmpty() || !Deadline.State.NOT_CLOSED.contains(read.get().getString("state"))) {
                return false;
            }
            Document doc = read.get();
            if (eventId != null
                    && doc.getList("history", Document.class, List.of()).stream()
                            .anyMatch(h -> eventId.equals(h.getString("eventId")))) {
                return false;
            }
            Deadline current = DeadlineStore.fromDocument(doc);
            Instant now = clock.instant();
            Move move = mover.apply(current, now);
            if (move == null) {
                return false;
            }
            DueDateCalculator.DueDate due = move.clock().due(calculator);
            List<Bson> changes = new ArrayList<>(schedule(doc, current, move.clock(), due));
            changes.add(Updates.set("pauses", DeadlineStore.pauses(move.clock().pauses())));
            changes.add(Updates.set(
                    "extensions", DeadlineStore.extensions(move.clock().extensions())));
            List<Document> entries = move.events().stream()
                    .map(e -> outbox.entry(Topics.PLATFORM_DEADLINES, e))
                    .toList();
            Deadline.Change entry = new Deadline.Change(
                    now, move.change(), eventId, move.by(), due.dueAt(), move.note() + "; " + due.arithmetic());
            if (store.saveMove(id, current.version(), changes, entry, entries, outbox)) {
                if (!entries.isEmpty()) {
                    relay.wake();
                }
                if (due.provisional()) {
                    gaps.raiseOnce(due.missingYears(), current, due.dueAt());
                }
                return true;
            }
        }
        throw new IllegalStateException("deadline " + id + " kept changing; the change is retried");
    }

    /**
     * The due time and the alert schedule after a move. A clock that stands still is PAUSED (the scan skips it) and
     * remembers the state to go back to. One whose due time moved is OPEN again and checked at its earliest warning;
     * if it had raised alerts, a new round begins so the new due time gets its own warning and, if missed, its own
     * overdue alert. One whose due time did not move goes back to where it was.
     */
    private static List<Bson> schedule(
            Document doc, Deadline current, DeadlineClock clock, DueDateCalculator.DueDate due) {
        List<Bson> changes = new ArrayList<>();
        boolean moved = !due.dueAt().equals(current.dueAt());
        int round = doc.getInteger("alertRound", 0);
        String runningState;
        if (moved) {
            List<String> raised = doc.getList("alertsRaised", String.class, List.of());
            if (raised.stream().anyMatch(tag -> Deadline.roundOf(tag) == round)) {
                changes.add(Updates.set("alertRound", round + 1));
            }
            runningState = Deadline.State.OPEN.name();
            List<Duration> warnings = doc.getList("warnBefore", String.class, List.of()).stream()
                    .map(Duration::parse)
                    .toList();
            changes.add(Updates.set(
                    "nextCheckAt", Date.from(DeadlineStore.nextCheck(current.kind(), due.dueAt(), warnings))));
        } else {
            runningState = current.state() == Deadline.State.PAUSED
                    ? doc.get("stateBeforePause", Deadline.State.OPEN.name())
                    : current.state().name();
        }
        if (clock.paused()) {
            changes.add(Updates.set("state", Deadline.State.PAUSED.name()));
            changes.add(Updates.set("stateBeforePause", runningState));
        } else {
            changes.add(Updates.set("state", runningState));
            changes.add(Updates.unset("stateBeforePause"));
        }
        changes.add(Updates.set("dueAt", Date.from(due.dueAt())));
        changes.add(Updates.set(
                "dueDate", due.dueDate() == null ? null : due.dueDate().toString()));
        changes.add(Updates.set("provisional", due.provisional()));
        changes.add(Updates.set("arithmetic", due.arithmetic()));
        return changes;
    }
}
