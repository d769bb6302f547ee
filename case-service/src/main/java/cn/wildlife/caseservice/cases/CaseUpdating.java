package cn.wildlife.caseservice.cases;

import static cn.wildlife.caseservice.cases.CaseRules.names;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CaseChange;
import cn.wildlife.caseservice.species.SpeciesCatalogue;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.EventType;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** An officer corrects or adds to a case's facts; the timeline names what changed. */
@Service
class CaseUpdating {

    private final CaseWriter writer;
    private final CaseEvents events;
    private final CaseLinking linking;
    private final SpeciesCatalogue species;
    private final Clock clock;
    private final CaseRules rules;

    CaseUpdating(
            CaseWriter writer,
            CaseEvents events,
            CaseLinking linking,
            SpeciesCatalogue species,
            Clock clock,
            CaseRules rules) {
        this.writer = writer;
        this.events = events;
        this.linking = linking;
        this.species = species;
        this.clock = clock;
        this.rules = rules;
    }

    /** The facts an officer corrects or adds; null leaves a fact as it is. */
    record Changes(
            @Nullable String title,
            @Nullable List<Behaviour> behaviours,
            @Nullable List<SpeciesCount> species,
            @Nullable BigDecimal value,
            @Nullable List<Case.Party> parties,
            @Nullable List<String> evidence,
            @Nullable List<Identifier> identifiers,
            @Nullable CaseGrade grade,
            @Nullable String operationId) {}

    Case update(Case before, Changes ch, long expectedVersion, ChangedBy by) {
        rules.requireVersion(before, expectedVersion);
        rules.require(before, CaseChange.UPDATE);
        List<FieldError> errors = new ArrayList<>();
        List<SpeciesCount> counted =
                ch.species() == null ? null : rules.withLevels(species, "species", ch.species(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Case.Builder b = before.toBuilder();
        Map<String, Object> changed = new LinkedHashMap<>();
        if (ch.title() != null) {
            b.title(ch.title());
            changed.put("title", ch.title());
        }
        if (ch.behaviours() != null) {
            b.behaviours(ch.behaviours());
            changed.put("behaviours", names(ch.behaviours()));
        }
        if (counted != null) {
            b.species(counted);
            changed.put("species", counted.size());
        }
        if (ch.value() != null) {
            b.value(ch.value());
            changed.put("value", ch.value().toPlainString());
        }
        // Personal data: the timeline says that the parties changed, not who they are.
        if (ch.parties() != null) {
            b.parties(ch.parties());
            changed.put("parties", ch.parties().size());
        }
        if (ch.evidence() != null) {
            b.evidence(ch.evidence());
            changed.put("evidence", ch.evidence().size());
        }
        if (ch.identifiers() != null) {
            b.identifiers(ch.identifiers());
            changed.put("identifiers", ch.identifiers().size());
        }
        if (ch.grade() != null) {
            b.grade(ch.grade());
            changed.put("grade", ch.grade().name());
        }
        if (ch.operationId() != null) {
            b.operationId(ch.operationId());
            changed.put("operationId", ch.operationId());
        }
        if (changed.isEmpty()) {
            throw new InvalidRequestException("body", rules.text("case.changes-empty"), null);
        }
        Case after = b.build();
        Instant at = clock.instant();
        List<Document> announced = new ArrayList<>(List.of(events.event(EventType.CASE_UPDATED, after, by, at, null)));
        if (after.grade().reportedUpward() && !before.grade().reportedUpward()) {
            announced.add(
                    events.event(EventType.CASE_REPORTED_UPWARD, after, by, at, CaseEvents.superior(after.region())));
        }
        Case saved = writer.save(
                before,
                after,
                "UPDATED",
                "更新案件信息：" + String.join("、", changed.keySet()),
                by,
                at,
                new Document(changed),
                announced);
        if (ch.parties() != null || ch.identifiers() != null) {
            linking.link(saved);
        }
        return saved;
    }
}
