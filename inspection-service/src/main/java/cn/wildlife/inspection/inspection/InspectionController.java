package cn.wildlife.inspection.inspection;

import cn.wildlife.inspection.facility.Facility;
import cn.wildlife.inspection.facility.FacilityWork;
import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.inspection.inspection.domain.RandomDraw;
import cn.wildlife.inspection.inspection.domain.Recording;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspections of captive-breeding facilities and the 双随机 draws that plan them. */
@RestController
@RequestMapping("/api/inspections")
@Validated
@Tag(name = "Inspections (监督检查)", description = "Planned inspections, 双随机 draws, inspection records")
class InspectionController {

    private static final String ID = "^[A-Za-z0-9._:-]{3,80}$";
    private static final String REGION = "^[1-9][0-9]{5}$";
    private static final Role[] WRITERS = {Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD};

    private final InspectionWork work;
    private final InspectionStore store;
    private final DrawStore drawStore;
    private final FacilityWork facilities;
    private final Access access;
    private final Texts texts;

    InspectionController(
            InspectionWork work,
            InspectionStore store,
            DrawStore drawStore,
            FacilityWork facilities,
            Access access,
            Texts texts) {
        this.work = work;
        this.store = store;
        this.drawStore = drawStore;
        this.facilities = facilities;
        this.access = access;
        this.texts = texts;
    }

    @PostMapping("/draws")
    @Operation(
            summary = "Draw facilities and inspectors (双随机)",
            description = "Facilities from the region's subtree, inspectors from the roster, none with a conflict in "
                    + "the facility it inspects. The server draws the seed (SecureRandom) and records it with the "
                    + "list and roster as they stood; the seed with them reproduces the draw (algorithm "
                    + "cn.wildlife.draw.v1, SHA-256 in counter mode, defined in the docs). A body carrying a seed "
                    + "is refused (400 naming seed). One planned inspection per facility drawn.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已抽取 Drawn",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the draw",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<Draw> draw(Caller caller, @Valid @RequestBody NewDraw request) {
        if (request.seed() != null) {
            // A seed the drawer chooses is an outcome the drawer chooses.
            throw new InvalidRequestException("seed", texts.get("draw.seed-given"), null);
        }
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, request.region(), WRITERS);
        Draw draw = work.draw(
                request.region(),
                request.facilityCount(),
                request.inspectorsPerFacility(),
                request.plannedFor(),
                request.roster().stream()
                        .map(i -> new RandomDraw.Inspector(
                                i.name(), i.conflicts() == null ? new HashSet<>() : new HashSet<>(i.conflicts())))
                        .toList(),
                caller);
        return ResponseEntity.created(URI.create("/api/inspections/draws/" + draw.id()))
                .body(draw);
    }

    @GetMapping("/draws")
    @Operation(
            summary = "Past draws of a region's subtree, newest first",
            description = "Forestry's own region subtree (the oversight agencies': theirs), or the part of it "
                    + "asked for. Each draw as listed: the facilities drawn, from how many, and whether published; "
                    + "the inputs and seed are read from the draw itself.")
    DrawPage draws(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String prefix = access.searchScope(
                        caller, caller.isOversight() ? null : FacilityWork.SUPERVISING_AGENCY, region)
                .regionPrefix();
        List<Draw> found = drawStore.list(prefix, page, size);
        access.auditSearchResults(
                caller,
                "draw",
                found.stream()
                        .map(d -> new Access.Owned(d.id(), FacilityWork.SUPERVISING_AGENCY))
                        .toList());
        return new DrawPage(found.stream().map(Draw::summary).toList(), page, size, drawStore.count(prefix));
    }

    @GetMapping("/draws/{id}")
    @Operation(summary = "A draw with its seed, inputs and result")
    Draw getDraw(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        Draw draw = work.findDraw(id);
        access.checkRead(caller, "draw", id, FacilityWork.SUPERVISING_AGENCY, draw.region());
        return draw;
    }

    @GetMapping("/draws/{id}/verification")
    @Operation(summary = "Draw again from the recorded seed, list and roster, and compare")
    InspectionWork.Verification verify(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return work.verify(getDraw(caller, id));
    }

    @GetMapping("/draws/{id}/announcement")
    // Public through the gateway: no token or key is asked for.
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @Operation(
            summary = "A published draw as announced (一公开): no token needed",
            description = "Region, planned date, the seed and algorithm, the facility list and roster (names and "
                    + "conflicting facilities) as they stood before the draw, how many were drawn, the facilities "
                    + "drawn and the inspectors' names drawn for each: anyone can draw again from it. 404 until the "
                    + "draw is published.")
    InspectionWork.Announcement announcement(@PathVariable @Pattern(regexp = ID) String id) {
        return work.announcement(id);
    }

    @PostMapping("/draws/{id}/publish")
    @Operation(summary = "Publish a draw's result (一公开)", description = "Announced on platform.inspections.")
    Draw publish(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        Draw draw = getDraw(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, draw.region(), WRITERS);
        return work.publish(draw);
    }

    @PostMapping
    @Operation(summary = "Plan an inspection by hand")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已计划 Planned",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the inspection",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<Inspection> plan(Caller caller, @Valid @RequestBody NewInspection request) {
        Facility facility = facilities.find(request.facilityId());
        access.checkRead(caller, "facility", facility.id(), FacilityWork.SUPERVISING_AGENCY, facility.region());
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, facility.region(), WRITERS);
        Inspection inspection =
                work.plan(facility.id(), request.plannedFor(), request.inspectors(), request.operationId());
        return ResponseEntity.created(URI.create("/api/inspections/" + inspection.id()))
                .body(inspection);
    }

    @PostMapping("/{id}/record")
    @Operation(
            summary = "Record an inspection: checklist, counts on site, findings",
            description = "The checklist has every item of 吉林护〔2024〕12号 (RULES_AND_PLANS, SECURITY, "
                    + "LICENCE_AND_RECORDS, WITHIN_SCOPE, LEDGER_MATCHES); with counts, LEDGER_MATCHES is decided by "
                    + "comparing them with the ledger. A finding marked suspectedCrime is announced for public "
                    + "security, which receives it as a clue (listed under clues once case-service has it). "
                    + "operationId names the joint operation the inspection was part of (its results table counts "
                    + "it); an unknown one, or one not covering the facility's region, is refused naming the field.")
    Inspection record(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody RecordRequest request) {
        Inspection inspection = get(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, inspection.region(), WRITERS);
        return work.record(
                inspection,
                new InspectionWork.Record(
                        request.inspectedAt(),
                        request.checklist().stream()
                                .map(c -> new Inspection.Check(c.item(), c.passed(), c.note()))
                                .toList(),
                        request.counted() == null
                                ? List.of()
                                : request.counted().stream()
                                        .map(c -> new Facility.Holding(c.speciesCode(), c.count()))
                                        .toList(),
                        request.findings() == null
                                ? List.of()
                                : request.findings().stream()
                                        .map(f -> new Recording.NewFinding(
                                                f.item(),
                                                f.description(),
                                                f.suspectedCrime(),
                                                f.speciesCodes() == null ? List.of() : f.speciesCodes()))
                                        .toList(),
                        request.expectedVersion(),
                        request.operationId()),
                caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One inspection")
    Inspection get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        Inspection inspection = work.find(id);
        access.checkRead(caller, "inspection", id, FacilityWork.SUPERVISING_AGENCY, inspection.region());
        return inspection;
    }

    @GetMapping
    @Operation(summary = "Inspections of a region's subtree, or a facility's inspection history")
    List<Inspection> list(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Pattern(regexp = ID) @Nullable String facilityId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        String prefix = access.searchScope(
                        caller, caller.isOversight() ? null : FacilityWork.SUPERVISING_AGENCY, region)
                .regionPrefix();
        List<Inspection> found = store.search(prefix, facilityId, null, null, size);
        access.auditSearchResults(
                caller,
                "inspection",
                found.stream()
                        .map(i -> new Access.Owned(i.id(), FacilityWork.SUPERVISING_AGENCY))
                        .toList());
        return found;
    }

    record DrawPage(List<Draw.Summary> items, int page, int size, long total) {}

    record RosterEntry(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 500) List<@Pattern(regexp = ID) String> conflicts) {}

    /** A draw asked for: the seed is the server's, so a body naming one is refused. */
    record NewDraw(
            @NotNull @Pattern(regexp = REGION, message = "{cn.wildlife.region.invalid}")
            String region,

            @io.swagger.v3.oas.annotations.media.Schema(hidden = true) @Nullable
            Object seed,

            @Min(1) @Max(500) int facilityCount,
            @Min(1) @Max(10) int inspectorsPerFacility,
            @NotNull LocalDate plannedFor,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid RosterEntry> roster) {}

    /** An inspection planned by hand, part of a joint operation if {@code operationId} names one. */
    record NewInspection(
            @NotNull @Pattern(regexp = ID) String facilityId,
            @NotNull LocalDate plannedFor,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> inspectors,
            @Nullable @Pattern(regexp = ID) String operationId) {}

    record CheckRequest(
            @NotNull Inspection.Item item,
            boolean passed,
            @Nullable @Size(max = 2000) String note) {}

    record CountRequest(@NotBlank @Size(max = 60) String speciesCode, long count) {}

    record FindingRequest(
            @NotNull Inspection.Item item,
            @NotBlank @Size(max = 2000) String description,
            boolean suspectedCrime,
            @Nullable @Size(max = 50) List<@NotBlank String> speciesCodes) {}

    record RecordRequest(
            @NotNull Instant inspectedAt,
            @NotNull @Size(max = 5) List<@NotNull @Valid CheckRequest> checklist,
            @Nullable @Size(max = 100) List<@NotNull @Valid CountRequest> counted,
            @Nullable @Size(max = 50) List<@NotNull @Valid FindingRequest> findings,
            long expectedVersion,
            @Nullable @Pattern(regexp = ID) String operationId) {}

    @Configuration(proxyBeanMethods = false)
    static class InspectionConfiguration {

        @Bean
        OutboxCollection inspectionOutbox(InspectionStore store) {
            return new OutboxCollection(store.collection());
        }

        @Bean
        OutboxCollection drawOutbox(DrawStore store) {
            return new OutboxCollection(store.collection());
        }
    }
}
