package cn.wildlife.notification.delivery.sms;

import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.Labels;
import cn.wildlife.notification.delivery.Templates;
import cn.wildlife.notification.delivery.domain.AlertKind;
import java.util.Map;

/** The zh-CN text message of an alert: short, with the deadline, its subject and due time. */
public final class SmsMessages {

    public static final String PHONE = "phone";
    public static final String TEXT = "text";

    private SmsMessages() {}

    public static Map<String, String> alert(String phone, AlertRaised alert) {
        AlertKind kind = AlertKind.parse(alert.kind())
                .orElseThrow(() -> new IllegalArgumentException("unknown alert kind " + alert.kind()));
        String text = Templates.render(
                        "alert-sms",
                        Map.of(
                                "kindLabel", kind.label(),
                                "title", alert.title(),
                                "subjectLabel", Labels.subjectType(alert.subjectType()),
                                "subjectId", alert.subjectId(),
                                "dueAt", Labels.time(alert.dueAt())))
                .strip();
        return Map.of(PHONE, phone, TEXT, text);
    }
}
