package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The clocks of a joint operation, from the plan its entry announces: one per report owed (each reporting region's
 * monthly summary, the final report) and one per week, duty agency and listed hotspot of the weekly patrol duty; and
 * which of them a report submission or a sortie fulfils. The plan fixes the dates, so no rule arithmetic applies.
 */
final class OperationClocks {

    static final String MONTHLY_REPORT = "OPERATION_MONTHLY_REPORT";
    static final String FINAL_REPORT = "OPERATION_FINAL_REPORT";
    static final String PATROL = "OPERATION_PATROL";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The patrol rule is weekly: a duty recurring on another period is not its clock. */
    private static final int WEEK = 7;

    private OperationClocks() {}

    /** The reports of one kind (monthly summaries or the final report) the plan owes, each due by the end of its day. */
    static List<DeadlineOpening.Opening> reports(OperationChanged op, String subjectType) {
        boolean finalReport = FINAL_REPORT.equals(subjectType);
        List<DeadlineOpening.Opening> openings = new ArrayList<>();
        for (OperationChanged.DueReport report : op.reports()) {
            if ("FINAL".equals(report.period()) != finalReport) {
                continue;
            }
            // A month's summary runs from the first day of its month (or of the operation), the final from the start.
            LocalDate from = finalReport
                    ? op.startsOn()
                    : max(java.time.YearMonth.parse(report.period()).atDay(1), op.startsOn());
            openings.add(new DeadlineOpening.Opening(
                    report.reportId(),
                    report.agency(),
                    report.region(),
                    startOf(from),
                    startOf(report.dueOn().plusDays(1)),
                    report.region() + " " + ("FINAL".equals(report.period()) ? "总结" : report.period()),
                    watchers(op, report.region())));
        }
        return openings;
    }

    /**
     * One clock per natural week (Monday to Sunday, Beijing time) that has a day in one of the operation's phases, per
     * weekly duty agency and listed hotspot: it runs from the week's first phase day to the end of its last, so the
     * days between phases owe nothing.
     */
    static List<DeadlineOpening.Opening> patrols(OperationChanged op) {
        List<DeadlineOpening.Opening> openings = new ArrayList<>();
        List<LocalDate[]> weeks = weeks(op);
        for (OperationChanged.Duty duty : op.duties()) {
            if (duty.everyDays() != WEEK) {
                continue;
            }
            for (String hotspot : duty.hotspots()) {
                for (LocalDate[] week : weeks) {
                    openings.add(new DeadlineOpening.Opening(
                            patrolSubject(op.operationId(), duty.agency(), week[0], hotspot),
                            duty.agency(),
                            op.region(),
                            startOf(week[0]),
                            startOf(week[1].plusDays(1)),
                            hotspot.strip() + " " + week[0] + "～" + week[1],
                            watchers(op, op.region())));
                }
            }
        }
        return openings;
    }

    /** Each week's first and last day within the phases (the whole operation when it names no phases). */
    static List<LocalDate[]> weeks(OperationChanged op) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (op.phases().isEmpty()) {
            op.startsOn().datesUntil(op.endsOn().plusDays(1)).forEach(days::add);
        }
        for (OperationChanged.Phase phase : op.phases()) {
            phase.from().datesUntil(phase.to().plusDays(1)).forEach(days::add);
        }
        List<LocalDate[]> weeks = new ArrayList<>();
        while (!days.isEmpty()) {
            LocalDate first = days.first();
            LocalDate sunday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            LocalDate last = days.floor(sunday);
            weeks.add(new LocalDate[] {first, last});
            days.headSet(sunday, true).clear();
        }
        return weeks;
    }

    /** The report a submission fulfils, by the rule's kind: a monthly summary's or the final report's. */
    static Optional<Fulfilled> fulfilledBy(ReportSubmitted report, String subjectType) {
        boolean finalReport = "FINAL".equals(report.period());
        if (FINAL_REPORT.equals(subjectType) == finalReport && (finalReport || MONTHLY_REPORT.equals(subjectType))) {
            return Optional.of(new Fulfilled(report.reportId(), lastSecondOf(report.submittedOn())));
        }
        return Optional.empty();
    }

    /** The week's patrol of the hotspot a sortie covered; a sortie that names no hotspot fulfils no patrol duty. */
    static Optional<Fulfilled> fulfilledBy(SortieRecorded sortie, String subjectType) {
        if (!PATROL.equals(subjectType)
                || sortie.hotspot() == null
                || sortie.hotspot().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Fulfilled(
                patrolSubject(sortie.operationId(), sortie.agency(), sortie.on(), sortie.hotspot()),
                lastSecondOf(sortie.on())));
    }

    /** A clock's subject and when the fact fulfilling it happened. */
    record Fulfilled(String subjectId, Instant at) {}

    /**
     * The patrol duty's subject: operation, agency, ISO week and a short digest of the hotspot's name (ids stay
     * ASCII; the name is in the deadline's title).
     */
    static String patrolSubject(String operationId, Agency agency, LocalDate day, String hotspot) {
        String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return operationId + ":" + agency.name() + ":" + week + ":" + digest(hotspot.strip());
    }

    /** LEAD_OFFICE: the operation's lead agency in its region; SUPERVISION_OFFICE: the one over the province. */
    private static Map<String, String> watchers(OperationChanged op, String region) {
        return Map.of(
                "LEAD_OFFICE",
                op.leadAgency().name() + "@" + op.region(),
                "SUPERVISION_OFFICE",
                Agency.SUPERVISION_OFFICE.name() + "@"
                        + new RegionCode(region).parent().parent().code());
    }

    /** A fact dated by day alone counts as of that day's last second: on the due day is in time, the next is late. */
    private static Instant lastSecondOf(LocalDate day) {
        return startOf(day.plusDays(1)).minusSeconds(1);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
