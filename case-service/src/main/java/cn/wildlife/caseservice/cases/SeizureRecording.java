package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CaseChange;
import cn.wildlife.caseservice.cases.domain.CustodyAction;
import cn.wildlife.caseservice.species.SpeciesCatalogue;
import cn.wildlife.events.EventType;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Seized items (扣押) and their chain of custody (涉案物品流转). */
@Service
class SeizureRecording {

    private final CaseWriter writer;
    private final CaseEvents events;
    private final SpeciesCatalogue species;
    private final Clock clock;
    private final CaseRules rules;

    SeizureRecording(CaseWriter writer, CaseEvents events, SpeciesCatalogue species, Clock clock, CaseRules rules) {
        this.writer = writer;
        this.events = events;
        this.species = species;
        this.clock = clock;
        this.rules = rules;
    }

    /** A seized item: what it is and its first custody. */
    record NewSeizure(
            SeizureKind kind,
            @Nullable String speciesCode,
            String description,
            BigDecimal quantity,
            QuantityUnit unit,
            String holder,
            String location,
            Instant seizedAt) {}

    Case addSeizure(Case before, NewSeizure s, @Nullable Long expectedVersion, ChangedBy by) {
        if (expectedVersion != null) {
            rules.requireVersion(before, expectedVersion);
        }
        rules.require(before, CaseChange.RECORD_SEIZURE);
        if (s.speciesCode() != null) {
            List<FieldError> errors = species.unknown("speciesCode", List.of(s.speciesCode()));
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(
                        List.of(new FieldError("speciesCode", rules.text("species.unknown"), s.speciesCode())));
            }
        }
        String itemId = before.nextItemId();
        Case.Seizure seizure = new Case.Seizure(
                itemId,
                s.kind(),
                s.speciesCode(),
                s.description(),
                s.quantity(),
                s.unit(),
                List.of(new Case.Custody(
                        CustodyAction.SEIZED, s.holder(), s.location(), s.seizedAt(), by.subject(), null)));
        Case after = rules.ruled(before, () -> before.withSeizure(seizure));
        Instant at = clock.instant();
        return writer.save(
                before,
                after,
                "SEIZURE_RECORDED",
                "扣押" + s.kind().label() + "：" + s.description() + " "
                        + s.quantity().stripTrailingZeros().toPlainString()
                        + s.unit().label(),
                by,
                at,
                new Document("itemId", itemId).append("holder", s.holder()).append("location", s.location()),
                List.of(events.event(EventType.CASE_SEIZURE_RECORDED, after, by, at, null)));
    }

    Case recordCustody(Case before, String itemId, Case.Custody custody, ChangedBy by) {
        if (before.seizures().stream().noneMatch(s -> s.itemId().equals(itemId))) {
            throw new RecordNotFoundException("seized item", itemId);
        }
        Case after = rules.ruled(before, () -> before.withCustody(itemId, custody));
        Instant at = clock.instant();
        return writer.save(
                before,
                after,
                "CUSTODY_CHANGED",
                itemId + " " + custody.action().label() + "：" + custody.holder() + "，" + custody.location(),
                by,
                at,
                new Document("itemId", itemId)
                        .append("action", custody.action().name())
                        .append("holder", custody.holder())
                        .append("location", custody.location()),
                List.of(events.event(EventType.CASE_SEIZURE_RECORDED, after, by, at, null)));
    }
}
