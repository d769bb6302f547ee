package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.events.EventType;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.NotificationServiceApplication;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * What a webhook receives: a CloudEvents 1.0 event in structured mode (one JSON object with the attributes and
 * {@code data}), so a partner system can read it with any CloudEvents library or as plain JSON. An alert carries the
 * same payload as on {@code platform.alerts}; a digest is a webhook-only type.
 */
final class WebhookPayloads {

    static final String ALERT_TYPE = EventType.ALERT_RAISED.ceType();
    static final String DIGEST_TYPE = DailyDigest.EVENT_TYPE;
    static final List<String> TYPES = List.of(ALERT_TYPE, DIGEST_TYPE);
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private WebhookPayloads() {}

    static String alert(ObjectMapper json, String eventId, AlertRaised alert) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.alertId());
        data.put("kind", alert.kind());
        data.put("deadlineId", alert.deadlineId());
        data.put("ruleId", alert.ruleId());
        data.put("title", alert.title());
        data.put("legalBasis", alert.legalBasis());
        data.put("subjectType", alert.subjectType());
        data.put("subjectId", alert.subjectId());
        data.put("agency", alert.agency().name());
        data.put("region", alert.region());
        data.put("dueAt", alert.dueAt().toString());
        data.put("raisedAt", alert.raisedAt().toString());
        data.put("recipients", alert.recipients());
        return json.writeValueAsString(envelope(eventId, ALERT_TYPE, alert.deadlineId(), alert.raisedAt(), data));
    }

    static String digest(ObjectMapper json, DailyDigest digest, Instant compiledAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agency", digest.agency());
        data.put("region", digest.region());
        data.put("date", digest.date().toString());
        data.put("overdueTotal", digest.overdueTotal());
        data.put("approachingTotal", digest.approachingTotal());
        data.put("openTotal", digest.openTotal());
        data.put("overdue", lines(digest.overdue()));
        data.put("approaching", lines(digest.approaching()));
        data.put("open", lines(digest.open()));
        return json.writeValueAsString(envelope(
                digest.digestId() + ":" + digest.region(),
                DIGEST_TYPE,
                digest.agency() + "@" + digest.region(),
                compiledAt,
                data));
    }

    private static Map<String, Object> envelope(
            String id, String type, String subject, Instant time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", NotificationServiceApplication.EVENT_SOURCE.toString());
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    private static List<Map<String, Object>> lines(List<DailyDigest.Line> lines) {
        return lines.stream()
                .map(line -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("deadlineId", line.deadlineId());
                    m.put("ruleId", line.ruleId());
                    m.put("title", line.title());
                    m.put("subjectType", line.subjectType());
                    m.put("subjectId", line.subjectId());
                    m.put("region", line.region());
                    m.put("dueAt", line.dueAt().toString());
                    m.put("state", line.state());
                    return m;
                })
                .toList();
    }
}
