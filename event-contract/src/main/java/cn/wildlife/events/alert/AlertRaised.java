package cn.wildlife.events.alert;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A deadline is approaching, was missed, or stayed missed long enough to go up the chain (topic
 * {@code platform.alerts}). Delivery (inbox, e-mail, webhooks) is driven by these.
 *
 * @param kind       APPROACHING, OVERDUE or ESCALATED; CALENDAR_MISSING tells the administrators that a deadline fell
 *                   in a year whose holiday calendar is not loaded (the deadline named is the first one it touched,
 *                   the subject is {@code CALENDAR_YEAR} and the year), once per year
 * @param recipients who is to be told: the responsible agency's roles, then, on escalation, the agency head, the
 *                   superior region, the supervision office and, for a missed police clock, the procuratorate
 */
public record AlertRaised(
        String alertId,
        String kind,
        String deadlineId,
        String ruleId,
        String title,
        String legalBasis,
        String subjectType,
        String subjectId,
        Agency agency,
        String region,
        Instant dueAt,
        Instant raisedAt,
        List<String> recipients)
        implements EventPayload {

    public AlertRaised {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public String subject() {
        return deadlineId;
    }
}
