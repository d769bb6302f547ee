package cn.wildlife.inspection.facility;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.Topics;
import cn.wildlife.events.facility.FacilityChanged;
import cn.wildlife.events.facility.FacilityRegistered;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.species.SpeciesCodes;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Everything that happens to a facility. Each change is one write of the facility at its next version with the event
 * announcing it on {@code platform.inspections}; a change based on a stale read is refused (409), never merged.
 */
@Service
public class FacilityWork {

    /** Forestry and grassland bureaus supervise captive breeding: the registry is theirs. */
    public static final Agency SUPERVISING_AGENCY = Agency.FORESTRY;

    private final FacilityStore store;
    private final SpeciesCodes species;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Texts texts;

    public FacilityWork(
            FacilityStore store, SpeciesCodes species, Outbox outbox, OutboxRelay relay, Clock clock, Texts texts) {
        this.store = store;
        this.species = species;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    /** A facility to register, whether typed in or read from an agency's spreadsheet. */
    public record Registration(
            String name,
            String region,
            String address,
            String licenceNumber,
            @Nullable LocalDate licenceValidFrom,
            LocalDate licenceValidUntil,
            List<String> licensedSpeciesCodes,
            List<Facility.Purpose> purposes,
            List<Facility.Holding> holdings) {}

    /**
     * The domain checks of a registration, with the request's field names: unknown species, counts below zero,
     * kept species outside the licence scope, a validity that ends before it starts.
     */
    public List<FieldError> check(Registration r) {
        List<FieldError> errors =
                new ArrayList<>(species.unknown("licensedSpeciesCodes", r.licensedSpeciesCodes()).stream()
                        .map(e -> new FieldError(e.field(), texts.get("species.unknown"), e.rejectedValue()))
                        .toList());
        if (r.licenceValidFrom() != null && r.licenceValidUntil().isBefore(r.licenceValidFrom())) {
            errors.add(new FieldError(
                    "licenceValidUntil",
                    texts.get("date.order", r.licenceValidFrom()),
                    r.licenceValidUntil().toString()));
        }
        errors.addAll(checkHoldings("holdings", r.holdings(), r.licensedSpeciesCodes()));
        return errors;
    }

    private List<FieldError> checkHoldings(String field, List<Facility.Holding> holdings, List<String> licensed) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < holdings.size(); i++) {
            Facility.Holding h = holdings.get(i);
            if (!species.known(h.speciesCode())) {
                errors.add(new FieldError(
                        field + "[" + i + "].speciesCode", texts.get("species.unknown"), h.speciesCode()));
            } else if (!licensed.contains(h.speciesCode())) {
                errors.add(new FieldError(
                        field + "[" + i + "].speciesCode",
                        texts.get("species.not-licensed", String.join(", ", licensed)),
                        h.speciesCode()));
            }
            if (h.count() < 0) {
                errors.add(new FieldError(field + "[" + i + "].count", texts.get("count.negative"), h.count()));
            }
        }
        return errors;
    }

    /** Registers a checked facility; false when its licence number is already registered. */
    public @Nullable Facility register(Registration r, Caller by, String source) {
        String id = "FAC-" + r.region() + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Instant at = clock.instant();
        Facility blank = new Facility(
                id,
                r.name(),
                r.region(),
                r.address(),
                r.licenceNumber(),
                r.licenceValidFrom(),
                r.licenceValidUntil(),
                r.licensedSpeciesCodes(),
                r.purposes(),
                List.of(),
                List.of(),
                List.of(),
                at,
                0);
        Map<String, Long> counts = new LinkedHashMap<>();
        r.holdings().forEach(h -> counts.merge(h.speciesCode(), h.count(), Long::sum));
        Facility facility = blank.withCounts(
                counts, LocalDate.ofInstant(at, InspectionServiceApplication.CHINA), source, by.name(), at);
        List<Document> events = new ArrayList<>();
        events.add(outbox.entry(
                Topics.PLATFORM_INSPECTIONS,
                Envelope.of(
                        InspectionServiceApplication.EVENT_SOURCE,
                        SUPERVISING_AGENCY,
                        facility.region(),
                        new FacilityRegistered(
                                id,
                                facility.name(),
                                facility.region(),
                                facility.licenceNumber(),
                                facility.licenceValidUntil(),
                                facility.licensedSpeciesCodes()))));
        if (!facility.holdings().isEmpty()) {
            events.add(changed(EventType.FACILITY_LEDGER_CHANGED, facility, by, at, source));
        }
        if (!store.insert(facility, events, outbox)) {
            return null;
        }
        relay.wake();
        return facility;
    }

    /** New counts of some species, dated and sourced (an inspection, the facility's report, a birth or death). */
    public Facility recordCounts(
            String facilityId,
            List<Facility.Holding> counts,
            LocalDate on,
            String source,
            long expectedVersion,
            Caller by) {
        Facility before = find(facilityId);
        List<FieldError> errors = checkHoldings("counts", counts, before.licensedSpeciesCodes());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        requireVersion(before, expectedVersion);
        Map<String, Long> changed = new LinkedHashMap<>();
        counts.forEach(h -> changed.put(h.speciesCode(), h.count()));
        Instant at = clock.instant();
        Facility after = before.withCounts(changed, on, source, by.name(), at);
        return save(after, EventType.FACILITY_LEDGER_CHANGED, by, at, source);
    }

    public Facility applyMeasure(
            String facilityId,
            Facility.MeasureKind kind,
            LocalDate on,
            String reason,
            @Nullable String orderId,
            Caller by) {
        Facility before = find(facilityId);
        if (before.measuresInForce().stream().anyMatch(m -> m.kind() == kind)) {
            throw new ConflictException("measure-in-force", kind + " is already in force", Map.of("kind", kind.name()));
        }
        List<Facility.Measure> measures = new ArrayList<>(before.measures());
        measures.add(new Facility.Measure(
                facilityId + "-M" + (measures.size() + 1), kind, on, reason, orderId, by.name(), null, null));
        Instant at = clock.instant();
        return save(
                before.withMeasures(measures), EventType.FACILITY_MEASURE_APPLIED, by, at, kind.label() + "：" + reason);
    }

    public Facility liftMeasure(String facilityId, String measureId, LocalDate on, String reason, Caller by) {
        Facility before = find(facilityId);
        Facility.Measure measure = before.measures().stream()
                .filter(m -> m.id().equals(measureId))
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("measure", measureId));
        if (!measure.inForce()) {
            throw new ConflictException(
                    "measure-lifted",
                    "the measure was lifted on " + measure.liftedOn(),
                    Map.of("liftedOn", measure.liftedOn().toString()));
        }
        if (on.isBefore(measure.appliedOn())) {
            throw new InvalidRequestException("on", texts.get("date.order", measure.appliedOn()), on.toString());
        }
        List<Facility.Measure> measures = before.measures().stream()
                .map(m -> m.id().equals(measureId)
                        ? new Facility.Measure(
                                m.id(),
                                m.kind(),
                                m.appliedOn(),
                                m.reason(),
                                m.rectificationOrderId(),
                                m.appliedBy(),
                                on,
                                reason)
                        : m)
                .toList();
        Instant at = clock.instant();
        return save(
                before.withMeasures(measures),
                EventType.FACILITY_MEASURE_LIFTED,
                by,
                at,
                "解除" + measure.kind().label() + "：" + reason);
    }

    public Facility find(String facilityId) {
        return store.find(facilityId).orElseThrow(() -> new RecordNotFoundException("facility", facilityId));
    }

    private Facility save(Facility after, EventType type, Caller by, Instant at, String source) {
        if (!store.update(after, List.of(changed(type, after, by, at, source)), outbox)) {
            throw new ConflictException(
                    "version-conflict",
                    "facility " + after.id() + " was changed meanwhile",
                    Map.of("currentVersion", find(after.id()).version()));
        }
        relay.wake();
        return after;
    }

    private static void requireVersion(Facility before, long expected) {
        if (before.version() != expected) {
            throw new ConflictException(
                    "version-conflict",
                    "facility " + before.id() + " is at version " + before.version(),
                    Map.of("currentVersion", before.version()));
        }
    }

    private Document changed(EventType type, Facility f, Caller by, Instant at, String source) {
        FacilityChanged payload = new FacilityChanged(
                f.id(),
                f.region(),
                at,
                by.name(),
                f.holdings().stream()
                        .map(h -> new FacilityChanged.Holding(h.speciesCode(), h.count()))
                        .toList(),
                f.measuresInForce().stream()
                        .map(m -> m.kind().name())
                        .distinct()
                        .toList(),
                source,
                f.version());
        return outbox.entry(
                Topics.PLATFORM_INSPECTIONS,
                Envelope.of(InspectionServiceApplication.EVENT_SOURCE, SUPERVISING_AGENCY, f.region(), type, payload));
    }
}
