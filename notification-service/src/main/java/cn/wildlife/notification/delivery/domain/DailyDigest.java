package cn.wildlife.notification.delivery.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The running deadlines of one agency in one region's subtree on one day, as a daily digest lists them: overdue
 * (escalated ones included) first, then approaching, then open. Each list holds at most {@code limit} lines; the
 * totals count all.
 */
public record DailyDigest(
        String digestId,
        String agency,
        String region,
        LocalDate date,
        int limit,
        List<Line> overdue,
        long overdueTotal,
        List<Line> approaching,
        long approachingTotal,
        List<Line> open,
        long openTotal) {

    /** The type a digest carries to webhooks (it never travels on Kafka). */
    public static final String EVENT_TYPE = "cn.wildlife.deadline.digest.v1";

    public DailyDigest {
        overdue = List.copyOf(overdue);
        approaching = List.copyOf(approaching);
        open = List.copyOf(open);
    }

    /** One deadline in the digest. */
    public record Line(
            String deadlineId,
            String ruleId,
            String title,
            String subjectType,
            String subjectId,
            String region,
            Instant dueAt,
            String state) {}

    /** The id a digest's deliveries share: one per agency and day, whichever instance compiles it. */
    public static String idFor(String agency, LocalDate date) {
        return "digest:" + agency + ":" + date;
    }

    public long total() {
        return overdueTotal + approachingTotal + openTotal;
    }
}
