package cn.wildlife.inspection.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Agency;
import cn.wildlife.inspection.inspection.domain.Inspection.Check;
import cn.wildlife.inspection.inspection.domain.Inspection.Discrepancy;
import cn.wildlife.inspection.inspection.domain.Inspection.Item;
import cn.wildlife.inspection.inspection.domain.Recording.Count;
import cn.wildlife.inspection.inspection.domain.Recording.NewFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RecordingTest {

    static final Instant INSPECTED = Instant.parse("2026-05-12T02:00:00Z");
    static final Predicate<String> KNOWN = Set.of("cygnus-cygnus", "macaca-mulatta")::contains;
    static final List<Count> LEDGER = List.of(new Count("cygnus-cygnus", 12), new Count("macaca-mulatta", 3));

    static Inspection planned() {
        return new Inspection(
                "INS-220112-AAAAAAAA",
                "FAC-1",
                "长春某繁育场",
                "220112",
                Inspection.Status.PLANNED,
                null,
                LocalDate.parse("2026-05-12"),
                List.of("张三", "李四"),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                "OP-220000-1",
                List.of(),
                1);
    }

    /** Every item ticked as passed, but for those left out. */
    static List<Check> ticked(Item... leftOut) {
        List<Check> checks = new ArrayList<>();
        for (Item item : Item.values()) {
            if (!Arrays.asList(leftOut).contains(item)) {
                checks.add(new Check(item, true, null));
            }
        }
        return checks;
    }

    static Recording entry(List<Check> checklist, List<Count> counted, NewFinding... findings) {
        return new Recording(INSPECTED, checklist, counted, List.of(findings));
    }

    static NewFinding finding(boolean suspectedCrime, String... species) {
        return new NewFinding(Item.WITHIN_SCOPE, "超范围经营", suspectedCrime, List.of(species));
    }

    @Test
    void everyItemOfTheChecklistMustBeAnswered() {
        assertThat(entry(ticked(), List.of()).problems(KNOWN)).isEmpty();
        assertThat(entry(ticked(Item.SECURITY), List.of()).problems(KNOWN))
                .containsExactly(new Recording.ChecklistIncomplete(
                        EnumSet.allOf(Item.class), EnumSet.complementOf(EnumSet.of(Item.SECURITY))));
    }

    @Test
    void withSpeciesCountedTheLedgerItemNeedNotBeTickedBecauseTheComparisonAnswersIt() {
        Recording counted = entry(ticked(Item.LEDGER_MATCHES), List.of(new Count("cygnus-cygnus", 12)));

        assertThat(counted.neededItems()).doesNotContain(Item.LEDGER_MATCHES);
        assertThat(counted.problems(KNOWN)).isEmpty();
        assertThat(entry(ticked(Item.LEDGER_MATCHES), List.of()).problems(KNOWN))
                .hasSize(1);
    }

    @Test
    void unknownSpeciesAndNegativeCountsAreRefusedNamingEachField() {
        Recording wrong = entry(
                ticked(),
                List.of(new Count("cygnus-cygnus", -1), new Count("dodo", 2)),
                finding(false, "macaca-mulatta", "unicorn"));

        assertThat(wrong.problems(KNOWN))
                .containsExactly(
                        new Recording.NegativeCount("counted[0].count", -1),
                        new Recording.UnknownSpecies("counted[1].speciesCode", "dodo"),
                        new Recording.UnknownSpecies("findings[0].speciesCodes[1]", "unicorn"));
    }

    @Test
    void aCountDifferentFromTheLedgerIsADiscrepancyAndASpeciesNotInTheLedgerIsHeldAsNone() {
        Recording counted = entry(
                ticked(),
                List.of(
                        new Count("cygnus-cygnus", 12),
                        new Count("macaca-mulatta", 5),
                        new Count("panthera-tigris", 1)));

        assertThat(counted.discrepancies(LEDGER))
                .containsExactly(new Discrepancy("macaca-mulatta", 3, 5), new Discrepancy("panthera-tigris", 0, 1));
    }

    @Test
    void theLedgerItemFailsOnAnyDiscrepancyWhateverTheInspectorsTicked() {
        Recording counted = entry(ticked(), List.of(new Count("macaca-mulatta", 5), new Count("cygnus-cygnus", 10)));

        Inspection recorded = planned().recorded(counted, LEDGER, null, "张三");

        assertThat(recorded.checklist()).extracting(Check::item).containsExactly(Item.values());
        assertThat(recorded.checklist())
                .filteredOn(c -> c.item() == Item.LEDGER_MATCHES)
                .singleElement()
                .isEqualTo(new Check(Item.LEDGER_MATCHES, false, "macaca-mulatta 台账3 实有5；cygnus-cygnus 台账12 实有10"));
        assertThat(recorded.failedItems()).containsExactly(Item.LEDGER_MATCHES);
    }

    @Test
    void countsMatchingTheLedgerPassItsItemEvenIfTheInspectorsTickedItFailed() {
        List<Check> checklist = new ArrayList<>(ticked(Item.LEDGER_MATCHES));
        checklist.add(new Check(Item.LEDGER_MATCHES, false, "看错了"));

        Inspection recorded =
                planned().recorded(entry(checklist, List.of(new Count("cygnus-cygnus", 12))), LEDGER, null, "张三");

        assertThat(recorded.failedItems()).isEmpty();
        assertThat(recorded.discrepancies()).isEmpty();
    }

    @Test
    void withoutCountsTheLedgerItemIsAsTheInspectorsTickedIt() {
        List<Check> checklist = new ArrayList<>(ticked(Item.LEDGER_MATCHES));
        checklist.add(0, new Check(Item.LEDGER_MATCHES, false, "台账缺失"));

        Inspection recorded = planned().recorded(entry(checklist, List.of()), LEDGER, null, "张三");

        assertThat(recorded.checklist()).extracting(Check::item).containsExactly(Item.values());
        assertThat(recorded.failedItems()).containsExactly(Item.LEDGER_MATCHES);
    }

    @Test
    void findingsAreNumberedInTheOrderEnteredAndThoseSuggestingACrimeGoToPublicSecurity() {
        Inspection recorded = planned()
                .recorded(
                        entry(ticked(), List.of(), finding(false), finding(true, "macaca-mulatta"), finding(true)),
                        LEDGER,
                        null,
                        "张三");

        assertThat(recorded.findings())
                .extracting(Inspection.Finding::id)
                .containsExactly("INS-220112-AAAAAAAA-F1", "INS-220112-AAAAAAAA-F2", "INS-220112-AAAAAAAA-F3");
        assertThat(recorded.suspectedCrimes())
                .extracting(Inspection.Finding::id)
                .containsExactly("INS-220112-AAAAAAAA-F2", "INS-220112-AAAAAAAA-F3");
        assertThat(Inspection.CRIMES_GO_TO).isEqualTo(Agency.PUBLIC_SECURITY);
    }

    @Test
    void aRecordedInspectionKeepsItsPlanAndItsOperationUnlessTheEntryNamesAnother() {
        Inspection kept = planned().recorded(entry(ticked(), List.of()), LEDGER, null, "张三");
        Inspection moved = planned().recorded(entry(ticked(), List.of()), LEDGER, "OP-220100-2", "张三");

        assertThat(kept.operationId()).isEqualTo("OP-220000-1");
        assertThat(moved.operationId()).isEqualTo("OP-220100-2");
        assertThat(kept.status()).isEqualTo(Inspection.Status.RECORDED);
        assertThat(kept.inspectedAt()).isEqualTo(INSPECTED);
        assertThat(kept.recordedBy()).isEqualTo("张三");
        assertThat(kept.version()).isEqualTo(2);
        assertThat(kept.inspectors()).isEqualTo(planned().inspectors());
    }

    @Test
    void anInspectionIsRecordedOnceAndOnlyOverTheVersionTheInspectorsSaw() {
        Inspection recorded = planned().recorded(entry(ticked(), List.of()), LEDGER, null, "张三");

        assertThatThrownBy(() -> recorded.checkRecordable(recorded.version()))
                .extracting(e -> ((Inspection.NotRecordable) e).reason())
                .isEqualTo(Inspection.NotRecordable.Reason.ALREADY_RECORDED);
        assertThatThrownBy(() -> planned().checkRecordable(0))
                .extracting(e -> ((Inspection.NotRecordable) e).reason())
                .isEqualTo(Inspection.NotRecordable.Reason.VERSION_CONFLICT);
        assertThatThrownBy(() -> recorded.recorded(entry(ticked(), List.of()), LEDGER, null, "李四"))
                .isInstanceOf(Inspection.NotRecordable.class);
    }
}
