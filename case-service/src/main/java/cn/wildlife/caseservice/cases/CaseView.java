package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CaseStatus;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.support.security.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case as an officer sees it; another agency sees parties masked. */
record CaseView(
        String id,
        String number,
        CaseKind kind,
        String kindLabel,
        Agency agency,
        String region,
        CaseStatus status,
        String statusLabel,
        Instant openedAt,
        String title,
        List<Behaviour> behaviours,
        List<SpeciesCount> species,
        @Nullable ProtectionLevel protectionLevel,
        @Nullable BigDecimal value,
        @Nullable BigDecimal fines,
        List<Case.Party> parties,
        List<String> evidence,
        @Nullable List<Identifier> identifiers,
        CaseGrade grade,
        String gradeLabel,
        List<Case.Seizure> seizures,
        Case.@Nullable Supervision supervision,
        Case.@Nullable Penalty penalty,
        @Nullable String clueId,
        @Nullable String operationId,
        boolean transferred,
        List<String> flags,
        long version) {

    static CaseView of(Case c, Caller caller) {
        List<Case.Party> parties = caller.agency() == c.agency()
                ? c.parties()
                : c.parties().stream().map(CaseView::masked).toList();
        return new CaseView(
                c.id(),
                c.number(),
                c.kind(),
                c.kind().label(),
                c.agency(),
                c.region(),
                c.status(),
                c.status().label(),
                c.openedAt(),
                c.title(),
                c.behaviours(),
                c.species(),
                c.protectionLevel(),
                c.value(),
                c.fines(),
                parties,
                c.evidence(),
                caller.agency() == c.agency() ? c.identifiers() : null,
                c.grade(),
                c.grade().label(),
                c.seizures(),
                c.supervision(),
                c.penalty(),
                c.clueId(),
                c.operationId(),
                c.transferred(),
                c.flags(),
                c.version());
    }

    private static Case.Party masked(Case.Party p) {
        String name = p.kind() == Case.PartyKind.COMPANY
                ? p.name()
                : p.name().substring(0, 1) + "*".repeat(Math.max(1, p.name().length() - 1));
        return new Case.Party(p.kind(), name, null, null, null);
    }
}
