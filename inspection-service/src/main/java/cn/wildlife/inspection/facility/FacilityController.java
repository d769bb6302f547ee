package cn.wildlife.inspection.facility;

import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.InvalidRequestException;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** The facility registry's REST door: licence, ledger, measures. */
@RestController
@RequestMapping("/api/facilities")
@Validated
@Tag(name = "Facilities (人工繁育机构)", description = "Captive-breeding facilities, their licences, ledgers and measures")
class FacilityController {

    static final String ID = "^[A-Za-z0-9._:-]{3,80}$";
    private static final Role[] WRITERS = {Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD};

    private final FacilityStore store;
    private final FacilityWork work;
    private final Access access;

    FacilityController(FacilityStore store, FacilityWork work, Access access) {
        this.store = store;
        this.work = work;
        this.access = access;
    }

    @PostMapping
    @Operation(
            summary = "Register a facility",
            description = "Announced on platform.inspections. Kept species must "
                    + "be catalogue codes within the licence scope; counts start the ledger.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已登记 Registered",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the facility",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<Facility> register(Caller caller, @Valid @RequestBody NewFacility request) {
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, request.region(), WRITERS);
        FacilityWork.Registration registration = request.registration();
        var errors = work.check(registration);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Facility facility = work.register(registration, caller, "登记");
        if (facility == null) {
            throw new ConflictException(
                    "licence-registered",
                    "licence " + request.licenceNumber() + " is already registered",
                    Map.of("licenceNumber", request.licenceNumber()));
        }
        return ResponseEntity.created(URI.create("/api/facilities/" + facility.id()))
                .body(facility);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One facility with its ledger history and measures")
    Facility get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return readable(caller, id);
    }

    @GetMapping
    @Operation(summary = "Facilities of a region's subtree, by region and name")
    FacilityPage list(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "^[1-9][0-9]{5}$") @Nullable String region,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String prefix = access.searchScope(
                        caller, caller.isOversight() ? null : FacilityWork.SUPERVISING_AGENCY, region)
                .regionPrefix();
        List<Facility> facilities = store.list(prefix, page, size);
        access.auditSearchResults(
                caller,
                "facility",
                facilities.stream()
                        .map(f -> new Access.Owned(f.id(), FacilityWork.SUPERVISING_AGENCY))
                        .toList());
        return new FacilityPage(facilities, page, size, store.count(prefix));
    }

    @PostMapping("/{id}/ledger")
    @Operation(
            summary = "Record species counts (dated and sourced)",
            description = "Each changed count becomes a ledger entry; 0 means none kept any more. 409 on a stale "
                    + "expectedVersion.")
    Facility recordCounts(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Counts request) {
        Facility facility = readable(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, facility.region(), WRITERS);
        return work.recordCounts(
                id,
                request.counts().stream()
                        .map(c -> new Facility.Holding(c.speciesCode(), c.count()))
                        .toList(),
                request.on(),
                request.source(),
                request.expectedVersion(),
                caller);
    }

    @PostMapping("/{id}/measures")
    @Operation(summary = "Apply a measure (suspend breeding, introduction, export; suspend business)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已采取措施 The measure is applied: the facility with it")
    ResponseEntity<Facility> applyMeasure(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody NewMeasure request) {
        Facility facility = readable(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, facility.region(), WRITERS);
        return ResponseEntity.status(201)
                .body(work.applyMeasure(
                        id, request.kind(), request.on(), request.reason(), request.rectificationOrderId(), caller));
    }

    @PostMapping("/{id}/measures/{measureId}/lift")
    @Operation(summary = "Lift a measure")
    Facility liftMeasure(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable @Pattern(regexp = ID) String measureId,
            @Valid @RequestBody Lifting request) {
        Facility facility = readable(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, facility.region(), WRITERS);
        return work.liftMeasure(id, measureId, request.on(), request.reason(), caller);
    }

    private Facility readable(Caller caller, String id) {
        Facility facility = work.find(id);
        access.checkRead(caller, "facility", id, FacilityWork.SUPERVISING_AGENCY, facility.region());
        return facility;
    }

    record FacilityPage(List<Facility> items, int page, int size, long total) {}

    record Count(@NotBlank @Size(max = 60) String speciesCode, long count) {}

    record NewFacility(
            @NotBlank @Size(max = 200) String name,

            @NotNull @Pattern(regexp = "^[1-9][0-9]{5}$", message = "{cn.wildlife.region.invalid}")
            String region,

            @NotBlank @Size(max = 500) String address,
            @NotBlank @Size(max = 80) String licenceNumber,
            @Nullable LocalDate licenceValidFrom,
            @NotNull LocalDate licenceValidUntil,

            @NotEmpty @Size(max = 100)
            List<@NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$") String> licensedSpeciesCodes,

            @NotEmpty List<Facility.@NotNull Purpose> purposes,
            @Nullable @Size(max = 100) List<@NotNull @Valid Count> holdings) {

        FacilityWork.Registration registration() {
            return new FacilityWork.Registration(
                    name,
                    region,
                    address,
                    licenceNumber,
                    licenceValidFrom,
                    licenceValidUntil,
                    licensedSpeciesCodes,
                    purposes,
                    holdings == null
                            ? List.of()
                            : holdings.stream()
                                    .map(c -> new Facility.Holding(c.speciesCode(), c.count()))
                                    .toList());
        }
    }

    record Counts(
            @NotEmpty @Size(max = 100) List<@NotNull @Valid Count> counts,
            @NotNull LocalDate on,
            @NotBlank @Size(max = 500) String source,
            long expectedVersion) {}

    record NewMeasure(
            @NotNull Facility.MeasureKind kind,
            @NotNull LocalDate on,
            @NotBlank @Size(max = 1000) String reason,
            @Nullable @Pattern(regexp = ID) String rectificationOrderId) {}

    record Lifting(
            @NotNull LocalDate on,
            @NotBlank @Size(max = 1000) String reason) {}

    @Configuration(proxyBeanMethods = false)
    static class FacilityConfiguration {

        @Bean
        OutboxCollection facilityOutbox(FacilityStore store) {
            return new OutboxCollection(store.collection());
        }
    }
}
