package cn.wildlife.events.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A joint special operation (联合专项行动) as entered (topic {@code platform.operations}), with what its clocks need:
 * the reports the plan owes and its recurring duties, so that notification-service opens them without asking back.
 *
 * @param reports the reports owed: each reporting region's monthly summary and the final report, with due dates
 * @param duties  recurring duties, e.g. forestry patrols each listed hotspot at least once every 7 days
 */
public record OperationChanged(
        String operationId,
        String name,
        Agency leadAgency,
        String leadOffice,
        String region,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Phase> phases,
        List<Agency> participants,
        @Nullable LocalDate finalReportDue,
        List<DueReport> reports,
        List<Duty> duties,
        long version)
        implements EventPayload {

    /** A dated phase: mobilisation (动员摸底), crackdown (集中打击), consolidation (巩固总结). */
    public record Phase(String name, LocalDate from, LocalDate to) {}

    /**
     * A report the plan owes: {@code period} is the month (yyyy-MM) of a monthly summary or FINAL; {@code reportId} is
     * the id its submission will carry ({@link ReportSubmitted#reportId()}).
     */
    public record DueReport(String reportId, Agency agency, String region, String period, LocalDate dueOn) {}

    /** A duty that recurs every {@code everyDays} days at each listed hotspot. */
    public record Duty(Agency agency, String description, int everyDays, List<String> hotspots) {

        public Duty {
            hotspots = hotspots == null ? List.of() : List.copyOf(hotspots);
        }
    }

    public OperationChanged {
        phases = phases == null ? List.of() : List.copyOf(phases);
        participants = participants == null ? List.of() : List.copyOf(participants);
        // Events of operations entered before the schedule was announced carry neither.
        reports = reports == null ? List.of() : List.copyOf(reports);
        duties = duties == null ? List.of() : List.copyOf(duties);
    }

    @Override
    public String subject() {
        return operationId;
    }
}
