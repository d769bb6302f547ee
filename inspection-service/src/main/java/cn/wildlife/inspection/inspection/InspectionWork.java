package cn.wildlife.inspection.inspection;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.inspection.CrimeSuspected;
import cn.wildlife.events.inspection.DrawMade;
import cn.wildlife.events.inspection.InspectionChanged;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.facility.Facility;
import cn.wildlife.inspection.facility.FacilityWork;
import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.inspection.inspection.domain.RandomDraw;
import cn.wildlife.inspection.inspection.domain.Recording;
import cn.wildlife.inspection.species.SpeciesCodes;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Planning (by hand or by draw), recording inspections, and publishing draws. */
@Service
public class InspectionWork {

    private final InspectionStore inspections;
    private final cn.wildlife.inspection.operation.OperationStore operations;
    private final DrawStore draws;
    private final FacilityWork facilities;
    private final cn.wildlife.inspection.facility.FacilityStore facilityStore;
    private final SpeciesCodes species;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();
    private final Texts texts;

    public InspectionWork(
            InspectionStore inspections,
            DrawStore draws,
            FacilityWork facilities,
            cn.wildlife.inspection.facility.FacilityStore facilityStore,
            SpeciesCodes species,
            Outbox outbox,
            OutboxRelay relay,
            Clock clock,
            cn.wildlife.inspection.operation.OperationStore operations,
            Texts texts) {
        this.inspections = inspections;
        this.operations = operations;
        this.draws = draws;
        this.facilities = facilities;
        this.facilityStore = facilityStore;
        this.species = species;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * Draws facilities of the region's subtree and inspectors for each, records the draw with its inputs, and plans
     * one inspection per facility drawn. The seed is drawn here, from {@link SecureRandom}: a caller cannot choose
     * it, so cannot choose the outcome; it is recorded with the list and roster as they stood, and published.
     */
    public Draw draw(
            String region,
            int facilityCount,
            int inspectorsPerFacility,
            LocalDate plannedFor,
            List<RandomDraw.Inspector> roster,
            Caller by) {
        long chosen = RandomDraw.newSeed(seeds);
        List<String> candidates = facilityStore.idsIn(new RegionCode(region).subtreePrefix());
        RandomDraw.Input input = new RandomDraw.Input(chosen, candidates, facilityCount, roster, inspectorsPerFacility);
        RandomDraw.Result result;
        try {
            result = RandomDraw.draw(input);
        } catch (RandomDraw.Impossible e) {
            throw e.facilityId() == null
                    ? new InvalidRequestException(
                            "facilityCount",
                            texts.get("facilities.too-few", e.available(), facilityCount),
                            facilityCount)
                    : new InvalidRequestException(
                            "roster",
                            texts.get("inspectors.too-few", e.available(), e.facilityId(), inspectorsPerFacility),
                            roster.size());
        }
        String drawId = "DRAW-" + region + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Instant at = clock.instant();
        List<String> inspectionIds = new ArrayList<>();
        List<Inspection> planned = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> drawn :
                result.inspectorsByFacility().entrySet()) {
            Facility facility = facilities.find(drawn.getKey());
            Inspection inspection = new Inspection(
                    drawId + "-" + (++n),
                    facility.id(),
                    facility.name(),
                    facility.region(),
                    Inspection.Status.PLANNED,
                    drawId,
                    plannedFor,
                    drawn.getValue(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    List.of(),
                    1);
            planned.add(inspection);
            inspectionIds.add(inspection.id());
        }
        Draw draw = new Draw(
                drawId,
                region,
                chosen,
                RandomDraw.ALGORITHM,
                facilityCount,
                inspectorsPerFacility,
                plannedFor,
                input.facilityIds(),
                input.roster(),
                result.inspectorsByFacility(),
                inspectionIds,
                at,
                by.name(),
                false,
                null);
        draws.insert(draw, List.of(drawEvent(EventType.INSPECTION_DRAW_MADE, draw)), outbox);
        // The draw is written first: planned inspections without their draw would be unexplained; a draw whose
        // inspections are missing after a crash is visible and its ids are fixed, so re-planning cannot duplicate.
        for (Inspection inspection : planned) {
            inspections.insert(inspection, List.of(inspectionEvent(EventType.INSPECTION_PLANNED, inspection)), outbox);
        }
        relay.wake();
        return draw;
    }

    /** Whether drawing again from the recorded seed, list and roster gives the recorded result. */
    public record Verification(
            String drawId, long seed, String algorithm, boolean reproduced, Map<String, List<String>> redrawn) {}

    public Verification verify(Draw draw) {
        Map<String, List<String>> again = draw.redraw().inspectorsByFacility();
        return new Verification(
                draw.id(),
                draw.seed(),
                draw.algorithm(),
                again.equals(draw.inspectorsByFacility())
                        && List.copyOf(again.keySet())
                                .equals(List.copyOf(draw.inspectorsByFacility().keySet())),
                again);
    }

    /** 一公开: the draw's result is announced; publishing twice is refused. */
    public Draw publish(Draw draw) {
        Instant at = clock.instant();
        Draw published = new Draw(
                draw.id(),
                draw.region(),
                draw.seed(),
                draw.algorithm(),
                draw.facilityCount(),
                draw.inspectorsPerFacility(),
                draw.plannedFor(),
                draw.candidates(),
                draw.roster(),
                draw.inspectorsByFacility(),
                draw.inspectionIds(),
                draw.drawnAt(),
                draw.drawnBy(),
                true,
                at);
        if (!draws.publish(draw.id(), at, List.of(drawEvent(EventType.INSPECTION_DRAW_PUBLISHED, published)), outbox)) {
            throw new ConflictException(
                    "draw-published",
                    "draw " + draw.id() + " is already published",
                    Map.of("publishedAt", String.valueOf(draw.publishedAt())));
        }
        relay.wake();
        return published;
    }

    public Inspection plan(
            String facilityId, LocalDate plannedFor, List<String> inspectors, @Nullable String operationId) {
        Facility facility = facilities.find(facilityId);
        List<FieldError> errors = new ArrayList<>();
        checkOperation(operationId, facility.region(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Inspection inspection = new Inspection(
                "INS-" + facility.region() + "-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                facility.id(),
                facility.name(),
                facility.region(),
                Inspection.Status.PLANNED,
                null,
                plannedFor,
                inspectors,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                operationId,
                List.of(),
                1);
        inspections.insert(inspection, List.of(inspectionEvent(EventType.INSPECTION_PLANNED, inspection)), outbox);
        relay.wake();
        return inspection;
    }

    /**
     * What an inspection found, as the inspectors enter it; {@code operationId}, when given, names the joint operation
     * the inspection was part of (else the one it was planned under, if any).
     */
    public record Record(
            Instant inspectedAt,
            List<Inspection.Check> checklist,
            List<Facility.Holding> counted,
            List<Recording.NewFinding> findings,
            long expectedVersion,
            @Nullable String operationId) {}

    /**
     * An inspection can only be counted in an operation that exists and whose region covers the facility: a typo or
     * another province's operation would put it in the wrong results table.
     */
    private void checkOperation(@Nullable String operationId, String region, List<FieldError> errors) {
        if (operationId == null) {
            return;
        }
        java.util.Optional<cn.wildlife.inspection.operation.Operation> operation = operations.find(operationId);
        if (operation.isEmpty()) {
            errors.add(new FieldError("operationId", texts.get("operation.unknown"), operationId));
        } else if (!new RegionCode(operation.get().region()).contains(region)) {
            errors.add(new FieldError(
                    "operationId", texts.get("operation.region", operation.get().region(), region), operationId));
        }
    }

    /**
     * Records the inspection by the rules of {@link Recording} and {@link Inspection#recorded}, with an announcement
     * of each finding that suggests a crime for the agency such findings go to.
     */
    public Inspection record(Inspection before, Record r, Caller by) {
        try {
            before.checkRecordable(r.expectedVersion());
        } catch (Inspection.NotRecordable e) {
            throw switch (e.reason()) {
                case ALREADY_RECORDED ->
                    new ConflictException(
                            "inspection-recorded",
                            e.getMessage(),
                            Map.of("status", before.status().name()));
                case VERSION_CONFLICT ->
                    new ConflictException(
                            "version-conflict", e.getMessage(), Map.of("currentVersion", before.version()));
            };
        }
        Facility facility = facilities.find(before.facilityId());
        Recording entry = new Recording(r.inspectedAt(), r.checklist(), counts(r.counted()), r.findings());
        List<FieldError> errors = new ArrayList<>();
        checkOperation(r.operationId(), before.region(), errors);
        entry.problems(species::known).forEach(p -> errors.add(fieldError(p)));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Inspection after = before.recorded(entry, counts(facility.holdings()), r.operationId(), by.name());
        List<Document> events = new ArrayList<>(List.of(inspectionEvent(EventType.INSPECTION_RECORDED, after)));
        for (Inspection.Finding f : after.suspectedCrimes()) {
            events.add(outbox.entry(
                    Topics.PLATFORM_INSPECTIONS,
                    Envelope.of(
                            InspectionServiceApplication.EVENT_SOURCE,
                            FacilityWork.SUPERVISING_AGENCY,
                            after.region(),
                            new CrimeSuspected(
                                    f.id(),
                                    after.id(),
                                    after.facilityId(),
                                    after.region(),
                                    f.speciesCodes(),
                                    f.description(),
                                    after.inspectedAt(),
                                    Inspection.CRIMES_GO_TO,
                                    after.operationId()))));
        }
        if (!inspections.update(after, events, outbox)) {
            throw new ConflictException(
                    "version-conflict",
                    "inspection " + before.id() + " was changed meanwhile",
                    Map.of("currentVersion", find(before.id()).version()));
        }
        relay.wake();
        return after;
    }

    private static List<Recording.Count> counts(List<Facility.Holding> holdings) {
        return holdings.stream()
                .map(h -> new Recording.Count(h.speciesCode(), h.count()))
                .toList();
    }

    private FieldError fieldError(Recording.Problem problem) {
        if (problem instanceof Recording.ChecklistIncomplete c) {
            return new FieldError(
                    c.field(),
                    texts.get(
                            "checklist.missing",
                            c.needed().stream().map(Enum::name).collect(Collectors.joining(", "))),
                    c.given().stream().map(Enum::name).toList());
        }
        if (problem instanceof Recording.UnknownSpecies u) {
            return new FieldError(u.field(), texts.get("species.unknown"), u.speciesCode());
        }
        Recording.NegativeCount n = (Recording.NegativeCount) problem;
        return new FieldError(n.field(), texts.get("count.negative"), n.count());
    }

    /**
     * What a published draw announces (一公开): where and when, the seed and the algorithm, the facility list and the
     * roster (names and the facilities each must not inspect) as they stood before the draw, how many were drawn, and
     * the facilities and inspectors' names drawn. Everything needed to draw again, anywhere ({@link RandomDraw}
     * defines the algorithm); not who drew it. Before publication there is nothing to read.
     */
    public record Announcement(
            String drawId,
            String region,
            LocalDate plannedFor,
            long seed,
            String algorithm,
            int drawnFrom,
            List<String> candidates,
            List<RandomDraw.Inspector> roster,
            int facilityCount,
            int inspectorsPerFacility,
            Instant publishedAt,
            List<Drawn> facilities) {

        /** One facility drawn, with the inspectors drawn for it. */
        public record Drawn(String facilityId, String facilityName, List<String> inspectors) {}
    }

    public Announcement announcement(String drawId) {
        Draw draw = draws.find(drawId)
                .filter(Draw::published)
                .orElseThrow(() -> new RecordNotFoundException("draw", drawId));
        return new Announcement(
                draw.id(),
                draw.region(),
                draw.plannedFor(),
                draw.seed(),
                draw.algorithm(),
                draw.candidates().size(),
                draw.candidates(),
                draw.roster(),
                draw.facilityCount(),
                draw.inspectorsPerFacility(),
                draw.publishedAt(),
                draw.inspectorsByFacility().entrySet().stream()
                        .map(e -> new Announcement.Drawn(
                                e.getKey(), facilities.find(e.getKey()).name(), e.getValue()))
                        .toList());
    }

    /** case-service recorded a finding of this inspection as a clue of the agency it went to. */
    public void clueRecorded(String inspectionId, Inspection.HandedOver clue) {
        inspections.addClue(inspectionId, clue);
    }

    public Inspection find(String id) {
        return inspections.find(id).orElseThrow(() -> new RecordNotFoundException("inspection", id));
    }

    public Draw findDraw(String id) {
        return draws.find(id).orElseThrow(() -> new RecordNotFoundException("draw", id));
    }

    private Document drawEvent(EventType type, Draw d) {
        return outbox.entry(
                Topics.PLATFORM_INSPECTIONS,
                Envelope.of(
                        InspectionServiceApplication.EVENT_SOURCE,
                        FacilityWork.SUPERVISING_AGENCY,
                        d.region(),
                        type,
                        new DrawMade(
                                d.id(),
                                d.region(),
                                d.seed(),
                                d.drawnAt(),
                                List.copyOf(d.inspectorsByFacility().keySet()),
                                d.inspectorsByFacility().values().stream()
                                        .flatMap(List::stream)
                                        .distinct()
                                        .sorted()
                                        .toList(),
                                d.published())));
    }

    private Document inspectionEvent(EventType type, Inspection i) {
        return outbox.entry(
                Topics.PLATFORM_INSPECTIONS,
                Envelope.of(
                        InspectionServiceApplication.EVENT_SOURCE,
                        FacilityWork.SUPERVISING_AGENCY,
                        i.region(),
                        type,
                        new InspectionChanged(
                                i.id(),
                                i.facilityId(),
                                i.region(),
                                i.status().name(),
                                i.drawId(),
                                i.plannedFor(),
                                i.inspectedAt(),
                                i.inspectors(),
                                i.failedItems().stream().map(Enum::name).toList(),
                                i.findings().size(),
                                i.version(),
                                i.operationId())));
    }
}
