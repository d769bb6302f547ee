package cn.wildlife.inspection.inspection.domain;

import cn.wildlife.inspection.inspection.domain.Inspection.Check;
import cn.wildlife.inspection.inspection.domain.Inspection.Discrepancy;
import cn.wildlife.inspection.inspection.domain.Inspection.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What inspectors enter when they record an inspection (the checklist of 吉林护〔2024〕12号, the species counted on
 * site, their findings), and what it must hold to be recorded.
 */
public record Recording(Instant inspectedAt, List<Check> checklist, List<Count> counted, List<NewFinding> findings) {

    public Recording {
        checklist = List.copyOf(checklist);
        counted = List.copyOf(counted);
        findings = List.copyOf(findings);
    }

    /** How many of a species: counted on site, or held according to the facility's ledger. */
    public record Count(String speciesCode, long count) {}

    public record NewFinding(Item item, String description, boolean suspectedCrime, List<String> speciesCodes) {
        public NewFinding {
            speciesCodes = List.copyOf(speciesCodes);
        }
    }

    /** Why an entry cannot be recorded, naming the field as the request has it. */
    public sealed interface Problem permits ChecklistIncomplete, UnknownSpecies, NegativeCount {
        String field();
    }

    /** The checklist lacks items it needs ({@link #neededItems()}). */
    public record ChecklistIncomplete(Set<Item> needed, Set<Item> given) implements Problem {
        @Override
        public String field() {
            return "checklist";
        }
    }

    public record UnknownSpecies(String field, String speciesCode) implements Problem {}

    public record NegativeCount(String field, long count) implements Problem {}

    /**
     * The items the checklist must answer: every one, except LEDGER_MATCHES when species were counted, because the
     * comparison with the ledger then answers it.
     */
    public Set<Item> neededItems() {
        Set<Item> needed = EnumSet.allOf(Item.class);
        if (!counted.isEmpty()) {
            needed.remove(Item.LEDGER_MATCHES);
        }
        return needed;
    }

    /** Everything that keeps the entry from being recorded, in the order of its fields; none when it can be. */
    public List<Problem> problems(Predicate<String> knownSpecies) {
        List<Problem> problems = new ArrayList<>();
        Set<Item> given =
                checklist.stream().map(Check::item).collect(Collectors.toCollection(() -> EnumSet.noneOf(Item.class)));
        Set<Item> needed = neededItems();
        if (!given.containsAll(needed)) {
            problems.add(new ChecklistIncomplete(needed, given));
        }
        for (int i = 0; i < counted.size(); i++) {
            Count c = counted.get(i);
            if (!knownSpecies.test(c.speciesCode())) {
                problems.add(new UnknownSpecies("counted[" + i + "].speciesCode", c.speciesCode()));
            }
            if (c.count() < 0) {
                problems.add(new NegativeCount("counted[" + i + "].count", c.count()));
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            List<String> codes = findings.get(i).speciesCodes();
            for (int j = 0; j < codes.size(); j++) {
                if (!knownSpecies.test(codes.get(j))) {
                    problems.add(new UnknownSpecies("findings[" + i + "].speciesCodes[" + j + "]", codes.get(j)));
                }
            }
        }
        return problems;
    }

    /** Each species counted on site whose count differs from what the ledger holds of it (nothing: 0). */
    public List<Discrepancy> discrepancies(List<Count> ledger) {
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Count c : counted) {
            long held = ledger.stream()
                    .filter(l -> l.speciesCode().equals(c.speciesCode()))
                    .mapToLong(Count::count)
                    .sum();
            if (held != c.count()) {
                discrepancies.add(new Discrepancy(c.speciesCode(), held, c.count()));
            }
        }
        return discrepancies;
    }

    /**
     * The checklist as recorded, in the items' order. With species counted, LEDGER_MATCHES is what the comparison
     * says whatever the inspectors ticked, because that comparison is the point of the item; its note lists each
     * difference as the agencies write it (台账 the ledger's count, 实有 the count on site).
     */
    public List<Check> checklistAsFound(List<Discrepancy> discrepancies) {
        List<Check> found = new ArrayList<>(checklist.stream()
                .filter(c -> counted.isEmpty() || c.item() != Item.LEDGER_MATCHES)
                .toList());
        if (!counted.isEmpty()) {
            found.add(new Check(
                    Item.LEDGER_MATCHES,
                    discrepancies.isEmpty(),
                    discrepancies.isEmpty()
                            ? null
                            : discrepancies.stream()
                                    .map(d -> d.speciesCode() + " 台账" + d.ledger() + " 实有" + d.counted())
                                    .collect(Collectors.joining("；"))));
        }
        found.sort(Comparator.comparing(Check::item));
        return found;
    }
}
