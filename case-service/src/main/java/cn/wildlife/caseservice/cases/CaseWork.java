package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CasePause;
import cn.wildlife.caseservice.cases.domain.CaseStatus;
import cn.wildlife.caseservice.cases.domain.CustodyAction;
import cn.wildlife.caseservice.link.Linking;
import cn.wildlife.caseservice.species.SpeciesCatalogue;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.transfer.TransferStepTaken;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Everything that happens to a case, by either door. Each change is one write: the case at its next version, a
 * timeline entry saying who did what through which door, and the events announcing it on {@code platform.cases}.
 */
@Service
public class CaseWork {

    /** The flag of the 以罚代刑 check. */
    public static final String PENALTY_INSTEAD_OF_PROSECUTION = "PENALTY_INSTEAD_OF_PROSECUTION";

    private static final Logger log = LoggerFactory.getLogger(CaseWork.class);
    private static final int EVENT_RETRIES = 5;
    private static final int NUMBERING_ATTEMPTS = 20;

    private final CaseStore store;
    private final Linking linking;
    private final SpeciesCatalogue species;
    private final ProsecutionThresholds thresholds;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public CaseWork(CaseStore store, Linking linking, SpeciesCatalogue species, ProsecutionThresholds thresholds,
                    Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.linking = linking;
        this.species = species;
        this.thresholds = thresholds;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** Who changed a case, and through which door. */
    public record ChangedBy(String subject, String name, Agency agency, Door door) {
    }

    /** REST (a person or partner system) or EVENT (an agency's own system, or another platform fact). */
    public enum Door { REST, EVENT }

    /** What a new case says, whichever door it came through. */
    public record NewCase(@Nullable String caseId, CaseKind kind, Agency agency, String region, Instant openedAt,
                          String title, List<Behaviour> behaviours, List<SpeciesCount> species,
                          @Nullable BigDecimal value, List<Case.Party> parties, List<String> evidence,
                          List<Identifier> identifiers, CaseGrade grade, @Nullable String clueId,
                          @Nullable String operationId) {
    }

    /** Opens a case; empty when an agency's event reports a case already recorded (nothing changes then). */
    public Optional<Case> open(NewCase n, ChangedBy by, @Nullable String eventId) {
        if (n.caseId() != null && store.find(n.caseId()).isPresent()) {
            if (eventId != null) {
                return Optional.empty();
            }
            throw new ConflictException("case-exists", text("case.exists", n.caseId()), Map.of("caseId", n.caseId()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (!n.kind().handledBy(n.agency())) {
            errors.add(new FieldError("kind", text("case.kind-not-handled", n.agency(), n.kind()), n.kind()));
        }
        List<SpeciesCount> counted = withLevels("species", n.species(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int year = CaseStore.yearOf(n.openedAt());
        for (int attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt++) {
            long sequence = store.nextSequence(n.agency(), n.region(), year);
            String number = number(n.agency(), n.kind(), n.region(), year, sequence);
            String id = n.caseId() != null ? n.caseId()
                    : n.agency().name() + "-" + n.region() + "-" + year + "-" + String.format("%05d", sequence);
            Case c = new Case(id, number, n.kind(), n.agency(), n.region(), CaseStatus.OPEN, n.openedAt(),
                    n.title(), n.behaviours(), counted, n.value(), n.parties(), n.evidence(), n.identifiers(),
                    n.grade(), List.of(), null, null, n.clueId(), n.operationId(), false, List.of(), 1);
            Instant at = clock.instant();
            List<Document> events = new ArrayList<>();
            // An agency's report carries its event id on as the correlation id: what follows from it can be traced.
            events.add(event(EventType.CASE_OPENED, c, by, at, null, eventId));
            if (c.grade().reportedUpward()) {
                events.add(event(EventType.CASE_REPORTED_UPWARD, c, by, at, superior(c.region()), eventId));
            }
            Document entry = timeline(c, "OPENED", "立案：" + c.title() + "（" + c.number() + "）", by, at,
                    new Document("grade", c.grade().name()).append("clueId", c.clueId()));
            if (store.insert(c, entry, events, outbox, eventId)) {
                relay.wake();
                link(c);
                return Optional.of(c);
            }
            if (n.caseId() != null && store.find(n.caseId()).isPresent()) {
                if (eventId != null) {
                    return Optional.empty();
                }
                throw new ConflictException("case-exists", text("case.exists", n.caseId()),
                        Map.of("caseId", n.caseId()));
            }
            // The number (and with it a generated id) was taken: take the next one.
            log.warn("Case number {} was taken meanwhile; numbering again", number);
        }
        throw new IllegalStateException("no free case number for " + n.agency() + " " + n.region() + " after "
                + NUMBERING_ATTEMPTS + " attempts");
    }

    /** The facts an officer corrects or adds; null leaves a fact as it is. */
    public record Changes(@Nullable String title, @Nullable List<Behaviour> behaviours,
                          @Nullable List<SpeciesCount> species, @Nullable BigDecimal value,
                          @Nullable List<Case.Party> parties, @Nullable List<String> evidence,
                          @Nullable List<Identifier> identifiers, @Nullable CaseGrade grade,
                          @Nullable String operationId) {
    }

    public Case update(Case before, Changes ch, long expectedVersion, ChangedBy by) {
        requireVersion(before, expectedVersion);
        requireNotClosed(before);
        List<FieldError> errors = new ArrayList<>();
        List<SpeciesCount> counted = ch.species() == null ? null : withLevels("species", ch.species(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Case.Builder b = before.toBuilder();
        Map<String, Object> changed = new LinkedHashMap<>();
        if (ch.title() != null) { b.title(ch.title()); changed.put("title", ch.title()); }
        if (ch.behaviours() != null) { b.behaviours(ch.behaviours()); changed.put("behaviours", names(ch.behaviours())); }
        if (counted != null) { b.species(counted); changed.put("species", counted.size()); }
        if (ch.value() != null) { b.value(ch.value()); changed.put("value", ch.value().toPlainString()); }
        // Personal data: the timeline says that the parties changed, not who they are.
        if (ch.parties() != null) { b.parties(ch.parties()); changed.put("parties", ch.parties().size()); }
        if (ch.evidence() != null) { b.evidence(ch.evidence()); changed.put("evidence", ch.evidence().size()); }
        if (ch.identifiers() != null) { b.identifiers(ch.identifiers()); changed.put("identifiers", ch.identifiers().size()); }
        if (ch.grade() != null) { b.grade(ch.grade()); changed.put("grade", ch.grade().name()); }
        if (ch.operationId() != null) { b.operationId(ch.operationId()); changed.put("operationId", ch.operationId()); }
        if (changed.isEmpty()) {
            throw new InvalidRequestException("body", text("case.changes-empty"), null);
        }
        Case after = b.build();
        Instant at = clock.instant();
        List<Document> events = new ArrayList<>(List.of(event(EventType.CASE_UPDATED, after, by, at, null)));
        if (after.grade().reportedUpward() && !before.grade().reportedUpward()) {
            events.add(event(EventType.CASE_REPORTED_UPWARD, after, by, at, superior(after.region())));
        }
        Case saved = save(before, after, "UPDATED", "更新案件信息：" + String.join("、", changed.keySet()), by, at,
                new Document(changed), events);
        if (ch.parties() != null || ch.identifiers() != null) {
            link(saved);
        }
        return saved;
    }

    /** A seized item: what it is and its first custody. */
    public record NewSeizure(cn.wildlife.events.cases.SeizureKind kind, @Nullable String speciesCode,
                             String description, BigDecimal quantity, cn.wildlife.events.cases.QuantityUnit unit,
                             String holder, String location, Instant seizedAt) {
    }

    public Case addSeizure(Case before, NewSeizure s, @Nullable Long expectedVersion, ChangedBy by) {
        if (expectedVersion != null) {
            requireVersion(before, expectedVersion);
        }
        requireNotClosed(before);
        if (s.speciesCode() != null) {
            List<FieldError> errors = species.unknown("speciesCode", List.of(s.speciesCode()));
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(List.of(new FieldError("speciesCode", text("species.unknown"),
                        s.speciesCode())));
            }
        }
        String itemId = before.id() + "-S" + (before.seizures().size() + 1);
        Case.Seizure seizure = new Case.Seizure(itemId, s.kind(), s.speciesCode(), s.description(), s.quantity(),
                s.unit(), List.of(new Case.Custody(CustodyAction.SEIZED, s.holder(), s.location(), s.seizedAt(),
                by.subject(), null)));
        List<Case.Seizure> all = new ArrayList<>(before.seizures());
        all.add(seizure);
        Case after = before.toBuilder().seizures(all).build();
        Instant at = clock.instant();
        return save(before, after, "SEIZURE_RECORDED", "扣押" + s.kind().label() + "：" + s.description() + " "
                        + s.quantity().stripTrailingZeros().toPlainString() + s.unit().label(), by, at,
                new Document("itemId", itemId).append("holder", s.holder()).append("location", s.location()),
                List.of(event(EventType.CASE_SEIZURE_RECORDED, after, by, at, null)));
    }

    public Case recordCustody(Case before, String itemId, Case.Custody custody, ChangedBy by) {
        Case.Seizure item = before.seizures().stream().filter(s -> s.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new cn.wildlife.support.web.RecordNotFoundException("seized item", itemId));
        if (item.last().action().endsChain()) {
            throw new ConflictException("custody-ended", text("custody.ended", itemId, item.last().action(),
                    item.last().at()),
                    Map.of("lastAction", item.last().action().name()));
        }
        if (custody.action() == CustodyAction.SEIZED) {
            throw new InvalidRequestException("action", text("custody.seized-once"), "SEIZED");
        }
        if (custody.at().isBefore(item.last().at())) {
            throw new InvalidRequestException("at", text("custody.before-last", item.last().at()), custody.at());
        }
        Case after = before.toBuilder().seizures(before.seizures().stream()
                .map(s -> s.itemId().equals(itemId) ? s.with(custody) : s).toList()).build();
        Instant at = clock.instant();
        return save(before, after, "CUSTODY_CHANGED", itemId + " " + custody.action().label() + "：" + custody.holder()
                        + "，" + custody.location(), by, at,
                new Document("itemId", itemId).append("action", custody.action().name())
                        .append("holder", custody.holder()).append("location", custody.location()),
                List.of(event(EventType.CASE_SEIZURE_RECORDED, after, by, at, null)));
    }

    /**
     * Records the administrative penalty decision and runs the 以罚代刑 check: a case crossing a prosecution
     * threshold that was never transferred is flagged, and the flag is announced to the procuratorate.
     */
    public Case decidePenalty(Case before, Case.Penalty penalty, long expectedVersion, ChangedBy by) {
        requireVersion(before, expectedVersion);
        if (before.kind() != CaseKind.ADMINISTRATIVE) {
            throw new ConflictException("not-administrative", text("case.not-administrative"),
                    Map.of("kind", before.kind().name()));
        }
        requireStatus(before, "decide-penalty", CaseStatus.OPEN);
        Case decided = before.toBuilder().status(CaseStatus.PENALTY_DECIDED).penalty(penalty).build();
        Instant at = clock.instant();
        List<Document> events = new ArrayList<>(List.of(event(EventType.CASE_PENALTY_DECIDED, decided, by, at,
                null)));
        Document details = new Document("decisionNumber", penalty.decisionNumber())
                .append("fine", penalty.fine().toPlainString()).append("confiscation", penalty.confiscation());
        Case after = flagIfPenaltyInsteadOfProsecution(decided, by, at, events, details);
        return save(before, after, "PENALTY_DECIDED", "作出行政处罚决定 " + penalty.decisionNumber() + "，罚款"
                + penalty.fine().toPlainString() + "元" + (penalty.confiscation() ? "，没收" : ""), by, at, details,
                events);
    }

    public Case close(Case before, String reason, long expectedVersion, ChangedBy by) {
        requireVersion(before, expectedVersion);
        requireStatus(before, "close", CaseStatus.OPEN, CaseStatus.PENALTY_DECIDED, CaseStatus.TRANSFERRED);
        Case after = before.toBuilder().status(CaseStatus.CLOSED).build();
        Instant at = clock.instant();
        return save(before, after, "CLOSED", "结案：" + reason, by, at, new Document("reason", reason),
                List.of(event(EventType.CASE_CLOSED, after, by, at, null)));
    }

    /** 挂牌督办 by a superior region of the same agency, or by the supervision office. */
    public Case listForSupervision(Case before, String note, @Nullable Instant dueBy, RegionCode byRegion,
                                   ChangedBy by) {
        requireNotClosed(before);
        if (before.supervision() != null) {
            throw new ConflictException("already-supervised", text("case.already-supervised",
                    before.supervision().byRegion()), Map.of("byRegion", before.supervision().byRegion()));
        }
        Instant at = clock.instant();
        Case after = before.toBuilder().supervision(new Case.Supervision(byRegion.code(), by.agency(),
                by.subject(), at, note, dueBy)).build();
        return save(before, after, "SUPERVISION_LISTED", "挂牌督办（" + byRegion.code() + "）：" + note, by, at,
                new Document("byRegion", byRegion.code()).append("dueBy", dueBy == null ? null : Date.from(dueBy)),
                List.of(event(EventType.CASE_SUPERVISION_LISTED, after, by, at, byRegion.code())));
    }

    /**
     * Stops the case's clocks for an appraisal, a hearing or a suspension, from {@code since} (when it started, which
     * may be earlier than now). Only an open case's clocks run; one pause at a time.
     */
    public Case startPause(Case before, CasePause.Kind kind, Instant since, String reason, long expectedVersion,
                           ChangedBy by) {
        requireVersion(before, expectedVersion);
        requireStatus(before, "pause its clocks", CaseStatus.OPEN);
        store.pauseOf(before.id()).ifPresent(current -> {
            throw new ConflictException("already-paused", "the case's clocks are already paused for "
                    + current.kind() + " since " + current.since() + "; end that pause first",
                    Map.of("state", "PAUSED", "pausedFor", current.kind().name(), "since", current.since().toString()));
        });
        if (since.isBefore(before.openedAt())) {
            throw new InvalidRequestException("at", "must not be before the case was opened (" + before.openedAt()
                    + ")", since);
        }
        CasePause pause = new CasePause(kind, since, reason, by.subject());
        Case after = before.toBuilder().build();
        Instant at = clock.instant();
        Document entry = timeline(after, "PAUSED", kind.label() + "，期限暂停计算：" + reason, by, at,
                new Document("kind", kind.name()).append("since", Date.from(since)).append("reason", reason));
        if (!store.savePause(after, pause, entry, List.of(event(kind.started(), after, by, since, null)), outbox)) {
            throw stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    /** Ends the pause of that kind at {@code until}: the case's clocks run again, later by the time paused. */
    public Case endPause(Case before, CasePause.Kind kind, Instant until, @Nullable String note, long expectedVersion,
                         ChangedBy by) {
        requireVersion(before, expectedVersion);
        CasePause current = store.pauseOf(before.id()).orElseThrow(() -> new ConflictException("not-paused",
                "the case's clocks are not paused", Map.of("state", "RUNNING")));
        if (current.kind() != kind) {
            throw new ConflictException("paused-for-another-reason", "the case's clocks are paused for "
                    + current.kind() + ", not " + kind, Map.of("state", "PAUSED", "pausedFor", current.kind().name(),
                    "since", current.since().toString()));
        }
        if (until.isBefore(current.since())) {
            throw new InvalidRequestException("at", "must not be before the pause started (" + current.since() + ")",
                    until);
        }
        Case after = before.toBuilder().build();
        Instant at = clock.instant();
        String text = kind.label() + "结束，期限恢复计算" + (note == null || note.isBlank() ? "" : "：" + note);
        Document entry = timeline(after, "RESUMED", text, by, at, new Document("kind", kind.name())
                .append("since", Date.from(current.since())).append("until", Date.from(until)).append("note", note));
        if (!store.savePause(after, null, entry, List.of(event(kind.finished(), after, by, until, null)), outbox)) {
            throw stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    /**
     * A transfer step on {@code platform.transfers}: the case goes with the transfer (status, 以罚代刑 no longer
     * possible) and its seized items are handed over to the police. Applied once per event, retried when an
     * officer's change raced it.
     */
    public void onTransferStep(Envelope<TransferStepTaken> event) {
        TransferStepTaken step = event.data();
        if (!step.step().equals("TRANSFER") && !step.step().equals("HAND_OVER_ITEMS")) {
            return;
        }
        for (int attempt = 0; attempt < EVENT_RETRIES; attempt++) {
            Optional<Case> found = store.findByIdOrNumber(step.caseNumber());
            if (found.isEmpty() || found.get().agency() != step.sendingAgency()) {
                log.debug("Transfer {} names case {}, not a case of the sending agency here", step.transferId(),
                        step.caseNumber());
                return;
            }
            Case before = found.get();
            if (store.applied(before.id(), event.id())) {
                return;
            }
            ChangedBy by = new ChangedBy(step.takenBy(), step.takenBy(), step.takenByAgency(), Door.EVENT);
            Instant at = step.takenAt();
            Case after;
            String change;
            String summary;
            EventType type;
            if (step.step().equals("TRANSFER")) {
                after = before.toBuilder().transferred(true).status(before.status() == CaseStatus.CLOSED
                        ? CaseStatus.CLOSED : CaseStatus.TRANSFERRED).build();
                change = "TRANSFERRED";
                summary = "移送公安机关（" + step.receivingRegion() + "），移送编号 " + step.transferId();
                type = EventType.CASE_TRANSFERRED;
            } else {
                String police = "公安机关（" + step.receivingRegion() + "）";
                after = before.toBuilder().seizures(before.seizures().stream()
                        .map(s -> s.last().action().endsChain() || s.last().action() == CustodyAction.HANDED_OVER ? s
                                : s.with(new Case.Custody(CustodyAction.HANDED_OVER, police, police, at,
                                step.takenBy(), "随案移交，移送编号 " + step.transferId()))).toList()).build();
                change = "CUSTODY_CHANGED";
                summary = "涉案物品随案移交" + police;
                type = EventType.CASE_SEIZURE_RECORDED;
            }
            List<Document> events = List.of(event(type, after, by, clock.instant(), null));
            Document entry = timeline(after, change, summary, by, at, new Document("transferId", step.transferId()));
            if (store.update(after, entry, events, outbox, event.id())) {
                relay.wake();
                return;
            }
        }
        throw new IllegalStateException("case " + step.caseNumber() + " kept changing while applying transfer step "
                + event.id() + "; the event is retried");
    }

    private void link(Case c) {
        linking.register(new Linking.RecordRef("CASE", c.id(), c.agency(), c.region()), c.allIdentifiers());
    }

    private Case flagIfPenaltyInsteadOfProsecution(Case c, ChangedBy by, Instant at, List<Document> events,
                                                   Document details) {
        if (c.transferred() || c.flags().contains(PENALTY_INSTEAD_OF_PROSECUTION)) {
            return c;
        }
        List<ProsecutionThresholds.Threshold> crossed = thresholds.crossedBy(c);
        if (crossed.isEmpty()) {
            return c;
        }
        List<String> flags = new ArrayList<>(c.flags());
        flags.add(PENALTY_INSTEAD_OF_PROSECUTION);
        // Same version: the flag is part of the change that decided the penalty.
        Case flagged = new Case(c.id(), c.number(), c.kind(), c.agency(), c.region(), c.status(), c.openedAt(),
                c.title(), c.behaviours(), c.species(), c.value(), c.parties(), c.evidence(), c.identifiers(), c.grade(),
                c.seizures(), c.supervision(), c.penalty(), c.clueId(), c.operationId(), c.transferred(), flags,
                c.version());
        details.append("thresholdsCrossed", crossed.stream().map(t -> new Document("id", t.id())
                .append("title", t.title()).append("legalSource", t.legalSource())).toList());
        events.add(event(EventType.CASE_PENALTY_INSTEAD_OF_PROSECUTION, flagged, by, at, null));
        return flagged;
    }

    private Case save(Case before, Case after, String change, String summary, ChangedBy by, Instant at,
                      Document details, List<Document> events) {
        if (!store.update(after, timeline(after, change, summary, by, at, details), events, outbox, null)) {
            throw stale(store.find(before.id()).orElse(before));
        }
        relay.wake();
        return after;
    }

    private List<SpeciesCount> withLevels(String field, List<SpeciesCount> counts, List<FieldError> errors) {
        List<SpeciesCount> result = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            SpeciesCount count = counts.get(i);
            var known = species.find(count.speciesCode());
            if (known.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "].speciesCode", text("species.unknown"),
                        count.speciesCode()));
                continue;
            }
            if (count.count() < 0) {
                errors.add(new FieldError(field + "[" + i + "].count", text("count.negative"), count.count()));
            }
            result.add(new SpeciesCount(count.speciesCode(), count.count(), count.unit(),
                    known.get().protectionLevel()));
        }
        return result;
    }

    private Document event(EventType type, Case c, ChangedBy by, Instant at, @Nullable String superiorRegion) {
        return event(type, c, by, at, superiorRegion, null);
    }

    private Document event(EventType type, Case c, ChangedBy by, Instant at, @Nullable String superiorRegion,
                           @Nullable String correlationId) {
        CaseChanged payload = new CaseChanged(c.id(), c.number(), c.kind(), c.agency(), c.region(),
                c.status().name(), c.openedAt(), at, by.subject(), by.door().name(), c.behaviours(), c.species(),
                c.protectionLevel(), c.seizures().stream().map(Case.Seizure::summary).toList(), c.value(),
                c.fines(), c.grade(), superiorRegion, c.clueId(), c.operationId(), c.transferred(), c.flags(),
                c.version());
        return outbox.entry(Topics.PLATFORM_CASES,
                Envelope.of(CaseServiceApplication.EVENT_SOURCE, c.agency(), c.region(), type, payload)
                        .withCorrelation(correlationId, null));
    }

    private static Document timeline(Case c, String change, String summary, ChangedBy by, Instant at,
                                     Document details) {
        return new Document("version", c.version()).append("at", Date.from(at)).append("change", change)
                .append("summary", summary).append("by", by.subject()).append("byName", by.name())
                .append("byAgency", by.agency().name()).append("door", by.door().name())
                .append("details", details);
    }

    private static String superior(String region) {
        return new RegionCode(region).parent().code();
    }

    static String number(Agency agency, CaseKind kind, String region, int year, long sequence) {
        String prefix = switch (agency) {
            case FORESTRY -> "林";
            case PUBLIC_SECURITY -> "公";
            case MARKET_SUPERVISION -> "市监";
            case AGRICULTURE -> "农";
            case PROCURATORATE, SUPERVISION_OFFICE -> throw new IllegalArgumentException(agency + " opens no cases");
        };
        return region + prefix + (kind == CaseKind.CRIMINAL ? "刑" : "行") + "〔" + year + "〕" + sequence + "号";
    }

    private static String text(String key, Object... args) {
        return CaseServiceApplication.TEXTS.get(key, args);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static void requireVersion(Case c, long expected) {
        if (c.version() != expected) {
            throw stale(c);
        }
    }

    private static void requireNotClosed(Case c) {
        if (c.status() == CaseStatus.CLOSED) {
            throw new ConflictException("case-closed", text("case.closed", c.number()),
                    Map.of("state", c.status().name()));
        }
    }

    private static void requireStatus(Case c, String action, CaseStatus... allowed) {
        if (!List.of(allowed).contains(c.status())) {
            throw new ConflictException("step-not-allowed", text("case.step-not-allowed", c.status(), action),
                    Map.of("state", c.status().name(), "allowedFrom", names(List.of(allowed))));
        }
    }

    private static ConflictException stale(Case current) {
        return new ConflictException("concurrent-update", text("case.stale", current.version(), current.status()),
                Map.of("state", current.status().name(), "version", current.version()));
    }

}
