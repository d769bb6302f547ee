package cn.wildlife.notification.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.EventType;
import cn.wildlife.notification.calendar.domain.DurationUnit;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ShippedRulesTest {

    private final List<DeadlineRule> rules = load();

    private static List<DeadlineRule> load() {
        try (InputStream in = ShippedRulesTest.class.getResourceAsStream("/" + RuleCatalogue.SHIPPED)) {
            return JsonMapper.builder()
                    .build()
                    .readValue(in, RuleCatalogue.RuleFile.class)
                    .rules();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRowOfTheTransferTableShipsWithItsLegalBasis() {
        assertThat(rules)
                .extracting(DeadlineRule::id)
                .contains(
                        "TRANSFER_APPROVAL_DECISION",
                        "TRANSFER_DELIVERY",
                        "TRANSFER_RECEIPT",
                        "TRANSFER_FILING_DECISION",
                        "TRANSFER_ITEMS_HANDOVER",
                        "TRANSFER_RECONSIDERATION_WINDOW",
                        "TRANSFER_RECONSIDERATION_DECISION",
                        "TRANSFER_SUPERVISION_WINDOW",
                        "TRANSFER_NON_FILING_EXPLANATION",
                        "TRANSFER_FILING_AFTER_NOTICE",
                        "ADMIN_PENALTY_DECISION",
                        "CLUE_CASE_DECISION_MARKET");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.legalBasis()).isNotBlank());
    }

    @Test
    void theTwentyFourHourClocksCountHoursAndTheMarketTipOffCountsWorkingDays() {
        assertThat(rule("TRANSFER_DELIVERY").unit()).isEqualTo(DurationUnit.HOURS);
        assertThat(rule("TRANSFER_DELIVERY").amount()).isEqualTo(24);
        assertThat(rule("CLUE_CASE_DECISION_MARKET").unit()).isEqualTo(DurationUnit.WORKING_DAYS);
        assertThat(rule("ADMIN_PENALTY_DECISION").amount()).isEqualTo(90);
    }

    @Test
    void aMissedPoliceFilingClockReachesTheProcuratorate() {
        assertThat(rule("TRANSFER_FILING_DECISION").escalation()).contains("PROCURATORATE");
    }

    @Test
    void theClueRulesOpenOnAnEventTypeOfTheContract() {
        List<String> known =
                Arrays.stream(EventType.values()).map(EventType::ceType).toList();
        assertThat(rules)
                .filteredOn(r -> r.subjectType().equals("CLUE"))
                .allSatisfy(rule -> assertThat(known).contains(rule.opensOn()));
    }

    private DeadlineRule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
