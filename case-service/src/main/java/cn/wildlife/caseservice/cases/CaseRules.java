package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CaseChange;
import cn.wildlife.caseservice.cases.domain.CaseChangeRefused;
import cn.wildlife.caseservice.cases.domain.CasePause;
import cn.wildlife.caseservice.species.SpeciesCatalogue;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The domain's refusals and the request checks every use case shares, said as the problems a caller sees. */
@Component
final class CaseRules {

    private final Texts texts;

    CaseRules(Texts texts) {
        this.texts = texts;
    }

    void requireVersion(Case c, long expected) {
        if (c.version() != expected) {
            throw stale(c);
        }
    }

    void require(Case c, CaseChange change) {
        ruled(c, () -> {
            c.require(change);
            return c;
        });
    }

    /** The change the case's rules allow, or the problem that says why they refuse it. */
    <T> T ruled(Case c, Supplier<T> change) {
        try {
            return change.get();
        } catch (CaseChangeRefused refused) {
            throw problem(refused, c);
        }
    }

    ConflictException stale(Case current) {
        return new ConflictException(
                "concurrent-update",
                text("case.stale", current.version(), current.status()),
                Map.of("state", current.status().name(), "version", current.version()));
    }

    /** The counts with each species' protection level; an unknown species or a negative count is an error. */
    List<SpeciesCount> withLevels(
            SpeciesCatalogue species, String field, List<SpeciesCount> counts, List<FieldError> errors) {
        List<SpeciesCount> result = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            SpeciesCount count = counts.get(i);
            var known = species.find(count.speciesCode());
            if (known.isEmpty()) {
                errors.add(new FieldError(
                        field + "[" + i + "].speciesCode", text("species.unknown"), count.speciesCode()));
                continue;
            }
            if (count.count() < 0) {
                errors.add(new FieldError(field + "[" + i + "].count", text("count.negative"), count.count()));
            }
            result.add(new SpeciesCount(
                    count.speciesCode(),
                    count.count(),
                    count.unit(),
                    known.get().protectionLevel()));
        }
        return result;
    }

    String text(String key, Object... args) {
        return texts.get(key, args);
    }

    static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private RuntimeException problem(CaseChangeRefused refused, Case c) {
        CasePause pause = refused.pause();
        Case.Seizure item = refused.item();
        return switch (refused.reason()) {
            case CLOSED ->
                new ConflictException(
                        "case-closed",
                        text("case.closed", c.number()),
                        Map.of("state", c.status().name()));
            case NOT_NOW ->
                new ConflictException(
                        "step-not-allowed",
                        text(
                                "case.step-not-allowed",
                                c.status(),
                                refused.change().action()),
                        Map.of("state", c.status().name(), "allowedFrom", names(refused.allowedFrom())));
            case NOT_ADMINISTRATIVE ->
                new ConflictException(
                        "not-administrative",
                        text("case.not-administrative"),
                        Map.of("kind", c.kind().name()));
            case ALREADY_SUPERVISED ->
                new ConflictException(
                        "already-supervised",
                        text("case.already-supervised", c.supervision().byRegion()),
                        Map.of("byRegion", c.supervision().byRegion()));
            case CUSTODY_ENDED ->
                new ConflictException(
                        "custody-ended",
                        text(
                                "custody.ended",
                                item.itemId(),
                                item.last().action(),
                                item.last().at()),
                        Map.of("lastAction", item.last().action().name()));
            case SEIZED_ONCE -> new InvalidRequestException("action", text("custody.seized-once"), "SEIZED");
            case CUSTODY_BEFORE_LAST ->
                new InvalidRequestException(
                        "at", text("custody.before-last", item.last().at()), refused.rejected());
            case ALREADY_PAUSED ->
                new ConflictException(
                        "already-paused",
                        "the case's clocks are already paused for " + pause.kind() + " since " + pause.since()
                                + "; end that pause first",
                        Map.of(
                                "state",
                                "PAUSED",
                                "pausedFor",
                                pause.kind().name(),
                                "since",
                                pause.since().toString()));
            case PAUSED_BEFORE_OPENED ->
                new InvalidRequestException(
                        "at", "must not be before the case was opened (" + c.openedAt() + ")", refused.rejected());
            case NOT_PAUSED ->
                new ConflictException("not-paused", "the case's clocks are not paused", Map.of("state", "RUNNING"));
            case PAUSED_FOR_ANOTHER_REASON ->
                new ConflictException(
                        "paused-for-another-reason",
                        "the case's clocks are paused for " + pause.kind() + ", not " + refused.rejected(),
                        Map.of(
                                "state",
                                "PAUSED",
                                "pausedFor",
                                pause.kind().name(),
                                "since",
                                pause.since().toString()));
            case RESUMED_BEFORE_PAUSED ->
                new InvalidRequestException(
                        "at", "must not be before the pause started (" + pause.since() + ")", refused.rejected());
        };
    }
}
