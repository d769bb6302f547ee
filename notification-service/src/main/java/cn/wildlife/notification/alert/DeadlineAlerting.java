package cn.wildlife.notification.alert;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/**
 * Finds the clocks whose next check is due and raises their alerts: approaching before the due time, overdue once
 * it passed, escalated when it stays overdue. Each alert is raised by one conditional write that also holds its
 * event ({@code alertsRaised} must not contain it yet), so however many instances scan at once, and however late a
 * restarted instance catches up, each alert is raised exactly once. A window (a period to act in) simply expires.
 */
@Service
public class DeadlineAlerting {

    private static final int BATCH = 500;

    private final MongoCollection<Document> deadlines;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final MeterRegistry meters;

    public DeadlineAlerting(MongoDatabase database, Outbox outbox, OutboxRelay relay, MeterRegistry meters) {
        this.deadlines = database.getCollection("deadlines");
        this.outbox = outbox;
        this.relay = relay;
        this.meters = meters;
    }

    /** Raises every alert due at {@code now}; returns how many were raised by this call. */
    public int raiseDue(Instant now) {
        int raised = 0;
        int round;
        List<Document> due;
        // Again while anything moved: a clock missed long ago is overdue and escalated in one scan.
        do {
            round = 0;
            due = deadlines
                    .find(Filters.and(
                            Filters.in("state", Deadline.State.RUNNING), Filters.lte("nextCheckAt", Date.from(now))))
                    .sort(Sorts.ascending("nextCheckAt"))
                    .limit(BATCH)
                    .into(new ArrayList<>());
            for (Document deadline : due) {
                round += check(deadline, now) ? 1 : 0;
            }
            raised += round;
        } while (round > 0 || due.size() == BATCH);
        if (raised > 0) {
            relay.wake();
        }
        return raised;
    }

    private boolean check(Document d, Instant now) {
        String id = d.getString("_id");
        Instant dueAt = d.getDate("dueAt").toInstant();
        Duration escalateAfter = Duration.parse(d.getString("escalateAfter"));
        List<String> raised = d.getList("alertsRaised", String.class, List.of());
        int round = d.getInteger("alertRound", 0);
        // Read at this version: a clock paused, resumed or extended meanwhile is checked again at the next scan.
        Bson unchanged = Filters.and(
                Filters.eq("_id", id),
                Filters.eq("version", d.get("version")),
                Filters.in("state", Deadline.State.RUNNING));
        if ("WINDOW".equals(d.getString("kind"))) {
            deadlines.updateOne(
                    unchanged,
                    Updates.combine(
                            Updates.set("state", Deadline.State.EXPIRED.name()),
                            Updates.unset("nextCheckAt"),
                            Updates.inc("version", 1)));
            return false;
        }
        String kind;
        Instant next;
        if (now.isBefore(dueAt)) {
            kind = "APPROACHING";
            next = dueAt;
        } else if (!raised.contains(Deadline.alertTag("OVERDUE", round))) {
            kind = "OVERDUE";
            next = dueAt.plus(escalateAfter);
        } else if (!now.isBefore(dueAt.plus(escalateAfter))) {
            kind = "ESCALATED";
            next = null;
        } else {
            deadlines.updateOne(unchanged, Updates.set("nextCheckAt", Date.from(dueAt.plus(escalateAfter))));
            return false;
        }
        String tag = Deadline.alertTag(kind, round);
        if (raised.contains(tag)) {
            deadlines.updateOne(
                    unchanged,
                    next == null ? Updates.unset("nextCheckAt") : Updates.set("nextCheckAt", Date.from(next)));
            return false;
        }
        Agency agency = Agency.valueOf(d.getString("agency"));
        String region = d.getString("region");
        AlertRaised alert = new AlertRaised(
                id + ":" + tag,
                kind,
                id,
                d.getString("ruleId"),
                d.getString("title"),
                d.getString("legalBasis"),
                d.getString("subjectType"),
                d.getString("subjectId"),
                agency,
                region,
                dueAt,
                now,
                recipients(
                        kind,
                        agency,
                        region,
                        d.getList("escalation", String.class, List.of()),
                        d.getList("watchers", String.class, List.of())));
        Document entry = outbox.entry(
                Topics.PLATFORM_ALERTS,
                Envelope.of(NotificationServiceApplication.EVENT_SOURCE, agency, region, alert));
        Bson change = Updates.combine(
                Updates.set("state", kind),
                Updates.push("alertsRaised", tag),
                Updates.push(
                        "history",
                        new Document("at", Date.from(now))
                                .append("change", kind)
                                .append("eventId", null)
                                .append("by", null)
                                .append("dueAt", Date.from(dueAt))
                                .append("note", "alert " + alert.alertId())),
                next == null ? Updates.unset("nextCheckAt") : Updates.set("nextCheckAt", Date.from(next)),
                Updates.inc("version", 1),
                outbox.append(List.of(entry)));
        boolean won = deadlines
                        .updateOne(Filters.and(unchanged, Filters.ne("alertsRaised", tag)), change)
                        .getModifiedCount()
                == 1;
        if (won) {
            meters.counter("platform.alerts.raised", "kind", kind, "rule", d.getString("ruleId"))
                    .increment();
        }
        return won;
    }

    /**
     * Who is told: the responsible agency's officers; on escalation, its head, the superior region's same agency,
     * the supervision office and, where the rule says so (a police filing clock), the procuratorate.
     */
    static List<String> recipients(String kind, Agency agency, String region, List<String> escalation) {
        return recipients(kind, agency, region, escalation, List.of());
    }

    /**
     * As above, with the clock's watchers (e.g. an operation's lead office and the supervision office) told as soon as
     * it is overdue, and again on escalation; each addressee once.
     */
    static List<String> recipients(
            String kind, Agency agency, String region, List<String> escalation, List<String> watchers) {
        List<String> to = new ArrayList<>();
        to.add(agency.name() + "@" + region);
        if ("OVERDUE".equals(kind)) {
            to.addAll(watchers);
        }
        if (!"ESCALATED".equals(kind)) {
            return to.stream().distinct().toList();
        }
        to.addAll(watchers);
        RegionCode code = new RegionCode(region);
        for (String step : escalation) {
            switch (step) {
                case "AGENCY_HEAD" -> to.add(agency.name() + "@" + region + "/AGENCY_HEAD");
                case "SUPERIOR_REGION" ->
                    to.add(agency.name() + "@" + code.parent().code());
                case "SUPERVISION_OFFICE" ->
                    to.add("SUPERVISION_OFFICE@" + code.parent().parent().code());
                case "PROCURATORATE" -> to.add("PROCURATORATE@" + region);
                default -> to.add(step);
            }
        }
        return to.stream().distinct().toList();
    }
}
