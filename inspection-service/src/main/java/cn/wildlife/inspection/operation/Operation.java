package cn.wildlife.inspection.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.operation.PlaceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A joint special operation (联合专项行动) as its plan writes it: lead agency and office, participants and their
 * duties, dated phases, target places, recurring duties and the report schedule.
 *
 * @param reportingRegions the regions that owe monthly summaries (each city, "各市")
 * @param monthlyDueDay    the day of the following month a monthly summary is due; plans often leave it to the lead
 *                         office, which enters it here
 */
public record Operation(
        String id,
        String name,
        Agency leadAgency,
        String leadOffice,
        String region,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Participant> participants,
        List<Phase> phases,
        List<PlaceKind> targetPlaces,
        List<String> targetBehaviours,
        List<Duty> recurringDuties,
        List<String> reportingRegions,
        int monthlyDueDay,
        @Nullable LocalDate finalReportDue,
        String enteredBy,
        Instant enteredAt,
        long version) {

    /** A participating agency and what the plan makes it responsible for. */
    public record Participant(Agency agency, String office, String duties) {}

    /** A dated phase with its main tasks. */
    public record Phase(String name, LocalDate from, LocalDate to, String tasks) {}

    /** A duty that recurs, e.g. forestry patrols each listed illegal-trade hotspot at least once every 7 days. */
    public record Duty(Agency agency, String description, int everyDays, List<String> hotspots) {}
}
