package cn.wildlife.inspection.operation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.operation.OperationChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report schedule announced with an operation is the one this service's own status view owes. */
class DueReportsTest {

    @Test
    void eachReportingCityOwesEveryMonthsSummaryAndTheOperationItsFinalReport() {
        Operation o = new Operation(
                "OP-210000-2022-ABC123",
                "辽宁省秋冬季鸟类等野生动物保护专项行动",
                Agency.FORESTRY,
                "辽宁省林业和草原局野生动植物保护处",
                "210000",
                LocalDate.of(2022, 8, 8),
                LocalDate.of(2022, 12, 31),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("210100", "210200"),
                5,
                LocalDate.of(2023, 1, 15),
                "liaoning-forestry",
                Instant.parse("2022-08-01T00:00:00Z"),
                1);

        List<OperationChanged.DueReport> due = OperationWork.dueReports(o);

        assertThat(due).hasSize(2 * 5 + 1);
        assertThat(due.get(0))
                .isEqualTo(new OperationChanged.DueReport(
                        "OP-210000-2022-ABC123:210100:2022-08",
                        Agency.FORESTRY,
                        "210100",
                        "2022-08",
                        LocalDate.of(2022, 9, 5)));
        assertThat(due.get(due.size() - 1))
                .isEqualTo(new OperationChanged.DueReport(
                        "OP-210000-2022-ABC123:210000:FINAL",
                        Agency.FORESTRY,
                        "210000",
                        "FINAL",
                        LocalDate.of(2023, 1, 15)));
        // The ids are those a submission is stored and announced under, so it closes its clock.
        assertThat(due)
                .extracting(OperationChanged.DueReport::reportId)
                .contains(OperationWork.reportId(o, "210200", "2022-12"));
        assertThat(due)
                .filteredOn(r -> r.period().equals("2022-12"))
                .extracting(OperationChanged.DueReport::dueOn)
                .containsOnly(LocalDate.of(2023, 1, 5));
    }
}
