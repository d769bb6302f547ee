package cn.wildlife.inspection.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.RecordNotFoundException;
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
import java.time.Clock;
import java.time.LocalDate;
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

/**
 * Joint special operations: the plan as written, the agencies' sorties, and the reports owed. An operation is shared
 * by its participating agencies: each reads it where its region and the operation's overlap; the lead agency enters
 * it; the procuratorate and the supervision office read it for oversight.
 */
@RestController
@RequestMapping("/api/operations")
@Validated
@Tag(name = "Joint operations (联合专项行动)", description = "Operations, sorties, report submissions")
class OperationController {

    static final String ID = "^[A-Za-z0-9._:-]{3,80}$";
    static final String REGION = "^[1-9][0-9]{5}$";

    private final OperationWork work;
    private final OperationStore store;
    private final Access access;
    private final Clock clock;

    OperationController(OperationWork work, OperationStore store, Access access, Clock clock) {
        this.work = work;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping
    @Operation(
            summary = "Enter an operation as its plan writes it",
            description = "Phases must follow each other within the operation's dates; reporting regions lie in its "
                    + "region. Announced on platform.operations.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已录入 Entered",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the operation",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<cn.wildlife.inspection.operation.Operation> enter(
            Caller caller, @Valid @RequestBody NewOperation request) {
        access.checkWrite(caller, request.leadAgency(), request.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        var operation = work.enter(request.draft(), caller);
        return ResponseEntity.created(URI.create("/api/operations/" + operation.id()))
                .body(operation);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operation")
    cn.wildlife.inspection.operation.Operation get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return readable(caller, id);
    }

    @GetMapping
    @Operation(summary = "Operations in the caller's region subtree")
    List<cn.wildlife.inspection.operation.Operation> list(Caller caller) {
        return store.list(caller.region().subtreePrefix()).stream()
                .filter(o -> OperationAccess.mayRead(caller, o))
                .toList();
    }

    @PostMapping("/{id}/sorties")
    @Operation(
            summary = "Record a patrol or sortie",
            description = "By a participating agency, in its region. Breeding sites are counted from inspection "
                    + "records and are refused here.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已记录 The sortie is recorded")
    ResponseEntity<Sortie> sortie(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody NewSortie request) {
        var operation = readable(caller, id);
        requireParticipant(caller, operation);
        access.checkWrite(caller, caller.agency(), request.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        Sortie sortie = work.recordSortie(
                operation,
                caller.agency(),
                request.region(),
                request.on(),
                request.personnel(),
                request.vehicles(),
                request.places() == null
                        ? List.of()
                        : request.places().stream()
                                .map(p -> new Sortie.Places(p.kind(), p.count()))
                                .toList(),
                request.hotspot(),
                request.note(),
                caller);
        return ResponseEntity.status(201).body(sortie);
    }

    @GetMapping("/{id}/sorties")
    @Operation(summary = "Sorties of the operation in a region subtree and period")
    List<Sortie> sorties(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        var operation = readable(caller, id);
        String scope = OperationAccess.scope(caller, operation, region);
        return store.sorties(
                id,
                new RegionCode(scope).subtreePrefix(),
                from == null ? operation.startsOn() : from,
                to == null ? operation.endsOn() : to);
    }

    @PostMapping("/{id}/reports")
    @Operation(
            summary = "Submit a report: a month's summary (period yyyy-MM) or the final report (FINAL)",
            description = "On time or late against its due day; submitted once per region and period.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已报送 The report is submitted")
    ResponseEntity<ReportSubmission> submit(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody NewReport request) {
        var operation = readable(caller, id);
        requireParticipant(caller, operation);
        access.checkWrite(caller, caller.agency(), request.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        return ResponseEntity.status(201)
                .body(work.submit(
                        operation,
                        caller.agency(),
                        request.region(),
                        request.period(),
                        request.submittedOn() != null
                                ? request.submittedOn()
                                : LocalDate.now(
                                        clock.withZone(cn.wildlife.inspection.InspectionServiceApplication.CHINA)),
                        caller));
    }

    @GetMapping("/{id}/reports")
    @Operation(
            summary = "Every report owed: on time, late, missing or not yet due",
            description = "For the lead agency and the supervision office (瞒报、漏报、迟报 are what they watch).")
    List<OperationWork.ReportStatus> reports(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) @Nullable LocalDate asOf) {
        var operation = readable(caller, id);
        if (caller.agency() != operation.leadAgency() && !caller.isOversight()) {
            throw new AccessDeniedProblem("not-lead-office", "report status is for the lead office and oversight");
        }
        return work.reportStatus(
                operation,
                asOf != null
                        ? asOf
                        : LocalDate.now(clock.withZone(cn.wildlife.inspection.InspectionServiceApplication.CHINA)));
    }

    cn.wildlife.inspection.operation.Operation readable(Caller caller, String id) {
        var operation = work.find(id);
        if (!OperationAccess.mayRead(caller, operation)) {
            throw new RecordNotFoundException("operation", id);
        }
        return operation;
    }

    private static void requireParticipant(Caller caller, cn.wildlife.inspection.operation.Operation o) {
        if (caller.agency() != o.leadAgency()
                && o.participants().stream().noneMatch(p -> p.agency() == caller.agency())) {
            throw new AccessDeniedProblem("not-participant", caller.agency() + " does not take part in " + o.id());
        }
    }

    record ParticipantRequest(
            @NotNull Agency agency,
            @NotBlank @Size(max = 200) String office,
            @NotBlank @Size(max = 2000) String duties) {}

    record PhaseRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotBlank @Size(max = 2000) String tasks) {}

    record DutyRequest(
            @NotNull Agency agency,
            @NotBlank @Size(max = 1000) String description,
            @Min(1) @Max(366) int everyDays,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> hotspots) {}

    record NewOperation(
            @NotBlank @Size(max = 200) String name,
            @NotNull Agency leadAgency,
            @NotBlank @Size(max = 200) String leadOffice,

            @NotNull @Pattern(regexp = REGION, message = "{cn.wildlife.region.invalid}")
            String region,

            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid ParticipantRequest> participants,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid PhaseRequest> phases,
            @Size(max = 10) List<@NotNull PlaceKind> targetPlaces,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> targetBehaviours,
            @Size(max = 20) List<@NotNull @Valid DutyRequest> recurringDuties,
            @Size(max = 100) List<@NotNull @Pattern(regexp = REGION) String> reportingRegions,
            @Min(1) @Max(28) int monthlyDueDay,
            @Nullable LocalDate finalReportDue) {

        cn.wildlife.inspection.operation.Operation draft() {
            return new cn.wildlife.inspection.operation.Operation(
                    null,
                    name,
                    leadAgency,
                    leadOffice,
                    region,
                    startsOn,
                    endsOn,
                    participants.stream()
                            .map(p -> new cn.wildlife.inspection.operation.Operation.Participant(
                                    p.agency(), p.office(), p.duties()))
                            .toList(),
                    phases.stream()
                            .map(p -> new cn.wildlife.inspection.operation.Operation.Phase(
                                    p.name(), p.from(), p.to(), p.tasks()))
                            .toList(),
                    targetPlaces == null ? List.of() : targetPlaces,
                    targetBehaviours == null ? List.of() : targetBehaviours,
                    recurringDuties == null
                            ? List.of()
                            : recurringDuties.stream()
                                    .map(d -> new cn.wildlife.inspection.operation.Operation.Duty(
                                            d.agency(),
                                            d.description(),
                                            d.everyDays(),
                                            d.hotspots() == null ? List.of() : d.hotspots()))
                                    .toList(),
                    reportingRegions == null ? List.of() : reportingRegions,
                    monthlyDueDay,
                    finalReportDue,
                    "",
                    null,
                    0);
        }
    }

    record PlacesRequest(@NotNull PlaceKind kind, int count) {}

    record NewSortie(
            @NotNull @Pattern(regexp = REGION) String region,
            @NotNull LocalDate on,
            int personnel,
            int vehicles,
            @Size(max = 10) List<@NotNull @Valid PlacesRequest> places,
            @Nullable @Size(max = 200) String hotspot,
            @Nullable @Size(max = 2000) String note) {}

    record NewReport(
            @NotNull @Pattern(regexp = REGION) String region,

            @NotNull @Pattern(regexp = "^(\\d{4}-\\d{2}|FINAL)$")
            String period,

            @Nullable LocalDate submittedOn) {}

    @Configuration(proxyBeanMethods = false)
    static class OperationConfiguration {

        @Bean
        OutboxCollection operationOutbox(OperationStore store) {
            return new OutboxCollection(store.collections().get(0));
        }

        @Bean
        OutboxCollection sortieOutbox(OperationStore store) {
            return new OutboxCollection(store.collections().get(1));
        }

        @Bean
        OutboxCollection reportOutbox(OperationStore store) {
            return new OutboxCollection(store.collections().get(2));
        }
    }
}
