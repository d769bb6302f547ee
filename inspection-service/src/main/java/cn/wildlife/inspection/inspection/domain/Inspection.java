package cn.wildlife.inspection.inspection.domain;

import cn.wildlife.events.Agency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An inspection of a captive-breeding facility (监督检查): planned by hand or by a 双随机 draw, then recorded with the
 * checklist of 吉林护〔2024〕12号, the counts found against the ledger, and its findings. It may be part of a joint
 * operation ({@code operationId}), whose results table then counts it; findings that suggest a crime list the clues
 * they became ({@code clues}).
 */
public record Inspection(
        String id,
        String facilityId,
        String facilityName,
        String region,
        Status status,
        @Nullable String drawId,
        LocalDate plannedFor,
        List<String> inspectors,
        @Nullable Instant inspectedAt,
        List<Check> checklist,
        List<Discrepancy> discrepancies,
        List<Finding> findings,
        @Nullable String recordedBy,
        @Nullable String operationId,
        List<HandedOver> clues,
        long version) {

    public Inspection {
        inspectors = List.copyOf(inspectors);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
        findings = findings == null ? List.of() : List.copyOf(findings);
        clues = clues == null ? List.of() : List.copyOf(clues);
    }

    /**
     * A finding handed over as a clue: case-service recorded it for the receiving agency under {@code clueId}, which
     * that agency's officers look up in their clue list.
     */
    public record HandedOver(String findingId, String clueId, Agency agency) {}

    public enum Status {
        PLANNED,
        RECORDED
    }

    /** The checklist (重点检查内容) of the Jilin notice on supervising captive-breeding facilities. */
    public enum Item {
        RULES_AND_PLANS("野生动物保护管理制度、技术规程、应急预案等规章制度是否健全"),
        SECURITY("人工繁育陆生野生动物安防措施是否到位（防逃逸、防伤人）"),
        LICENCE_AND_RECORDS("行政许可、备案管理、现场勘验、事中事后监管等工作档案是否规范"),
        WITHIN_SCOPE("是否严格按照行政许可范围开展人工繁育和经营利用"),
        LEDGER_MATCHES("在养物种和数量是否与档案台账一致");

        private final String label;

        Item(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One checklist item as found. */
    public record Check(Item item, boolean passed, @Nullable String note) {}

    /** A species whose count on site differs from the ledger. */
    public record Discrepancy(String speciesCode, long ledger, long counted) {}

    /**
     * A problem found. One that suggests a crime (e.g. species kept without licence, animals sold illegally) is
     * announced for public security.
     */
    public record Finding(String id, Item item, String description, boolean suspectedCrime, List<String> speciesCodes) {
        public Finding {
            speciesCodes = speciesCodes == null ? List.of() : List.copyOf(speciesCodes);
        }
    }

    public List<Item> failedItems() {
        return checklist.stream().filter(c -> !c.passed()).map(Check::item).toList();
    }

    /** Who a finding that suggests a crime goes to: public security, in the facility's own region. */
    public static final Agency CRIMES_GO_TO = Agency.PUBLIC_SECURITY;

    /** Findings that suggest a crime: each is announced for {@link #CRIMES_GO_TO}. */
    public List<Finding> suspectedCrimes() {
        return findings.stream().filter(Finding::suspectedCrime).toList();
    }

    /** Why an inspection cannot be recorded now. */
    public static final class NotRecordable extends RuntimeException {

        public enum Reason {
            ALREADY_RECORDED,
            VERSION_CONFLICT
        }

        private final Reason reason;

        NotRecordable(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * Only a planned inspection is recorded, and only by who saw its current version: a second recording, or one
     * entered over a version someone else changed meanwhile, would overwrite what was found.
     */
    public void checkRecordable(long expectedVersion) {
        if (status != Status.PLANNED) {
            throw new NotRecordable(NotRecordable.Reason.ALREADY_RECORDED, "inspection " + id + " is already recorded");
        }
        if (version != expectedVersion) {
            throw new NotRecordable(
                    NotRecordable.Reason.VERSION_CONFLICT, "inspection " + id + " is at version " + version);
        }
    }

    /**
     * The inspection as recorded from an entry without {@link Recording#problems problems}: the checklist as found
     * against the facility's {@code ledger}, the differences from it, and the findings numbered in the order entered.
     * {@code operationId}, when given, is the joint operation it was part of; else it stays the one it was planned
     * under, if any.
     */
    public Inspection recorded(Recording entry, List<Recording.Count> ledger, @Nullable String operationId, String by) {
        checkRecordable(version);
        List<Discrepancy> discrepancies = entry.discrepancies(ledger);
        List<Finding> numbered = new ArrayList<>();
        for (Recording.NewFinding f : entry.findings()) {
            numbered.add(new Finding(
                    id + "-F" + (numbered.size() + 1),
                    f.item(),
                    f.description(),
                    f.suspectedCrime(),
                    f.speciesCodes()));
        }
        return new Inspection(
                id,
                facilityId,
                facilityName,
                region,
                Status.RECORDED,
                drawId,
                plannedFor,
                inspectors,
                entry.inspectedAt(),
                entry.checklistAsFound(discrepancies),
                discrepancies,
                numbered,
                by,
                operationId != null ? operationId : this.operationId,
                clues,
                version + 1);
    }
}
