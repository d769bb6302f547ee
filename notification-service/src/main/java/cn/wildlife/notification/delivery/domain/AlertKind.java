package cn.wildlife.notification.delivery.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The alerts a deadline raises, as carried in {@code AlertRaised.kind}, with the words used in messages; and the one
 * the administrators get when a deadline fell in a year whose holiday calendar is not loaded.
 */
public enum AlertKind {
    APPROACHING("即将到期", "即将到期"),
    OVERDUE("逾期预警", "已逾期"),
    ESCALATED("逾期督办", "逾期未办结，已提请上级督办"),
    CALENDAR_MISSING("节假日安排缺失", "所在年度的节假日安排尚未载入，到期时间暂按周末计算");

    private final String label;
    private final String phrase;

    AlertKind(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    /** The short tag in a subject line, e.g. 【逾期预警】. */
    public String label() {
        return label;
    }

    /** What happened to the deadline, completing "该期限…". */
    public String phrase() {
        return phrase;
    }

    public static Optional<AlertKind> parse(String kind) {
        return Arrays.stream(values()).filter(k -> k.name().equals(kind)).findFirst();
    }
}
