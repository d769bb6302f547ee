package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.species.SpeciesCatalogue;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.EventType;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opens a case (立案), by either door: numbered, announced, and reported upward when its grade says so. */
@Service
class CaseOpening {

    private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);
    private static final int NUMBERING_ATTEMPTS = 20;

    private final CaseStore store;
    private final CaseNumbering numbering;
    private final CaseWriter writer;
    private final CaseEvents events;
    private final CaseLinking linking;
    private final SpeciesCatalogue species;
    private final Clock clock;
    private final CaseRules rules;

    CaseOpening(
            CaseStore store,
            CaseNumbering numbering,
            CaseWriter writer,
            CaseEvents events,
            CaseLinking linking,
            SpeciesCatalogue species,
            Clock clock,
            CaseRules rules) {
        this.store = store;
        this.numbering = numbering;
        this.writer = writer;
        this.events = events;
        this.linking = linking;
        this.species = species;
        this.clock = clock;
        this.rules = rules;
    }

    /** What a new case says, whichever door it came through. */
    record NewCase(
            @Nullable String caseId,
            CaseKind kind,
            Agency agency,
            String region,
            Instant openedAt,
            String title,
            List<Behaviour> behaviours,
            List<SpeciesCount> species,
            @Nullable BigDecimal value,
            List<Case.Party> parties,
            List<String> evidence,
            List<Identifier> identifiers,
            CaseGrade grade,
            @Nullable String clueId,
            @Nullable String operationId) {}

    /** Opens a case; empty when an agency's event reports a case already recorded (nothing changes then). */
    Optional<Case> open(NewCase n, ChangedBy by, @Nullable String eventId) {
        if (n.caseId() != null && store.find(n.caseId()).isPresent()) {
            if (eventId != null) {
                return Optional.empty();
            }
            throw new ConflictException(
                    "case-exists", rules.text("case.exists", n.caseId()), Map.of("caseId", n.caseId()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (!n.kind().handledBy(n.agency())) {
            errors.add(new FieldError("kind", rules.text("case.kind-not-handled", n.agency(), n.kind()), n.kind()));
        }
        List<SpeciesCount> counted = rules.withLevels(species, "species", n.species(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int year = CaseStore.yearOf(n.openedAt());
        for (int attempt = 0; attempt < NUMBERING_ATTEMPTS; attempt++) {
            CaseNumbering.Numbered numbered = numbering.next(n.agency(), n.kind(), n.region(), year, n.caseId());
            Case c = Case.builder()
                    .id(numbered.id())
                    .number(numbered.number())
                    .kind(n.kind())
                    .agency(n.agency())
                    .region(n.region())
                    .openedAt(n.openedAt())
                    .title(n.title())
                    .behaviours(n.behaviours())
                    .species(counted)
                    .value(n.value())
                    .parties(n.parties())
                    .evidence(n.evidence())
                    .identifiers(n.identifiers())
                    .grade(n.grade())
                    .clueId(n.clueId())
                    .operationId(n.operationId())
                    .build();
            Instant at = clock.instant();
            List<Document> announced = new ArrayList<>();
            // An agency's report carries its event id on as the correlation id: what follows from it can be traced.
            announced.add(events.event(EventType.CASE_OPENED, c, by, at, null, eventId));
            if (c.grade().reportedUpward()) {
                announced.add(events.event(
                        EventType.CASE_REPORTED_UPWARD, c, by, at, CaseEvents.superior(c.region()), eventId));
            }
            Document entry = CaseEvents.timeline(
                    c,
                    "OPENED",
                    "立案：" + c.title() + "（" + c.number() + "）",
                    by,
                    at,
                    new Document("grade", c.grade().name()).append("clueId", c.clueId()));
            if (writer.insert(c, entry, announced, eventId)) {
                linking.link(c);
                return Optional.of(c);
            }
            if (n.caseId() != null && store.find(n.caseId()).isPresent()) {
                if (eventId != null) {
                    return Optional.empty();
                }
                throw new ConflictException(
                        "case-exists", rules.text("case.exists", n.caseId()), Map.of("caseId", n.caseId()));
            }
            // The number (and with it a generated id) was taken: take the next one.
            log.warn("Case number {} was taken meanwhile; numbering again", numbered.number());
        }
        throw new IllegalStateException("no free case number for " + n.agency() + " " + n.region() + " after "
                + NUMBERING_ATTEMPTS + " attempts");
    }
}
