package cn.wildlife.inspection.rectification;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.inspection.RectificationChanged;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.facility.FacilityWork;
import cn.wildlife.inspection.inspection.InspectionWork;
import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
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
 * Findings become rectification orders with their own deadlines; a re-inspection accepts them or not. Each step is
 * announced on {@code platform.inspections}, where notification-service runs the rectification clock to the order's
 * due day. Measures against a facility that did not rectify are taken on the facility
 * ({@code POST /api/facilities/{id}/measures} naming the order).
 */
@RestController
@RequestMapping("/api/inspections/rectifications")
@Validated
@Tag(name = "Rectification (责令限期整改)", description = "Orders with deadlines and their re-inspection")
class RectificationController {

    private static final String ID = "^[A-Za-z0-9._:-]{3,80}$";
    private static final Role[] WRITERS = {Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD};

    private final RectificationStore store;
    private final InspectionWork inspections;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Access access;
    private final Clock clock;
    private final Texts texts;

    RectificationController(
            RectificationStore store,
            InspectionWork inspections,
            Outbox outbox,
            OutboxRelay relay,
            Access access,
            Clock clock,
            Texts texts) {
        this.store = store;
        this.inspections = inspections;
        this.outbox = outbox;
        this.relay = relay;
        this.access = access;
        this.clock = clock;
        this.texts = texts;
    }

    @PostMapping
    @Operation(
            summary = "Order a finding rectified by a date",
            description = "One order per finding; the due day "
                    + "is the order's own. Opens the rectification clock in notification-service.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已下达 Ordered",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the rectification order",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<RectificationOrder> order(Caller caller, @Valid @RequestBody NewOrder request) {
        Inspection inspection = inspections.find(request.inspectionId());
        access.checkRead(caller, "inspection", inspection.id(), FacilityWork.SUPERVISING_AGENCY, inspection.region());
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, inspection.region(), WRITERS);
        if (inspection.findings().stream().noneMatch(f -> f.id().equals(request.findingId()))) {
            throw new InvalidRequestException("findingId", texts.get("finding.unknown"), request.findingId());
        }
        LocalDate inspectedOn = LocalDate.ofInstant(inspection.inspectedAt(), InspectionServiceApplication.CHINA);
        if (request.dueBy().isBefore(inspectedOn)) {
            throw new InvalidRequestException(
                    "dueBy",
                    texts.get("date.order", inspectedOn),
                    request.dueBy().toString());
        }
        Instant orderedAt = request.orderedAt() != null ? request.orderedAt() : clock.instant();
        RectificationOrder order = new RectificationOrder(
                "RECT-" + request.findingId(),
                inspection.id(),
                inspection.facilityId(),
                request.findingId(),
                inspection.region(),
                request.requirement(),
                orderedAt,
                request.dueBy(),
                endOf(request.dueBy()),
                RectificationOrder.Status.ORDERED,
                null,
                null,
                null,
                false,
                1);
        if (!store.insert(order, List.of(event(EventType.RECTIFICATION_ORDERED, order)), outbox)) {
            throw new ConflictException(
                    "order-exists",
                    "finding " + request.findingId() + " already has an order",
                    Map.of("orderId", order.id()));
        }
        relay.wake();
        return ResponseEntity.created(URI.create("/api/inspections/rectifications/" + order.id()))
                .body(order);
    }

    @PostMapping("/{id}/reinspect")
    @Operation(
            summary = "Re-inspect: accept the rectification or not (检查验收)",
            description = "Closes the rectification clock; a re-inspection after the due day records the missed "
                    + "deadline. 409 once re-inspected, or on a stale expectedVersion.")
    RectificationOrder reinspect(
            Caller caller, @PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Reinspection request) {
        RectificationOrder before = get(caller, id);
        access.checkWrite(caller, FacilityWork.SUPERVISING_AGENCY, before.region(), WRITERS);
        if (before.status() != RectificationOrder.Status.ORDERED) {
            throw new ConflictException(
                    "order-reinspected",
                    "order " + id + " was re-inspected: " + before.status(),
                    Map.of("status", before.status().name()));
        }
        if (before.version() != request.expectedVersion()) {
            throw new ConflictException(
                    "version-conflict",
                    "order " + id + " is at version " + before.version(),
                    Map.of("currentVersion", before.version()));
        }
        RectificationOrder after = new RectificationOrder(
                before.id(),
                before.inspectionId(),
                before.facilityId(),
                before.findingId(),
                before.region(),
                before.requirement(),
                before.orderedAt(),
                before.dueBy(),
                before.dueAt(),
                request.accepted() ? RectificationOrder.Status.ACCEPTED : RectificationOrder.Status.REJECTED,
                request.reinspectedAt(),
                request.note(),
                caller.name(),
                request.reinspectedAt().isAfter(before.dueAt()),
                before.version() + 1);
        EventType type = request.accepted() ? EventType.RECTIFICATION_ACCEPTED : EventType.RECTIFICATION_REJECTED;
        if (!store.update(after, List.of(event(type, after)), outbox)) {
            throw new ConflictException("version-conflict", "order " + id + " was changed meanwhile", Map.of());
        }
        relay.wake();
        return after;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rectification order")
    RectificationOrder get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        RectificationOrder order = store.find(id).orElseThrow(() -> new RecordNotFoundException("rectification", id));
        access.checkRead(caller, "rectification", id, FacilityWork.SUPERVISING_AGENCY, order.region());
        return order;
    }

    @GetMapping
    @Operation(summary = "Rectification orders of the caller's region subtree, or of one facility")
    List<RectificationOrder> list(
            Caller caller, @RequestParam(required = false) @Pattern(regexp = ID) @Nullable String facilityId) {
        String prefix = access.searchScope(caller, caller.isOversight() ? null : FacilityWork.SUPERVISING_AGENCY, null)
                .regionPrefix();
        return store.search(prefix, facilityId);
    }

    /** The end of a Beijing day: an order "by 15 December" may be met until midnight. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
    }

    private Document event(EventType type, RectificationOrder o) {
        return outbox.entry(
                Topics.PLATFORM_INSPECTIONS,
                Envelope.of(
                        InspectionServiceApplication.EVENT_SOURCE,
                        FacilityWork.SUPERVISING_AGENCY,
                        o.region(),
                        type,
                        new RectificationChanged(
                                o.id(),
                                o.inspectionId(),
                                o.facilityId(),
                                o.findingId(),
                                o.region(),
                                o.status().name(),
                                o.orderedAt(),
                                o.dueBy(),
                                o.dueAt(),
                                o.reinspectedAt(),
                                o.status() == RectificationOrder.Status.ORDERED
                                        ? null
                                        : o.status() == RectificationOrder.Status.ACCEPTED,
                                o.version())));
    }

    record NewOrder(
            @NotNull @Pattern(regexp = ID) String inspectionId,
            @NotNull @Pattern(regexp = ID) String findingId,
            @NotBlank @Size(max = 2000) String requirement,
            @NotNull LocalDate dueBy,
            @Nullable Instant orderedAt) {}

    record Reinspection(
            @NotNull Instant reinspectedAt,
            boolean accepted,
            @NotBlank @Size(max = 2000) String note,
            long expectedVersion) {}

    @Configuration(proxyBeanMethods = false)
    static class RectificationConfiguration {

        @Bean
        OutboxCollection rectificationOutbox(RectificationStore store) {
            return new OutboxCollection(store.collection());
        }
    }
}
