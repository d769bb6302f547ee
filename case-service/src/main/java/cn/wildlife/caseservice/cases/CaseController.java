package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CasePause;
import cn.wildlife.caseservice.cases.domain.CaseStatus;
import cn.wildlife.caseservice.link.IdentifierRequest;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.SpeciesCount;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST door to cases: the same records and rules as the agencies' case topics. */
@RestController
@RequestMapping("/api/cases")
@Validated
@Tag(
        name = "Cases (案件)",
        description = "Administrative and criminal cases: facts, seized items and their custody, "
                + "penalty decision, supervision listing and the append-only timeline")
class CaseController {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{2,79}$";
    static final String REGION = "^[1-9][0-9]{5}$";

    private final CaseOpening opening;
    private final CaseUpdating updating;
    private final SeizureRecording seizures;
    private final PenaltyDecision penalties;
    private final CaseClosing closing;
    private final SupervisionListing supervision;
    private final CaseClocks clocks;
    private final CaseStore store;
    private final ProsecutionThresholds thresholds;
    private final Access access;
    private final Texts texts;

    CaseController(
            CaseOpening opening,
            CaseUpdating updating,
            SeizureRecording seizures,
            PenaltyDecision penalties,
            CaseClosing closing,
            SupervisionListing supervision,
            CaseClocks clocks,
            CaseStore store,
            ProsecutionThresholds thresholds,
            Access access,
            Texts texts) {
        this.opening = opening;
        this.updating = updating;
        this.seizures = seizures;
        this.penalties = penalties;
        this.closing = closing;
        this.supervision = supervision;
        this.clocks = clocks;
        this.store = store;
        this.thresholds = thresholds;
        this.access = access;
        this.texts = texts;
    }

    @PostMapping
    @Operation(
            summary = "Open a case (立案) in the caller's agency",
            description = "Numbered per agency, region and year (e.g. 220112林行〔2026〕7号). Announced on "
                    + "platform.cases; an administrative case opens the Art. 60 penalty-decision clock; a case graded "
                    + "MAJOR or above is reported to the superior region at once.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已立案 Opened",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the case: GET it for its current state",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<CaseView> open(Caller caller, @Valid @RequestBody NewCaseRequest r) {
        notOversight(caller);
        access.checkWrite(caller, caller.agency(), r.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        if (r.caseId() != null && !r.caseId().startsWith(caller.agency().name() + "-")) {
            throw new cn.wildlife.support.web.InvalidRequestException(
                    "caseId", texts.get("id.prefix", caller.agency().name()), r.caseId());
        }
        Case c = opening.open(
                        new CaseOpening.NewCase(
                                r.caseId(),
                                r.kind(),
                                caller.agency(),
                                r.region(),
                                r.openedAt(),
                                r.title(),
                                list(r.behaviours()),
                                counts(r.species()),
                                r.value(),
                                r.parties() == null
                                        ? List.of()
                                        : r.parties().stream()
                                                .map(PartyRequest::toParty)
                                                .toList(),
                                list(r.evidence()),
                                IdentifierRequest.checked(r.identifiers(), texts),
                                r.grade() == null ? CaseGrade.GENERAL : r.grade(),
                                r.clueId(),
                                r.operationId()),
                        by(caller),
                        null)
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/cases/" + c.id())).body(CaseView.of(c, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case", description = "Parties' personal data only for the owning agency.")
    CaseView get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return CaseView.of(readable(caller, id), caller);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The case's append-only timeline: every change, who, when, through which door")
    List<TimelineEntry> timeline(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        readable(caller, id);
        return store.timeline(id).stream().map(TimelineEntry::of).toList();
    }

    @GetMapping
    @Operation(
            summary = "Search cases",
            description = "Filters combine; region returns the whole subtree. Sorted "
                    + "stably (ties broken by id) so paging never repeats or skips a case. An agency sees its own cases; "
                    + "the procuratorate and the supervision office every agency's in their region.")
    CasePage search(
            Caller caller,
            @RequestParam(required = false) @Nullable Agency agency,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable CaseKind kind,
            @RequestParam(required = false) @Nullable Behaviour behaviour,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,59}$") @Nullable String species,
            @RequestParam(required = false) @Nullable ProtectionLevel protectionLevel,
            @RequestParam(required = false) @Nullable CaseGrade grade,
            @RequestParam(required = false) @Nullable Instant openedFrom,
            @RequestParam(required = false) @Nullable Instant openedBefore,
            @RequestParam(required = false) @Pattern(regexp = ID) @Nullable String operationId,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z_]{3,60}$") @Nullable String flag,
            @RequestParam(required = false) @Nullable Boolean supervised,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(defaultValue = "OPENED_NEWEST") CaseQuery.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (openedFrom != null && openedBefore != null && !openedFrom.isBefore(openedBefore)) {
            throw new cn.wildlife.support.web.InvalidRequestException(
                    "openedBefore", "must be after openedFrom", openedBefore);
        }
        Access.Scope scope = access.searchScope(caller, agency, region);
        CaseStore.Page result = store.search(new CaseQuery(
                scope.agency(),
                scope.regionPrefix(),
                status,
                kind,
                behaviour,
                species,
                protectionLevel,
                grade,
                openedFrom,
                openedBefore,
                operationId,
                flag,
                supervised,
                overdue,
                sort,
                page,
                size));
        access.auditSearchResults(
                caller,
                "case",
                result.items().stream()
                        .map(c -> new Access.Owned(c.id(), c.agency()))
                        .toList());
        return new CasePage(
                result.items().stream().map(c -> CaseView.of(c, caller)).toList(),
                result.page(),
                result.size(),
                result.total());
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Correct or add facts",
            description = "Only the facts given change. expectedVersion is the "
                    + "version read: a case changed meanwhile answers 409 instead of overwriting the other change.")
    CaseView update(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody ChangesRequest r) {
        Case c = writable(caller, id);
        return CaseView.of(
                updating.update(
                        c,
                        new CaseUpdating.Changes(
                                r.title(),
                                r.behaviours(),
                                r.species() == null ? null : counts(r.species()),
                                r.value(),
                                r.parties() == null
                                        ? null
                                        : r.parties().stream()
                                                .map(PartyRequest::toParty)
                                                .toList(),
                                r.evidence(),
                                r.identifiers() == null ? null : IdentifierRequest.checked(r.identifiers(), texts),
                                r.grade(),
                                r.operationId()),
                        r.expectedVersion(),
                        by(caller)),
                caller);
    }

    @PostMapping("/{id}/seizures")
    @Operation(summary = "Record a seized item (扣押)", description = "Starts its chain of custody.")
    CaseView seize(Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody SeizureRequest r) {
        Case c = writable(caller, id);
        return CaseView.of(
                seizures.addSeizure(
                        c,
                        new SeizureRecording.NewSeizure(
                                r.kind(),
                                r.speciesCode(),
                                r.description(),
                                r.quantity(),
                                r.unit(),
                                r.holder(),
                                r.location(),
                                r.seizedAt()),
                        r.expectedVersion(),
                        by(caller)),
                caller);
    }

    @PostMapping("/{id}/seizures/{itemId}/custody")
    @Operation(
            summary = "Record what happened to a seized item",
            description = "Stored, appraised, sent to a rescue centre, released, destroyed, handed over, returned. "
                    + "Release, destruction and return end the chain; a transfer's hand-over step moves the items "
                    + "to the police by itself.")
    CaseView custody(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable @Pattern(regexp = ID) String itemId,
            @Valid @RequestBody CustodyRequest r) {
        Case c = writable(caller, id);
        return CaseView.of(
                seizures.recordCustody(
                        c,
                        itemId,
                        new Case.Custody(r.action(), r.holder(), r.location(), r.at(), caller.subject(), r.note()),
                        by(caller)),
                caller);
    }

    @PostMapping("/{id}/penalty")
    @Operation(
            summary = "Record the administrative penalty decision (行政处罚决定)",
            description = "Fulfils the Art. 60 clock. Runs the 以罚代刑 check: a case crossing a prosecution "
                    + "threshold that was never transferred is flagged PENALTY_INSTEAD_OF_PROSECUTION and announced "
                    + "to the procuratorate.")
    CaseView penalty(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody PenaltyRequest r) {
        Case c = writable(caller, id);
        return CaseView.of(
                penalties.decidePenalty(
                        c,
                        new Case.Penalty(r.decisionNumber(), r.decidedAt(), r.fine(), r.confiscation(), r.summary()),
                        r.expectedVersion(),
                        by(caller)),
                caller);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the case (结案)")
    CaseView close(Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody CloseRequest r) {
        Case c = writable(caller, id);
        return CaseView.of(closing.close(c, r.reason(), r.expectedVersion(), by(caller)), caller);
    }

    @PostMapping("/{id}/supervision")
    @Operation(
            summary = "List the case for supervision (挂牌督办)",
            description = "By the agency head of the same agency in a superior region, or by the supervision office "
                    + "of the region.")
    CaseView supervise(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody SupervisionRequest r) {
        Case c = readable(caller, id);
        boolean superiorHead = caller.agency() == c.agency()
                && caller.has(Role.AGENCY_HEAD)
                && !caller.region().code().equals(c.region());
        boolean supervisionOffice = caller.agency() == Agency.SUPERVISION_OFFICE;
        if (!superiorHead && !supervisionOffice) {
            throw new AccessDeniedProblem("not-a-superior", texts.get("case.not-superior"));
        }
        return CaseView.of(supervision.listForSupervision(c, r.note(), r.dueBy(), caller.region(), by(caller)), caller);
    }

    @PostMapping("/{id}/pauses")
    @Operation(
            summary = "Pause the case's clocks: appraisal (鉴定), hearing (听证) or suspension (中止)",
            description = "From at (default now; may be earlier, not before the case was opened). The time does not "
                    + "count towards the Art. 60 clock. One pause at a time: pausing a paused case answers 409 with "
                    + "the state. expectedVersion is the version read.")
    PausesView pause(Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody PauseRequest r) {
        Case c = writable(caller, id);
        Case after = clocks.startPause(
                c, r.kind(), r.at() == null ? Instant.now() : r.at(), r.reason(), r.expectedVersion(), by(caller));
        return PausesView.of(after, store.pauseOf(id).orElse(null));
    }

    @PostMapping("/{id}/pauses/{kind}/end")
    @Operation(
            summary = "End the pause: the case's clocks run again, due later by the time paused",
            description = "At at (default now; not before the pause started). 409 with the state when the case is "
                    + "not paused, or paused for another reason.")
    PausesView endPause(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable CasePause.Kind kind,
            @Valid @RequestBody EndPauseRequest r) {
        Case c = writable(caller, id);
        Case after = clocks.endPause(
                c, kind, r.at() == null ? Instant.now() : r.at(), r.note(), r.expectedVersion(), by(caller));
        return PausesView.of(after, null);
    }

    @GetMapping("/{id}/pauses")
    @Operation(
            summary = "Whether the case's clocks are paused, why and since when",
            description = "Every pause and its end are also in the timeline.")
    PausesView pauses(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        Case c = readable(caller, id);
        return PausesView.of(c, store.pauseOf(id).orElse(null));
    }

    @GetMapping("/prosecution-thresholds")
    @Operation(summary = "The prosecution thresholds the 以罚代刑 check applies, with their legal source")
    List<ProsecutionThresholds.Threshold> thresholds() {
        return thresholds.all();
    }

    private Case readable(Caller caller, String id) {
        Case c = store.find(id).orElseThrow(() -> new RecordNotFoundException("case", id));
        access.checkRead(caller, "case", id, c.agency(), c.region());
        return c;
    }

    private Case writable(Caller caller, String id) {
        Case c = readable(caller, id);
        access.checkWrite(caller, c.agency(), c.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        return c;
    }

    private void notOversight(Caller caller) {
        if (caller.isOversight()) {
            throw new AccessDeniedProblem("oversight-reads-only", texts.get("case.oversight-reads-only"));
        }
    }

    private static ChangedBy by(Caller caller) {
        return new ChangedBy(caller.subject(), caller.name(), caller.agency(), ChangedBy.Door.REST);
    }

    private static <T> List<T> list(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<SpeciesCount> counts(@Nullable List<SpeciesRequest> species) {
        return species == null
                ? List.of()
                : species.stream()
                        .map(s -> new SpeciesCount(s.speciesCode(), s.count(), s.unit(), null))
                        .toList();
    }
}
