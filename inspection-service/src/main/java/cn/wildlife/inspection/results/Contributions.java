package cn.wildlife.inspection.results;

import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.ResultsTable.Column;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What each kind of record puts into a results table, in one place: the table computed from the records themselves
 * ({@link OperationResults} with sources) and the running tallies ({@link ResultsLedger}) must count alike.
 */
final class Contributions {

    /** Units that count animals; seized kilograms of meat are not "只". */
    private static final Set<String> ANIMAL_UNITS = Set.of("ANIMAL", "HEAD", "FISH");

    private Contributions() {}

    static List<Contribution> ofSortie(
            String sortieId, String region, int personnel, int vehicles, List<Sortie.Places> places) {
        String source = "sortie:" + sortieId;
        List<Contribution> parts = new ArrayList<>();
        parts.add(new Contribution(region, Column.PERSONNEL_SORTIES, BigDecimal.valueOf(personnel), source));
        parts.add(new Contribution(region, Column.VEHICLE_SORTIES, BigDecimal.valueOf(vehicles), source));
        for (Sortie.Places p : places) {
            Column column = switch (p.kind()) {
                case HABITAT -> Column.HABITATS_INSPECTED;
                // Flower-and-bird and pet markets are markets in the agencies' tables.
                case MARKET, PET_SHOP -> Column.MARKETS_INSPECTED;
                case LIVE_POULTRY_SHOP -> Column.LIVE_POULTRY_SHOPS_INSPECTED;
                case RESTAURANT -> Column.RESTAURANTS_INSPECTED;
                case BREEDING_SITE, ONLINE_PLATFORM -> null;
            };
            if (column != null) {
                parts.add(new Contribution(region, column, BigDecimal.valueOf(p.count()), source));
            }
        }
        return parts;
    }

    /** A recorded inspection of a breeding facility. */
    static List<Contribution> ofInspection(String inspectionId, String region) {
        return List.of(new Contribution(
                region, Column.BREEDING_SITES_INSPECTED, BigDecimal.ONE, "inspection:" + inspectionId));
    }

    static List<Contribution> ofCase(CaseChanged c) {
        return ofCase(c.caseId(), c.region(), c.kind(), c.fines(), c.value(), c.seizures());
    }

    /** A case from the fields that count, as an event carries them or a stored case fact holds them. */
    static List<Contribution> ofCase(
            String caseId,
            String region,
            CaseKind kind,
            @Nullable BigDecimal fines,
            @Nullable BigDecimal value,
            List<SeizureSummary> seizures) {
        String source = "case:" + caseId;
        List<Contribution> parts = new ArrayList<>();
        parts.add(new Contribution(
                region,
                kind == CaseKind.CRIMINAL ? Column.CRIMINAL_CASES : Column.ADMINISTRATIVE_CASES,
                BigDecimal.ONE,
                source));
        if (fines != null && fines.signum() > 0) {
            parts.add(new Contribution(region, Column.FINES, fines, source));
            // One penalty decision per case: the platform's case events do not carry how many people it named.
            parts.add(new Contribution(region, Column.PEOPLE_PENALISED, BigDecimal.ONE, source));
        }
        if (value != null) {
            parts.add(new Contribution(region, Column.CASE_VALUE, value, source));
        }
        for (SeizureSummary s : seizures) {
            String item = source + "/" + s.itemId();
            boolean animals = ANIMAL_UNITS.contains(s.unit().name());
            if (s.kind() == SeizureKind.LIVE && animals) {
                parts.add(new Contribution(region, Column.LIVE_ANIMALS_SEIZED, s.quantity(), item));
                if ("RELEASED".equals(s.disposition())) {
                    parts.add(new Contribution(region, Column.ANIMALS_RELEASED, s.quantity(), item));
                }
            } else if (s.kind() == SeizureKind.DEAD && animals) {
                parts.add(new Contribution(region, Column.DEAD_ANIMALS_SEIZED, s.quantity(), item));
            } else if (s.kind() == SeizureKind.TOOL) {
                parts.add(new Contribution(region, Column.TOOLS_SEIZED, s.quantity(), item));
            }
        }
        return parts;
    }

    static List<Contribution> ofClue(String clueId, String region) {
        return List.of(new Contribution(region, Column.CLUES_RECEIVED, BigDecimal.ONE, "clue:" + clueId));
    }
}
