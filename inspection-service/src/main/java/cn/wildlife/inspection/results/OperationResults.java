package cn.wildlife.inspection.results;

import cn.wildlife.events.RegionCode;
import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.inspection.InspectionStore;
import cn.wildlife.inspection.inspection.domain.Inspection;
import cn.wildlife.inspection.operation.Operation;
import cn.wildlife.inspection.operation.OperationStore;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.ResultsTable;
import cn.wildlife.inspection.results.domain.ResultsTable.Contribution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Computes an operation's results table from what the platform already holds: the sorties agencies entered, the
 * facility inspections recorded, and the operation's cases and clues as case-service announced them. Nothing is typed
 * twice.
 */
@Service
public class OperationResults {

    private final OperationStore operations;
    private final InspectionStore inspections;
    private final CaseFacts cases;
    private final ClueFacts clues;
    private final ResultsLedger ledger;

    public OperationResults(
            OperationStore operations,
            InspectionStore inspections,
            CaseFacts cases,
            ClueFacts clues,
            ResultsLedger ledger) {
        this.operations = operations;
        this.inspections = inspections;
        this.cases = cases;
        this.clues = clues;
        this.ledger = ledger;
    }

    /** A computed table: the operation, region and days it covers, and its rows. */
    public record Table(
            String operationId,
            String operationName,
            String region,
            LocalDate from,
            LocalDate to,
            Instant computedAt,
            List<ResultsTable.Row> rows) {}

    /**
     * The table for a region subtree and the days from {@code from} to {@code to}. With {@code sources} every
     * number lists the records behind it, read from the records themselves (an audit's view: as long as the
     * records are many); without, it is summed from the running tallies, whatever the number of records.
     */
    public Table compute(Operation o, String region, LocalDate from, LocalDate to, Instant now, boolean sources) {
        String prefix = new RegionCode(region).subtreePrefix();
        List<Contribution> parts = sources ? traced(o, prefix, from, to) : ledger.tallied(o.id(), prefix, from, to);
        return new Table(o.id(), o.name(), region, from, to, now, ResultsTable.rollUp(region, parts));
    }

    private List<Contribution> traced(Operation o, String prefix, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
        Instant end =
                to.plusDays(1).atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
        List<Contribution> parts = new ArrayList<>();
        for (Sortie s : operations.sorties(o.id(), prefix, from, to)) {
            parts.addAll(Contributions.ofSortie(s.id(), s.region(), s.personnel(), s.vehicles(), s.places()));
        }
        for (Inspection i : inspections.search(prefix, null, start, end, Integer.MAX_VALUE)) {
            // An inspection tagged with another operation is that operation's; an untagged one in the region and
            // period counts as before tagging existed.
            if (i.status() == Inspection.Status.RECORDED
                    && (i.operationId() == null || i.operationId().equals(o.id()))) {
                parts.addAll(Contributions.ofInspection(i.id(), i.region()));
            }
        }
        for (CaseChanged c : cases.of(o.id(), prefix, start, end)) {
            parts.addAll(Contributions.ofCase(c));
        }
        for (ClueFacts.Fact clue : clues.of(o.id(), prefix, start, end)) {
            parts.addAll(Contributions.ofClue(clue.clueId(), clue.region()));
        }
        return parts;
    }
}
