package cn.wildlife.notification.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventType;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.web.Texts;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RectificationClockTest {

    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");

    private static DeadlineRule rule() {
        try (InputStream in = RectificationClockTest.class.getResourceAsStream("/" + RuleCatalogue.SHIPPED)) {
            return JsonMapper.builder().build().readValue(in, RuleCatalogue.RuleFile.class).rules().stream()
                    .filter(r -> r.id().equals("RECTIFICATION_DEADLINE"))
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRectificationClockOpensOnTheOrderAndClosesOnTheReinspectionEitherWay() {
        DeadlineRule rule = rule();

        assertThat(rule.opensOn()).isEqualTo(EventType.RECTIFICATION_ORDERED.ceType());
        assertThat(rule.closesOn())
                .containsExactlyInAnyOrder(
                        EventType.RECTIFICATION_ACCEPTED.ceType(), EventType.RECTIFICATION_REJECTED.ceType());
        assertThat(rule.statutory()).isFalse();
        assertThat(RuleValidation.check(rule, TEXTS)).isEmpty();
    }

    @Test
    void theDueTimeTheOrderSetsWinsOverTheRulesAmount() {
        Instant endOfTenthNovember = Instant.parse("2026-11-10T16:00:00Z");

        Deadline deadline = Deadline.openUntil(
                rule(),
                "RECT-INS-1-F1",
                Agency.FORESTRY,
                "220112",
                "event-1",
                Instant.parse("2026-11-02T08:00:00Z"),
                endOfTenthNovember);

        assertThat(deadline.dueAt()).isEqualTo(endOfTenthNovember);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(deadline.provisional()).isFalse();
        assertThat(deadline.id()).isEqualTo("RECTIFICATION_DEADLINE:RECT-INS-1-F1");
    }
}
