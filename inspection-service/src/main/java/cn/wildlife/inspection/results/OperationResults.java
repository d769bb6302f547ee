package cn.wildlife.inspection.results;

import cn.wildlife.events.RegionCode;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.inspection.Inspection;
import cn.wildlife.inspection.inspection.InspectionStore;
import cn.wildlife.inspection.operation.CaseFacts;
import cn.wildlife.inspection.operation.ClueFacts;
import cn.wildlife.inspection.operation.Operation;
import cn.wildlife.inspection.operation.OperationStore;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.ResultsTable;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Computes an operation's results table from what the platform already holds: the sorties agencies entered, the
 * facility inspections recorded, and the operation's cases and clues as case-service announced them. Nothing is typed
 * twice.
 */
@Service
public class OperationResults {

    /** Units that count animals; seized kilograms of meat are not "只". */
    private static final Set<String> ANIMAL_UNITS = Set.of("ANIMAL", "HEAD", "FISH");

    private final OperationStore operations;
    private final InspectionStore inspections;
    private final CaseFacts cases;
    private final ClueFacts clues;

    public OperationResults(OperationStore operations, InspectionStore inspections, CaseFacts cases,
                            ClueFacts clues) {
        this.operations = operations;
        this.inspections = inspections;
        this.cases = cases;
        this.clues = clues;
    }

    /** A computed table: the operation, region and days it covers, and its rows. */
    public record Table(String operationId, String operationName, String region, LocalDate from, LocalDate to,
                        Instant computedAt, List<ResultsTable.Row> rows) {
    }

    public Table compute(Operation o, String region, LocalDate from, LocalDate to, Instant now) {
        String prefix = new RegionCode(region).subtreePrefix();
        Instant start = from.atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
        List<Contribution> parts = new ArrayList<>();
        for (Sortie s : operations.sorties(o.id(), prefix, from, to)) {
            String source = "sortie:" + s.id();
            parts.add(new Contribution(s.region(), Column.PERSONNEL_SORTIES, BigDecimal.valueOf(s.personnel()), source));
            parts.add(new Contribution(s.region(), Column.VEHICLE_SORTIES, BigDecimal.valueOf(s.vehicles()), source));
            for (Sortie.Places p : s.places()) {
                Column column = switch (p.kind()) {
                    case HABITAT -> Column.HABITATS_INSPECTED;
                    // Flower-and-bird and pet markets are markets in the agencies' tables.
                    case MARKET, PET_SHOP -> Column.MARKETS_INSPECTED;
                    case LIVE_POULTRY_SHOP -> Column.LIVE_POULTRY_SHOPS_INSPECTED;
                    case RESTAURANT -> Column.RESTAURANTS_INSPECTED;
                    case BREEDING_SITE, ONLINE_PLATFORM -> null;
                };
                if (column != null) {
                    parts.add(new Contribution(s.region(), column, BigDecimal.valueOf(p.count()), source));
                }
            }
        }
        for (Inspection i : inspections.search(prefix, null, start, end, 10_000)) {
            // An inspection tagged with another operation is that operation's; an untagged one in the region and
            // period counts as before tagging existed.
            if (i.status() == Inspection.Status.RECORDED && (i.operationId() == null
                    || i.operationId().equals(o.id()))) {
                parts.add(new Contribution(i.region(), Column.BREEDING_SITES_INSPECTED, BigDecimal.ONE,
                        "inspection:" + i.id()));
            }
        }
        for (CaseChanged c : cases.of(o.id(), prefix, start, end)) {
            String source = "case:" + c.caseId();
            parts.add(new Contribution(c.region(), c.kind() == CaseKind.CRIMINAL ? Column.CRIMINAL_CASES
                    : Column.ADMINISTRATIVE_CASES, BigDecimal.ONE, source));
            if (c.fines() != null && c.fines().signum() > 0) {
                parts.add(new Contribution(c.region(), Column.FINES, c.fines(), source));
                // One penalty decision per case: the platform's case events do not carry how many people it named.
                parts.add(new Contribution(c.region(), Column.PEOPLE_PENALISED, BigDecimal.ONE, source));
            }
            if (c.value() != null) {
                parts.add(new Contribution(c.region(), Column.CASE_VALUE, c.value(), source));
            }
            for (SeizureSummary s : c.seizures()) {
                String item = source + "/" + s.itemId();
                boolean animals = ANIMAL_UNITS.contains(s.unit().name());
                if (s.kind() == SeizureKind.LIVE && animals) {
                    parts.add(new Contribution(c.region(), Column.LIVE_ANIMALS_SEIZED, s.quantity(), item));
                    if ("RELEASED".equals(s.disposition())) {
                        parts.add(new Contribution(c.region(), Column.ANIMALS_RELEASED, s.quantity(), item));
                    }
                } else if (s.kind() == SeizureKind.DEAD && animals) {
                    parts.add(new Contribution(c.region(), Column.DEAD_ANIMALS_SEIZED, s.quantity(), item));
                } else if (s.kind() == SeizureKind.TOOL) {
                    parts.add(new Contribution(c.region(), Column.TOOLS_SEIZED, s.quantity(), item));
                }
            }
        }
        for (ClueFacts.Fact clue : clues.of(o.id(), prefix, start, end)) {
            parts.add(new Contribution(clue.region(), Column.CLUES_RECEIVED, BigDecimal.ONE, "clue:" + clue.clueId()));
        }
        return new Table(o.id(), o.name(), region, from, to, now, ResultsTable.rollUp(region, parts));
    }
}
