package cn.wildlife.notification.delivery.email;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.Labels;
import cn.wildlife.notification.delivery.Templates;
import cn.wildlife.notification.delivery.domain.AlertKind;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The zh-CN e-mails: an alert names its deadline, rule, legal basis, due time and subject; a digest lists clocks. */
public final class EmailMessages {

    public static final String TO = "to";
    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";

    private EmailMessages() {}

    public static Map<String, String> alert(String to, AlertRaised alert) {
        AlertKind kind = AlertKind.parse(alert.kind())
                .orElseThrow(() -> new IllegalArgumentException("unknown alert kind " + alert.kind()));
        Map<String, String> values = new HashMap<>();
        values.put("kindLabel", kind.label());
        values.put("kindPhrase", kind.phrase());
        values.put("title", alert.title());
        values.put("ruleId", alert.ruleId());
        values.put("legalBasis", alert.legalBasis());
        values.put("subjectLabel", Labels.subjectType(alert.subjectType()));
        values.put("subjectId", alert.subjectId());
        values.put("agencyLabel", alert.agency().label());
        values.put("region", alert.region());
        values.put("dueAt", Labels.time(alert.dueAt()));
        values.put("raisedAt", Labels.time(alert.raisedAt()));
        Templates.Message message = Templates.message("alert-email", values);
        return Map.of(TO, to, SUBJECT, message.subject(), TEXT, message.text());
    }

    public static Map<String, String> digest(String to, DailyDigest digest, Instant compiledAt) {
        Map<String, String> values = new HashMap<>();
        values.put("agencyLabel", Labels.agency(digest.agency()));
        values.put("region", digest.region());
        values.put("date", digest.date().toString());
        values.put("compiledAt", Labels.time(compiledAt));
        values.put("overdueTotal", Long.toString(digest.overdueTotal()));
        values.put("approachingTotal", Long.toString(digest.approachingTotal()));
        values.put("openTotal", Long.toString(digest.openTotal()));
        values.put("overdueLines", lines(digest.overdue()));
        values.put("approachingLines", lines(digest.approaching()));
        values.put("openLines", lines(digest.open()));
        values.put("pageSize", Integer.toString(digest.limit()));
        Templates.Message message = Templates.message("digest-email", values);
        return Map.of(TO, to, SUBJECT, message.subject(), TEXT, message.text());
    }

    private static String lines(List<DailyDigest.Line> lines) {
        if (lines.isEmpty()) {
            return Templates.render("digest-none", Map.of());
        }
        StringBuilder out = new StringBuilder();
        for (DailyDigest.Line line : lines) {
            out.append(Templates.render(
                    "digest-line",
                    Map.of(
                            "title", line.title(),
                            "subjectLabel", Labels.subjectType(line.subjectType()),
                            "subjectId", line.subjectId(),
                            "region", line.region(),
                            "dueAt", Labels.time(line.dueAt()),
                            "ruleId", line.ruleId())));
        }
        return out.toString();
    }
}
