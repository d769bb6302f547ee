package cn.wildlife.inspection.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.operation.OperationChanged;
import cn.wildlife.events.operation.PlaceKind;
import cn.wildlife.events.operation.ReportSubmitted;
import cn.wildlife.events.operation.SortieRecorded;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Entering operations, their sorties and report submissions, each announced on {@code platform.operations}. */
@Service
public class OperationWork {

    private final OperationStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Texts texts;

    public OperationWork(OperationStore store, Outbox outbox, OutboxRelay relay, Clock clock, Texts texts) {
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
    }

    /** The checks of a plan as written: phases in order and within the operation, regions in its subtree. */
    public List<FieldError> check(Operation o) {
        List<FieldError> errors = new ArrayList<>();
        if (o.endsOn().isBefore(o.startsOn())) {
            errors.add(new FieldError(
                    "endsOn", texts.get("date.order", o.startsOn()), o.endsOn().toString()));
        }
        for (int i = 0; i < o.phases().size(); i++) {
            Operation.Phase p = o.phases().get(i);
            if (p.to().isBefore(p.from())) {
                errors.add(
                        new FieldError("phases[" + i + "].to", texts.get("date.order", p.from()), p.to().toString()));
            }
            if (p.from().isBefore(o.startsOn()) || p.to().isAfter(o.endsOn())) {
                errors.add(new FieldError(
                        "phases[" + i + "]",
                        texts.get("phase.outside", o.startsOn(), o.endsOn()),
                        p.from() + "/" + p.to()));
            }
            if (i > 0 && !p.from().isAfter(o.phases().get(i - 1).to())) {
                errors.add(new FieldError(
                        "phases[" + i + "].from",
                        texts.get("phase.order", o.phases().get(i - 1).to()),
                        p.from().toString()));
            }
        }
        RegionCode region = new RegionCode(o.region());
        for (int i = 0; i < o.reportingRegions().size(); i++) {
            String r = o.reportingRegions().get(i);
            if (!RegionCode.isValid(r) || !region.contains(r)) {
                errors.add(new FieldError("reportingRegions[" + i + "]", texts.get("region.outside", o.region()), r));
            }
        }
        if (o.finalReportDue() != null && o.finalReportDue().isBefore(o.endsOn())) {
            errors.add(new FieldError(
                    "finalReportDue",
                    texts.get("date.order", o.endsOn()),
                    o.finalReportDue().toString()));
        }
        return errors;
    }

    public Operation enter(Operation draft, Caller by) {
        List<FieldError> errors = check(draft);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String id = "OP-" + draft.region() + "-" + draft.startsOn().getYear() + "-"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Operation o = new Operation(
                id,
                draft.name(),
                draft.leadAgency(),
                draft.leadOffice(),
                draft.region(),
                draft.startsOn(),
                draft.endsOn(),
                draft.participants(),
                draft.phases(),
                draft.targetPlaces(),
                draft.targetBehaviours(),
                draft.recurringDuties(),
                draft.reportingRegions(),
                draft.monthlyDueDay(),
                draft.finalReportDue(),
                by.name(),
                clock.instant(),
                1);
        OperationChanged event = new OperationChanged(
                o.id(),
                o.name(),
                o.leadAgency(),
                o.leadOffice(),
                o.region(),
                o.startsOn(),
                o.endsOn(),
                o.phases().stream()
                        .map(p -> new OperationChanged.Phase(p.name(), p.from(), p.to()))
                        .toList(),
                o.participants().stream()
                        .map(Operation.Participant::agency)
                        .distinct()
                        .toList(),
                o.finalReportDue(),
                dueReports(o),
                o.recurringDuties().stream()
                        .map(d -> new OperationChanged.Duty(d.agency(), d.description(), d.everyDays(), d.hotspots()))
                        .toList(),
                o.version());
        store.insert(
                o,
                List.of(outbox.entry(
                        Topics.PLATFORM_OPERATIONS,
                        Envelope.of(InspectionServiceApplication.EVENT_SOURCE, o.leadAgency(), o.region(), event))),
                outbox);
        relay.wake();
        return o;
    }

    /**
     * The reports the plan owes, as announced for notification-service's clocks: each reporting region's monthly
     * summary to the lead agency's line, and the final report of the operation's own region, with the due dates and
     * ids this service's status view uses.
     */
    static List<OperationChanged.DueReport> dueReports(Operation o) {
        List<OperationChanged.DueReport> due = new ArrayList<>();
        for (String region : o.reportingRegions()) {
            for (String period : periods(o)) {
                due.add(new OperationChanged.DueReport(
                        reportId(o, region, period), o.leadAgency(), region, period, dueOn(o, period)));
            }
        }
        due.add(new OperationChanged.DueReport(
                reportId(o, o.region(), "FINAL"), o.leadAgency(), o.region(), "FINAL", dueOn(o, "FINAL")));
        return due;
    }

    /** One report per region and period: the id its submission is stored and announced under. */
    static String reportId(Operation o, String region, String period) {
        return o.id() + ":" + region + ":" + period;
    }

    public Operation find(String id) {
        return store.find(id).orElseThrow(() -> new RecordNotFoundException("operation", id));
    }

    /** A sortie as entered by an agency. Breeding sites are counted from inspection records, never typed again. */
    public Sortie recordSortie(
            Operation o,
            Agency agency,
            String region,
            LocalDate on,
            int personnel,
            int vehicles,
            List<Sortie.Places> places,
            @Nullable String hotspot,
            @Nullable String note,
            Caller by) {
        List<FieldError> errors = new ArrayList<>();
        if (on.isBefore(o.startsOn()) || on.isAfter(o.endsOn())) {
            errors.add(new FieldError("on", texts.get("phase.outside", o.startsOn(), o.endsOn()), on.toString()));
        }
        if (!new RegionCode(o.region()).contains(region)) {
            errors.add(new FieldError("region", texts.get("region.outside", o.region()), region));
        }
        if (personnel < 0) {
            errors.add(new FieldError("personnel", texts.get("count.negative"), personnel));
        }
        if (vehicles < 0) {
            errors.add(new FieldError("vehicles", texts.get("count.negative"), vehicles));
        }
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i).count() < 0) {
                errors.add(new FieldError(
                        "places[" + i + "].count",
                        texts.get("count.negative"),
                        places.get(i).count()));
            }
            if (places.get(i).kind() == PlaceKind.BREEDING_SITE) {
                errors.add(new FieldError(
                        "places[" + i + "].kind", texts.get("place.breeding-site"), PlaceKind.BREEDING_SITE.name()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Sortie s = new Sortie(
                "SRT-" + UUID.randomUUID(),
                o.id(),
                agency,
                region,
                on,
                personnel,
                vehicles,
                places,
                hotspot,
                note,
                by.name(),
                clock.instant());
        store.insert(
                s,
                List.of(outbox.entry(
                        Topics.PLATFORM_OPERATIONS,
                        Envelope.of(
                                InspectionServiceApplication.EVENT_SOURCE,
                                agency,
                                region,
                                new SortieRecorded(
                                        s.id(),
                                        o.id(),
                                        agency,
                                        region,
                                        on,
                                        personnel,
                                        vehicles,
                                        places.stream()
                                                .map(p -> new SortieRecorded.Places(p.kind(), p.count()))
                                                .toList(),
                                        hotspot)),
                        s.id())),
                outbox);
        relay.wake();
        return s;
    }

    /** When a period's report is due: the monthly day of the following month, or the final report's date. */
    public static LocalDate dueOn(Operation o, String period) {
        if ("FINAL".equals(period)) {
            return o.finalReportDue() != null ? o.finalReportDue() : o.endsOn();
        }
        YearMonth next = YearMonth.parse(period).plusMonths(1);
        return next.atDay(Math.min(o.monthlyDueDay(), next.lengthOfMonth()));
    }

    public ReportSubmission submit(
            Operation o, Agency agency, String region, String period, LocalDate submittedOn, Caller by) {
        if (!"FINAL".equals(period) && !periods(o).contains(period)) {
            throw new InvalidRequestException("period", texts.get("period.outside", periods(o)), period);
        }
        LocalDate due = dueOn(o, period);
        ReportSubmission r = new ReportSubmission(
                reportId(o, region, period),
                o.id(),
                agency,
                region,
                period,
                due,
                submittedOn,
                submittedOn.isAfter(due),
                by.name(),
                clock.instant());
        if (!store.insert(
                r,
                List.of(outbox.entry(
                        Topics.PLATFORM_OPERATIONS,
                        Envelope.of(
                                InspectionServiceApplication.EVENT_SOURCE,
                                agency,
                                region,
                                new ReportSubmitted(
                                        o.id(), r.id(), agency, region, period, due, submittedOn, r.late())),
                        r.id())),
                outbox)) {
            throw new ConflictException(
                    "report-submitted",
                    region + " already submitted the report for " + period,
                    Map.of("reportId", r.id()));
        }
        relay.wake();
        return r;
    }

    /** The months an operation runs in, each of which owes a monthly summary. */
    public static List<String> periods(Operation o) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(o.startsOn()); !m.isAfter(YearMonth.from(o.endsOn())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** Whether each report owed is on time, late, missing (due and not submitted) or not yet due. */
    public record ReportStatus(
            String region,
            String period,
            LocalDate dueOn,
            State state,
            @Nullable LocalDate submittedOn) {
        public enum State {
            ON_TIME,
            LATE,
            MISSING,
            NOT_DUE
        }
    }

    public List<ReportStatus> reportStatus(Operation o, LocalDate asOf) {
        Map<String, ReportSubmission> submitted = new java.util.HashMap<>();
        store.reports(o.id()).forEach(r -> submitted.put(r.region() + ":" + r.period(), r));
        List<ReportStatus> status = new ArrayList<>();
        for (String region : o.reportingRegions()) {
            for (String period : periods(o)) {
                status.add(status(o, region, period, submitted.get(region + ":" + period), asOf));
            }
        }
        status.add(status(o, o.region(), "FINAL", submitted.get(o.region() + ":FINAL"), asOf));
        return status;
    }

    private static ReportStatus status(
            Operation o, String region, String period, @Nullable ReportSubmission r, LocalDate asOf) {
        LocalDate due = dueOn(o, period);
        if (r != null) {
            return new ReportStatus(
                    region,
                    period,
                    due,
                    r.late() ? ReportStatus.State.LATE : ReportStatus.State.ON_TIME,
                    r.submittedOn());
        }
        return new ReportStatus(
                region, period, due, asOf.isAfter(due) ? ReportStatus.State.MISSING : ReportStatus.State.NOT_DUE, null);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(InspectionServiceApplication.CHINA).toInstant();
    }
}
