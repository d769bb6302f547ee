package cn.wildlife.notification.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which agencies may use an extension is part of the rule, checked where rules come in. */
class ExtensionAgenciesTest {

    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");

    @Test
    void theThirtyDaysOfArticleSixtyAreMarketSupervisionsAlone() {
        DeadlineRule.Extension thirtyDays = OperationClocksTest.shipped("ADMIN_PENALTY_DECISION")
                .extensions()
                .get(0);

        assertThat(thirtyDays.amount()).isEqualTo(30);
        assertThat(thirtyDays.usableBy("MARKET_SUPERVISION")).isTrue();
        assertThat(thirtyDays.usableBy("FORESTRY")).isFalse();
        assertThat(thirtyDays.usableBy("AGRICULTURE")).isFalse();
    }

    @Test
    void anExtensionNamingNoAgencyIsForEveryAgencyTheRuleAppliesTo() {
        assertThat(new DeadlineRule.Extension(15, null, DurationUnit.WORKING_DAYS, "负责人批准").usableBy("FORESTRY"))
                .isTrue();
    }

    @Test
    void aRuleNamingAnUnknownAgencyOrWatcherIsRefusedFieldByField() {
        DeadlineRule shipped = OperationClocksTest.shipped("ADMIN_PENALTY_DECISION");
        DeadlineRule bad = new DeadlineRule(
                "JL_PENALTY_DECISION",
                0,
                shipped.title(),
                shipped.legalBasis(),
                false,
                shipped.kind(),
                shipped.subjectType(),
                shipped.opensOn(),
                shipped.agencies(),
                shipped.closesOn(),
                shipped.pausesOn(),
                shipped.resumesOn(),
                90,
                DurationUnit.CALENDAR_DAYS,
                List.of(new DeadlineRule.Extension(30, null, DurationUnit.CALENDAR_DAYS, "负责人批准", Set.of("MARKET"))),
                shipped.warnBefore(),
                shipped.responsible(),
                shipped.escalation(),
                null,
                List.of("220000"),
                List.of("LEAD_OFFICE", "GOVERNOR"));

        assertThat(RuleValidation.check(bad, TEXTS))
                .extracting(FieldError::field)
                .containsExactly("extensions[0].agencies", "watchers[1]");
    }
}
