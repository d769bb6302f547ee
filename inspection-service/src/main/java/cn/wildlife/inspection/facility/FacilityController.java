package cn.wildlife.inspection.facility;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.facility.FacilityRegistered;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/** The facility registry's REST door. */
@RestController
@RequestMapping("/api/facilities")
@Validated
@Tag(name = "Facilities (人工繁育机构)", description = "Captive-breeding facilities and their licences")
class FacilityController {

    /** Forestry and grassland bureaus supervise captive breeding: the registry is theirs. */
    static final Agency SUPERVISING_AGENCY = Agency.FORESTRY;

    private final FacilityStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Access access;

    FacilityController(FacilityStore store, Outbox outbox, OutboxRelay relay, Clock clock, Access access) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Register a facility", description = "Announced on platform.inspections.")
    ResponseEntity<Facility> register(Caller caller, @Valid @RequestBody NewFacility request) {
        access.checkWrite(caller, SUPERVISING_AGENCY, request.region(), Role.OFFICER, Role.HANDLER,
                Role.AGENCY_HEAD);
        String id = "FAC-" + request.region() + "-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(Locale.ROOT);
        Facility facility = new Facility(id, request.name(), request.region(), request.address(),
                request.licenceNumber(), request.licenceValidUntil(), request.licensedSpeciesCodes(),
                request.purposes(), clock.instant(), 1);
        FacilityRegistered event = new FacilityRegistered(id, facility.name(), facility.region(),
                facility.licenceNumber(), facility.licenceValidUntil(), facility.licensedSpeciesCodes());
        Envelope<FacilityRegistered> envelope = Envelope.of(InspectionServiceApplication.EVENT_SOURCE, null, facility.region(), event);
        if (!store.insert(facility, outbox.entry(Topics.PLATFORM_INSPECTIONS, envelope), outbox)) {
            throw new ConflictException("licence-registered", "licence " + request.licenceNumber()
                    + " is already registered", Map.of("licenceNumber", request.licenceNumber()));
        }
        relay.wake();
        return ResponseEntity.created(URI.create("/api/facilities/" + id)).body(facility);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One facility")
    Facility get(Caller caller, @PathVariable @Pattern(regexp = "^[A-Za-z0-9._:-]{3,80}$") String id) {
        Facility facility = store.find(id).orElseThrow(() -> new RecordNotFoundException("facility", id));
        access.checkRead(caller, "facility", id, SUPERVISING_AGENCY, facility.region());
        return facility;
    }

    @GetMapping
    @Operation(summary = "Facilities of a region's subtree, by region and name")
    FacilityPage list(Caller caller,
                      @RequestParam(required = false) @Pattern(regexp = "^[1-9][0-9]{5}$") @Nullable String region,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String prefix = access.searchScope(caller, caller.isOversight() ? null : SUPERVISING_AGENCY, region)
                .regionPrefix();
        List<Facility> facilities = store.list(prefix, page, size);
        access.auditSearchResults(caller, "facility", facilities.stream()
                .map(f -> new Access.Owned(f.id(), SUPERVISING_AGENCY)).toList());
        return new FacilityPage(facilities, page, size, store.count(prefix));
    }

    record FacilityPage(List<Facility> items, int page, int size, long total) {
    }

    record NewFacility(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^[1-9][0-9]{5}$", message = "{cn.wildlife.region.invalid}") String region,
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Size(max = 80) String licenceNumber,
            @NotNull LocalDate licenceValidUntil,
            @NotEmpty @Size(max = 100) List<@NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$") String> licensedSpeciesCodes,
            @NotEmpty List<Facility.@NotNull Purpose> purposes) {
    }

    @Configuration(proxyBeanMethods = false)
    static class FacilityConfiguration {

        @Bean
        OutboxCollection facilityOutbox(FacilityStore store) {
            return new OutboxCollection(store.collection());
        }
    }
}
