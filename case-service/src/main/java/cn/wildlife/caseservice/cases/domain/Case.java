package cn.wildlife.caseservice.cases.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case (案件) as case-service keeps it. Parties carry personal data and stay in case-service: only the owning
 * agency sees them in full, and no event carries them.
 *
 * @param id     the record's id (an agency system's own id, prefixed with its agency code, or generated)
 * @param number the platform's case number, unique per agency, region and year
 */
public record Case(
        String id,
        String number,
        CaseKind kind,
        Agency agency,
        String region,
        CaseStatus status,
        Instant openedAt,
        String title,
        List<Behaviour> behaviours,
        List<SpeciesCount> species,
        @Nullable BigDecimal value,
        List<Party> parties,
        List<String> evidence,
        List<Identifier> identifiers,
        CaseGrade grade,
        List<Seizure> seizures,
        @Nullable Supervision supervision,
        @Nullable Penalty penalty,
        @Nullable String clueId,
        @Nullable String operationId,
        boolean transferred,
        List<String> flags,
        long version) {

    public Case {
        behaviours = List.copyOf(behaviours);
        species = List.copyOf(species);
        parties = List.copyOf(parties);
        evidence = List.copyOf(evidence);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        seizures = List.copyOf(seizures);
        flags = List.copyOf(flags);
    }

    /** A person or company the case is against (当事人). */
    public record Party(
            PartyKind kind,
            String name,
            @Nullable String idNumber,
            @Nullable String phone,
            @Nullable String address) {}

    /** Person or company. */
    public enum PartyKind {
        PERSON,
        COMPANY
    }

    /** A seized item and everything that happened to it. */
    public record Seizure(
            String itemId,
            SeizureKind kind,
            @Nullable String speciesCode,
            String description,
            BigDecimal quantity,
            QuantityUnit unit,
            List<Custody> custody) {

        public Seizure {
            custody = List.copyOf(custody);
        }

        public Custody last() {
            return custody.get(custody.size() - 1);
        }

        public Seizure with(Custody entry) {
            List<Custody> more = new ArrayList<>(custody);
            more.add(entry);
            return new Seizure(itemId, kind, speciesCode, description, quantity, unit, more);
        }

        public SeizureSummary summary() {
            return new SeizureSummary(
                    itemId, kind, speciesCode, quantity, unit, last().action().name());
        }
    }

    /** One link of the chain of custody: where the item is, who holds it, what happened. */
    public record Custody(
            CustodyAction action,
            String holder,
            String location,
            Instant at,
            String by,
            @Nullable String note) {}

    /** A superior's supervised listing (挂牌督办). */
    public record Supervision(
            String byRegion,
            Agency byAgency,
            String by,
            Instant at,
            String note,
            @Nullable Instant dueBy) {}

    /** The administrative penalty decision (行政处罚决定). */
    public record Penalty(
            String decisionNumber, Instant decidedAt, BigDecimal fine, boolean confiscation, String summary) {}

    /** The highest protection level among the species, if any species is recorded. */
    public @Nullable ProtectionLevel protectionLevel() {
        return species.stream()
                .map(SpeciesCount::protectionLevel)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    public @Nullable BigDecimal fines() {
        return penalty == null ? null : penalty.fine();
    }

    /** Every identifier the case names: its parties' ID numbers and phones and the plates and shops recorded. */
    public List<Identifier> allIdentifiers() {
        List<Identifier> all = new ArrayList<>(identifiers);
        for (Party p : parties) {
            if (p.idNumber() != null) {
                all.add(new Identifier(IdentifierType.ID_NUMBER, p.idNumber()));
            }
            if (p.phone() != null) {
                all.add(new Identifier(IdentifierType.PHONE, p.phone()));
            }
        }
        return all;
    }

    /** Refuses the change unless the case's status allows it. */
    public void require(CaseChange change) {
        if (change.allowedFrom(status)) {
            return;
        }
        throw CaseChangeRefused.of(
                change.refusedOnlyWhenClosed() ? CaseChangeRefused.Reason.CLOSED : CaseChangeRefused.Reason.NOT_NOW,
                change,
                this);
    }

    /** The administrative penalty decision (行政处罚决定): for an administrative case still in hand. */
    public Case penaltyDecided(Penalty decision) {
        if (kind != CaseKind.ADMINISTRATIVE) {
            throw CaseChangeRefused.of(CaseChangeRefused.Reason.NOT_ADMINISTRATIVE, CaseChange.DECIDE_PENALTY, this);
        }
        require(CaseChange.DECIDE_PENALTY);
        return toBuilder()
                .status(CaseChange.DECIDE_PENALTY.to(status))
                .penalty(decision)
                .build();
    }

    public Case closed() {
        require(CaseChange.CLOSE);
        return toBuilder().status(CaseChange.CLOSE.to(status)).build();
    }

    /** The id the next seized item gets: the case's id and the item's place in the list. */
    public String nextItemId() {
        return id + "-S" + (seizures.size() + 1);
    }

    public Case withSeizure(Seizure seizure) {
        require(CaseChange.RECORD_SEIZURE);
        List<Seizure> all = new ArrayList<>(seizures);
        all.add(seizure);
        return toBuilder().seizures(all).build();
    }

    /**
     * The next link of an item's chain of custody: not after the chain has ended, never a second seizure, and not
     * earlier than the link before it.
     */
    public Case withCustody(String itemId, Custody custody) {
        require(CaseChange.RECORD_CUSTODY);
        Seizure item = seizures.stream()
                .filter(s -> s.itemId().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seized item " + itemId + " in case " + id));
        CaseChangeRefused.Reason refusal = null;
        if (item.last().action().endsChain()) {
            refusal = CaseChangeRefused.Reason.CUSTODY_ENDED;
        } else if (custody.action() == CustodyAction.SEIZED) {
            refusal = CaseChangeRefused.Reason.SEIZED_ONCE;
        } else if (custody.at().isBefore(item.last().at())) {
            refusal = CaseChangeRefused.Reason.CUSTODY_BEFORE_LAST;
        }
        if (refusal != null) {
            throw new CaseChangeRefused(refusal, CaseChange.RECORD_CUSTODY, this, null, item, custody.at());
        }
        return toBuilder()
                .seizures(seizures.stream()
                        .map(s -> s.itemId().equals(itemId) ? s.with(custody) : s)
                        .toList())
                .build();
    }

    /** 挂牌督办: once per case, while it is not closed. */
    public Case listedForSupervision(Supervision listing) {
        require(CaseChange.LIST_FOR_SUPERVISION);
        if (supervision != null) {
            throw CaseChangeRefused.of(
                    CaseChangeRefused.Reason.ALREADY_SUPERVISED, CaseChange.LIST_FOR_SUPERVISION, this);
        }
        return toBuilder().supervision(listing).build();
    }

    /**
     * A pause of the case's clocks starting at {@code since}, which may be earlier than now but not before the case
     * was opened; refused while another pause runs ({@code current}).
     */
    public CasePause pause(
            @Nullable CasePause current, CasePause.Kind pauseKind, Instant since, String reason, String by) {
        require(CaseChange.PAUSE);
        if (current != null) {
            throw new CaseChangeRefused(
                    CaseChangeRefused.Reason.ALREADY_PAUSED, CaseChange.PAUSE, this, current, null, null);
        }
        if (since.isBefore(openedAt)) {
            throw new CaseChangeRefused(
                    CaseChangeRefused.Reason.PAUSED_BEFORE_OPENED, CaseChange.PAUSE, this, null, null, since);
        }
        return new CasePause(pauseKind, since, reason, by);
    }

    /** Checks that the pause running ({@code current}) is of that kind and can end at {@code until}. */
    public void requireResumable(@Nullable CasePause current, CasePause.Kind pauseKind, Instant until) {
        require(CaseChange.RESUME);
        if (current == null) {
            throw CaseChangeRefused.of(CaseChangeRefused.Reason.NOT_PAUSED, CaseChange.RESUME, this);
        }
        if (current.kind() != pauseKind) {
            throw new CaseChangeRefused(
                    CaseChangeRefused.Reason.PAUSED_FOR_ANOTHER_REASON,
                    CaseChange.RESUME,
                    this,
                    current,
                    null,
                    pauseKind);
        }
        if (until.isBefore(current.since())) {
            throw new CaseChangeRefused(
                    CaseChangeRefused.Reason.RESUMED_BEFORE_PAUSED, CaseChange.RESUME, this, current, null, until);
        }
    }

    /** The case went with a transfer to the police: 以罚代刑 is no longer possible. */
    public Case transferredToPolice() {
        return toBuilder()
                .transferred(true)
                .status(CaseChange.TRANSFER.to(status))
                .build();
    }

    /**
     * Every item still held is handed over to the police with the transferred case (随案移交); items whose chain
     * ended, or already handed over, stay as they are.
     */
    public Case itemsHandedOver(String police, Instant at, String by, String note) {
        require(CaseChange.HAND_OVER_ITEMS);
        return toBuilder()
                .seizures(seizures.stream()
                        .map(s -> s.last().action().endsChain() || s.last().action() == CustodyAction.HANDED_OVER
                                ? s
                                : s.with(new Custody(CustodyAction.HANDED_OVER, police, police, at, by, note)))
                        .toList())
                .build();
    }

    /** The case with a flag raised, at the same version: the flag is part of the change that raised it. */
    public Case flagged(String flag) {
        List<String> more = new ArrayList<>(flags);
        more.add(flag);
        return toBuilder().flags(more).version(version).build();
    }

    /** A case newly opened: open, nothing seized, supervised or decided yet, not transferred, at version 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change, one version later unless the version is set. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.number = number;
        b.kind = kind;
        b.agency = agency;
        b.region = region;
        b.status = status;
        b.openedAt = openedAt;
        b.title = title;
        b.behaviours = behaviours;
        b.species = species;
        b.value = value;
        b.parties = parties;
        b.evidence = evidence;
        b.identifiers = identifiers;
        b.grade = grade;
        b.seizures = seizures;
        b.supervision = supervision;
        b.penalty = penalty;
        b.clueId = clueId;
        b.operationId = operationId;
        b.transferred = transferred;
        b.flags = flags;
        b.version = version + 1;
        return b;
    }

    /** Builds a case by naming what it has; what is not named is absent or empty. */
    public static final class Builder {
        private String id;
        private String number;
        private CaseKind kind;
        private Agency agency;
        private String region;
        private CaseStatus status = CaseStatus.OPEN;
        private Instant openedAt;
        private String title;
        private List<Behaviour> behaviours = List.of();
        private List<SpeciesCount> species = List.of();
        private BigDecimal value;
        private List<Party> parties = List.of();
        private List<String> evidence = List.of();
        private List<Identifier> identifiers = List.of();
        private CaseGrade grade;
        private List<Seizure> seizures = List.of();
        private Supervision supervision;
        private Penalty penalty;
        private String clueId;
        private String operationId;
        private boolean transferred;
        private List<String> flags = List.of();
        private long version = 1;

        private Builder() {}

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder number(String v) {
            number = v;
            return this;
        }

        public Builder kind(CaseKind v) {
            kind = v;
            return this;
        }

        public Builder agency(Agency v) {
            agency = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder status(CaseStatus v) {
            status = v;
            return this;
        }

        public Builder openedAt(Instant v) {
            openedAt = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder behaviours(List<Behaviour> v) {
            behaviours = v;
            return this;
        }

        public Builder species(List<SpeciesCount> v) {
            species = v;
            return this;
        }

        public Builder value(@Nullable BigDecimal v) {
            value = v;
            return this;
        }

        public Builder parties(List<Party> v) {
            parties = v;
            return this;
        }

        public Builder evidence(List<String> v) {
            evidence = v;
            return this;
        }

        public Builder identifiers(List<Identifier> v) {
            identifiers = v;
            return this;
        }

        public Builder grade(CaseGrade v) {
            grade = v;
            return this;
        }

        public Builder seizures(List<Seizure> v) {
            seizures = v;
            return this;
        }

        public Builder supervision(Supervision v) {
            supervision = v;
            return this;
        }

        public Builder penalty(Penalty v) {
            penalty = v;
            return this;
        }

        public Builder clueId(@Nullable String v) {
            clueId = v;
            return this;
        }

        public Builder operationId(@Nullable String v) {
            operationId = v;
            return this;
        }

        public Builder transferred(boolean v) {
            transferred = v;
            return this;
        }

        public Builder flags(List<String> v) {
            flags = v;
            return this;
        }

        public Builder version(long v) {
            version = v;
            return this;
        }

        public Case build() {
            return new Case(
                    id,
                    number,
                    kind,
                    agency,
                    region,
                    status,
                    openedAt,
                    title,
                    behaviours,
                    species,
                    value,
                    parties,
                    evidence,
                    identifiers,
                    grade,
                    seizures,
                    supervision,
                    penalty,
                    clueId,
                    operationId,
                    transferred,
                    flags,
                    version);
        }
    }
}
