package cn.wildlife.inspection.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A captive-breeding facility (人工繁育机构): its licence (行政许可) with the permitted scope, where it is, what it
 * keeps (a ledger in which every change is dated and sourced) and the measures in force. Its inspections are their
 * own records ({@code GET /api/inspections?facilityId=}).
 */
public record Facility(
        String id,
        String name,
        String region,
        String address,
        String licenceNumber,
        @Nullable LocalDate licenceValidFrom,
        LocalDate licenceValidUntil,
        List<String> licensedSpeciesCodes,
        List<Purpose> purposes,
        List<Holding> holdings,
        List<LedgerEntry> ledger,
        List<Measure> measures,
        Instant registeredAt,
        long version) {

    public Facility {
        licensedSpeciesCodes = List.copyOf(licensedSpeciesCodes);
        purposes = List.copyOf(purposes);
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
        ledger = ledger == null ? List.of() : List.copyOf(ledger);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** What the licence permits the animals to be kept for. */
    public enum Purpose {
        BREEDING("繁育"),
        EXHIBITION("展示"),
        SALE("销售"),
        SCIENTIFIC_RESEARCH("科研");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How many of a species the facility keeps now. */
    public record Holding(String speciesCode, long count) {}

    /** One dated, sourced change of a species count: the history the current holdings come from. */
    public record LedgerEntry(
            LocalDate on,
            String speciesCode,
            @Nullable Long previous,
            long count,
            String source,
            String recordedBy,
            Instant recordedAt) {}

    /** Measures the supervising bureau may take against a facility with serious or unrectified problems. */
    public enum MeasureKind {
        SUSPEND_BREEDING("暂停人工繁育"),
        SUSPEND_INTRODUCTION("暂停引进"),
        SUSPEND_EXPORT("暂停输出"),
        SUSPEND_BUSINESS("停业整顿");

        private final String label;

        MeasureKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A measure, in force until it is lifted. */
    public record Measure(
            String id,
            MeasureKind kind,
            LocalDate appliedOn,
            String reason,
            @Nullable String rectificationOrderId,
            String appliedBy,
            @Nullable LocalDate liftedOn,
            @Nullable String liftReason) {

        public boolean inForce() {
            return liftedOn == null;
        }
    }

    public List<Measure> measuresInForce() {
        return measures.stream().filter(Measure::inForce).toList();
    }

    /**
     * The facility after counts were recorded: each changed count becomes a ledger entry with its date and source;
     * a count of zero keeps the species in the history but out of the holdings.
     */
    public Facility withCounts(Map<String, Long> counts, LocalDate on, String source, String by, Instant at) {
        Map<String, Long> now = new TreeMap<>();
        holdings.forEach(h -> now.put(h.speciesCode(), h.count()));
        List<LedgerEntry> entries = new ArrayList<>(ledger);
        counts.forEach((code, count) -> {
            Long previous = now.get(code);
            if (previous == null || previous.longValue() != count) {
                entries.add(new LedgerEntry(on, code, previous, count, source, by, at));
            }
            if (count == 0) {
                now.remove(code);
            } else {
                now.put(code, count);
            }
        });
        List<Holding> held = now.entrySet().stream()
                .map(e -> new Holding(e.getKey(), e.getValue()))
                .toList();
        return new Facility(
                id,
                name,
                region,
                address,
                licenceNumber,
                licenceValidFrom,
                licenceValidUntil,
                licensedSpeciesCodes,
                purposes,
                held,
                entries,
                measures,
                registeredAt,
                version + 1);
    }

    public Facility withMeasures(List<Measure> changed) {
        return new Facility(
                id,
                name,
                region,
                address,
                licenceNumber,
                licenceValidFrom,
                licenceValidUntil,
                licensedSpeciesCodes,
                purposes,
                holdings,
                ledger,
                changed,
                registeredAt,
                version + 1);
    }
}
