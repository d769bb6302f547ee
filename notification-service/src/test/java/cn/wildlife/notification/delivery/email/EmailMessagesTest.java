package cn.wildlife.notification.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailMessagesTest {

    private static final AlertRaised OVERDUE = new AlertRaised(
            "CLUE_CASE_DECISION_DEFAULT:FORESTRY-220112-2026-0001:OVERDUE",
            "OVERDUE",
            "CLUE_CASE_DECISION_DEFAULT:FORESTRY-220112-2026-0001",
            "CLUE_CASE_DECISION_DEFAULT",
            "线索立案决定",
            "平台默认期限（法律仅规定“及时立案”）",
            "CLUE",
            "FORESTRY-220112-2026-0001",
            Agency.FORESTRY,
            "220112",
            Instant.parse("2026-01-26T15:59:59Z"),
            Instant.parse("2026-01-27T01:00:00Z"),
            List.of("FORESTRY@220112"));

    @Test
    void anAlertMailNamesTheDeadlineRuleLegalBasisDueTimeAndSubject() {
        Map<String, String> mail = EmailMessages.alert("zhang.san@example.cn", OVERDUE);
        assertThat(mail.get(EmailMessages.TO)).isEqualTo("zhang.san@example.cn");
        assertThat(mail.get(EmailMessages.SUBJECT)).isEqualTo("【逾期预警】线索立案决定（线索 FORESTRY-220112-2026-0001）");
        assertThat(mail.get(EmailMessages.TEXT))
                .contains(
                        "已逾期",
                        "CLUE_CASE_DECISION_DEFAULT",
                        "平台默认期限（法律仅规定“及时立案”）",
                        "2026年1月26日 23:59（北京时间）",
                        "林业和草原局（行政区划 220112）");
    }

    @Test
    void aDigestListsEachKindWithTotals() {
        DailyDigest digest = new DailyDigest(
                "digest:FORESTRY:2026-11-26",
                "FORESTRY",
                "220100",
                LocalDate.parse("2026-11-26"),
                50,
                List.of(new DailyDigest.Line(
                        "R:S",
                        "R",
                        "线索立案决定",
                        "CLUE",
                        "S",
                        "220112",
                        Instant.parse("2026-11-20T15:59:59Z"),
                        "ESCALATED")),
                1,
                List.of(),
                0,
                List.of(),
                0);
        Map<String, String> mail =
                EmailMessages.digest("office@example.cn", digest, Instant.parse("2026-11-26T00:00:05Z"));
        assertThat(mail.get(EmailMessages.SUBJECT))
                .isEqualTo("【每日期限汇总】林业和草原局（220100）2026-11-26：已逾期 1 项，即将到期 0 项，进行中 0 项");
        assertThat(mail.get(EmailMessages.TEXT))
                .contains("截至 2026年11月26日 08:00（北京时间）", "线索立案决定｜线索 S｜220112｜到期 2026年11月20日 23:59（北京时间）", "（无）");
    }
}
