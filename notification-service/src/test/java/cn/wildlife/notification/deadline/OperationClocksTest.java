package cn.wildlife.notification.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventType;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.web.Texts;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Seed 004's plan, shortened: the clocks its entry opens and which submission or sortie closes which. */
class OperationClocksTest {

    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");

    private static final String OP = "OP-210000-2022-ABC123";
    private static final String HOTSPOT = "沈阳市北行花鸟鱼市场";

    private static OperationChanged operation() {
        return new OperationChanged(
                OP,
                "辽宁省秋冬季鸟类等野生动物保护专项行动",
                Agency.FORESTRY,
                "辽宁省林业和草原局野生动植物保护处",
                "210000",
                LocalDate.of(2022, 8, 8),
                LocalDate.of(2022, 12, 31),
                List.of(
                        new OperationChanged.Phase("动员摸底阶段", LocalDate.of(2022, 8, 8), LocalDate.of(2022, 8, 18)),
                        new OperationChanged.Phase("集中打击阶段", LocalDate.of(2022, 8, 19), LocalDate.of(2022, 12, 15)),
                        new OperationChanged.Phase("巩固总结阶段", LocalDate.of(2022, 12, 19), LocalDate.of(2022, 12, 31))),
                List.of(Agency.FORESTRY, Agency.SUPERVISION_OFFICE),
                LocalDate.of(2023, 1, 15),
                List.of(
                        new OperationChanged.DueReport(
                                OP + ":210100:2022-09",
                                Agency.FORESTRY,
                                "210100",
                                "2022-09",
                                LocalDate.of(2022, 10, 5)),
                        new OperationChanged.DueReport(
                                OP + ":210100:2022-08", Agency.FORESTRY, "210100", "2022-08", LocalDate.of(2022, 9, 5)),
                        new OperationChanged.DueReport(
                                OP + ":210000:FINAL", Agency.FORESTRY, "210000", "FINAL", LocalDate.of(2023, 1, 15))),
                List.of(
                        new OperationChanged.Duty(Agency.FORESTRY, "对非法交易场所每周至少进行一次巡查", 7, List.of(HOTSPOT)),
                        new OperationChanged.Duty(Agency.FORESTRY, "每日值守", 1, List.of("某保护区"))),
                1);
    }

    static DeadlineRule shipped(String id) {
        try (InputStream in = OperationClocksTest.class.getResourceAsStream("/" + RuleCatalogue.SHIPPED)) {
            return JsonMapper.builder().build().readValue(in, RuleCatalogue.RuleFile.class).rules().stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReportAndPatrolRulesOpenOnTheOperationAndCloseOnItsSubmissionsAndSorties() {
        for (String id : List.of("OPERATION_MONTHLY_REPORT", "OPERATION_FINAL_REPORT", "OPERATION_WEEKLY_PATROL")) {
            DeadlineRule rule = shipped(id);
            assertThat(rule.opensOn()).isEqualTo(EventType.OPERATION_ENTERED.ceType());
            assertThat(rule.watchers()).containsExactly("LEAD_OFFICE", "SUPERVISION_OFFICE");
            assertThat(RuleValidation.check(rule, TEXTS)).as(id).isEmpty();
        }
        assertThat(shipped("OPERATION_MONTHLY_REPORT").closesOn())
                .containsExactly(EventType.OPERATION_REPORT_SUBMITTED.ceType());
        assertThat(shipped("OPERATION_WEEKLY_PATROL").closesOn())
                .containsExactly(EventType.OPERATION_SORTIE_RECORDED.ceType());
    }

    @Test
    void eachMonthlySummaryIsDueByTheEndOfItsDueDayInBeijingAndWatchedByTheLeadAndSupervisionOffices() {
        List<DeadlineOpening.Opening> monthly = OperationClocks.reports(operation(), OperationClocks.MONTHLY_REPORT);

        assertThat(monthly)
                .extracting(DeadlineOpening.Opening::subjectId)
                .containsExactly(OP + ":210100:2022-09", OP + ":210100:2022-08");
        DeadlineOpening.Opening september = monthly.get(0);
        assertThat(september.agency()).isEqualTo(Agency.FORESTRY);
        assertThat(september.region()).isEqualTo("210100");
        assertThat(september.startedAt()).isEqualTo(Instant.parse("2022-08-31T16:00:00Z"));
        assertThat(september.dueAt()).isEqualTo(Instant.parse("2022-10-05T16:00:00Z"));
        assertThat(september.watchersOf(OperationClocksTest.shipped("OPERATION_MONTHLY_REPORT")))
                .containsExactly("FORESTRY@210000", "SUPERVISION_OFFICE@210000");
        // August's starts with the operation, not on the first of the month.
        assertThat(monthly.get(1).startedAt()).isEqualTo(Instant.parse("2022-08-07T16:00:00Z"));

        assertThat(OperationClocks.reports(operation(), OperationClocks.FINAL_REPORT))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.subjectId()).isEqualTo(OP + ":210000:FINAL");
                    assertThat(f.dueAt()).isEqualTo(Instant.parse("2023-01-15T16:00:00Z"));
                });
    }

    @Test
    void aSubmissionFulfilsOnlyItsOwnKindOfReportAndCountsAsOfTheEndOfItsDay() {
        ReportSubmitted september = new ReportSubmitted(
                OP,
                OP + ":210100:2022-09",
                Agency.FORESTRY,
                "210100",
                "2022-09",
                LocalDate.of(2022, 10, 5),
                LocalDate.of(2022, 10, 5),
                false);

        assertThat(OperationClocks.fulfilledBy(september, OperationClocks.MONTHLY_REPORT))
                .hasValueSatisfying(f -> {
                    assertThat(f.subjectId()).isEqualTo(OP + ":210100:2022-09");
                    // On the due day: before the end of it, so in time.
                    assertThat(f.at()).isBefore(Instant.parse("2022-10-05T16:00:00Z"));
                });
        assertThat(OperationClocks.fulfilledBy(september, OperationClocks.FINAL_REPORT))
                .isEmpty();
        assertThat(OperationClocks.fulfilledBy(
                        new ReportSubmitted(
                                OP,
                                OP + ":210000:FINAL",
                                Agency.FORESTRY,
                                "210000",
                                "FINAL",
                                LocalDate.of(2023, 1, 15),
                                LocalDate.of(2023, 1, 16),
                                true),
                        OperationClocks.FINAL_REPORT))
                .hasValueSatisfying(f -> assertThat(f.at()).isAfter(Instant.parse("2023-01-15T16:00:00Z")));
    }

    @Test
    void patrolWeeksAreNaturalWeeksCutToThePhasesAndSkipTheDaysBetweenPhases() {
        List<LocalDate[]> weeks = OperationClocks.weeks(operation());

        // 8 August 2022 was a Monday; the operation ends on Saturday 31 December.
        assertThat(weeks.get(0)).containsExactly(LocalDate.of(2022, 8, 8), LocalDate.of(2022, 8, 14));
        // The crackdown ends on Thursday 15 December and consolidation starts on Monday 19th: 16–18 owe nothing.
        assertThat(weeks)
                .anySatisfy(w -> assertThat(w).containsExactly(LocalDate.of(2022, 12, 12), LocalDate.of(2022, 12, 15)));
        assertThat(weeks.get(weeks.size() - 1)).containsExactly(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 31));
        assertThat(weeks).hasSize(21);
        assertThat(weeks).allSatisfy(w -> assertThat(w[0].getDayOfWeek()).isLessThanOrEqualTo(w[1].getDayOfWeek()));
        assertThat(weeks.stream().map(w -> w[0]).toList()).doesNotHaveDuplicates();
        assertThat(weeks).noneSatisfy(w -> assertThat(Arrays.asList(w)).contains(LocalDate.of(2022, 12, 17)));
    }

    @Test
    void onlyTheWeeklyDutyOpensPatrolClocksOnePerWeekAndHotspot() {
        List<DeadlineOpening.Opening> patrols = OperationClocks.patrols(operation());

        assertThat(patrols).hasSize(21);
        DeadlineOpening.Opening first = patrols.get(0);
        assertThat(first.subjectId()).startsWith(OP + ":FORESTRY:2022-W32:").matches("^[A-Za-z0-9._:-]{3,200}$");
        assertThat(first.label()).contains(HOTSPOT);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2022-08-14T16:00:00Z"));
        assertThat(first.region()).isEqualTo("210000");
    }

    @Test
    void aSortieAtTheHotspotFulfilsThatWeeksPatrolOfItsAgencyAndASortieElsewhereNone() {
        String week38 = OperationClocks.patrols(operation()).stream()
                .filter(o -> o.startedAt().equals(Instant.parse("2022-09-18T16:00:00Z")))
                .findFirst()
                .orElseThrow()
                .subjectId();

        SortieRecorded atTheMarket = sortie(Agency.FORESTRY, LocalDate.of(2022, 9, 23), " " + HOTSPOT + " ");
        assertThat(OperationClocks.fulfilledBy(atTheMarket, OperationClocks.PATROL))
                .hasValueSatisfying(f -> assertThat(f.subjectId()).isEqualTo(week38));
        assertThat(OperationClocks.fulfilledBy(
                        sortie(Agency.MARKET_SUPERVISION, LocalDate.of(2022, 9, 23), HOTSPOT), OperationClocks.PATROL))
                .hasValueSatisfying(f -> assertThat(f.subjectId()).isNotEqualTo(week38));
        assertThat(OperationClocks.fulfilledBy(
                        sortie(Agency.FORESTRY, LocalDate.of(2022, 9, 23), null), OperationClocks.PATROL))
                .isEmpty();
        assertThat(OperationClocks.fulfilledBy(atTheMarket, OperationClocks.MONTHLY_REPORT))
                .isEmpty();
    }

    private static SortieRecorded sortie(Agency agency, LocalDate on, String hotspot) {
        return new SortieRecorded(
                "SRT-1",
                OP,
                agency,
                "210112",
                on,
                6,
                2,
                List.of(new SortieRecorded.Places(PlaceKind.MARKET, 3)),
                hotspot);
    }
}
