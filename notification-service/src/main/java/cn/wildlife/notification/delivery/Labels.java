package cn.wildlife.notification.delivery;

import cn.wildlife.events.Agency;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

/** The words and formats messages to people use: Chinese labels, times in Beijing time. */
public final class Labels {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> SUBJECTS = Map.of(
            "CLUE", "线索",
            "TRANSFER", "移送案件",
            "CASE", "案件",
            "RECTIFICATION", "整改通知",
            "CALENDAR_YEAR", "节假日安排年度");

    private Labels() {}

    /** 2026年1月20日 17:00（北京时间） */
    public static String time(Instant instant) {
        return TIME.format(instant.atZone(SHANGHAI)) + "（北京时间）";
    }

    public static String subjectType(String subjectType) {
        return SUBJECTS.getOrDefault(subjectType, subjectType);
    }

    public static String agency(String agency) {
        return Arrays.stream(Agency.values())
                .filter(a -> a.name().equals(agency))
                .findFirst()
                .map(Agency::label)
                .orElse(agency);
    }
}
