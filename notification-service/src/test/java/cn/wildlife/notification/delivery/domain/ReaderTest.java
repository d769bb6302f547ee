package cn.wildlife.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A target carries only what its owner could read in the inbox: the alert's recipients decide. */
class ReaderTest {

    private static final List<String> OVERDUE = List.of("FORESTRY@220112");
    private static final List<String> ESCALATED =
            List.of("FORESTRY@220112", "FORESTRY@220112/AGENCY_HEAD", "FORESTRY@220100", "SUPERVISION_OFFICE@220000");

    @Test
    void aPersonReadsAlertsOfTheirOwnOfficeOnly() {
        assertThat(Reader.person("FORESTRY", "220112", Set.of("OFFICER")).mayRead(OVERDUE))
                .isTrue();
        assertThat(Reader.person("FORESTRY", "220122", Set.of("OFFICER")).mayRead(OVERDUE))
                .as("a sibling county")
                .isFalse();
        assertThat(Reader.person("PUBLIC_SECURITY", "220112", Set.of("OFFICER")).mayRead(OVERDUE))
                .as("another agency in the same county")
                .isFalse();
        assertThat(Reader.person("FORESTRY", "220100", Set.of("AGENCY_HEAD")).mayRead(OVERDUE))
                .as("the city, before escalation: the inbox files by exact region")
                .isFalse();
        assertThat(Reader.person("FORESTRY", "220100", Set.of("AGENCY_HEAD")).mayRead(ESCALATED))
                .isTrue();
        assertThat(Reader.person("SUPERVISION_OFFICE", "220000", Set.of("OFFICER"))
                        .mayRead(ESCALATED))
                .isTrue();
    }

    @Test
    void anItemForARoleReachesOnlyPeopleHoldingIt() {
        List<String> headOnly = List.of("FORESTRY@220112/AGENCY_HEAD");
        assertThat(Reader.person("FORESTRY", "220112", Set.of("OFFICER")).mayRead(headOnly))
                .isFalse();
        assertThat(Reader.person("FORESTRY", "220112", Set.of("AGENCY_HEAD")).mayRead(headOnly))
                .isTrue();
        assertThat(Reader.office("FORESTRY", "220112").mayRead(headOnly))
                .as("an office has no roles")
                .isFalse();
        assertThat(Reader.office("FORESTRY", "220112").mayRead(OVERDUE)).isTrue();
    }

    @Test
    void anAgencysSystemReadsItsAgencyAcrossItsRegionsSubtree() {
        assertThat(Reader.system("FORESTRY", "220000").mayRead(OVERDUE)).isTrue();
        assertThat(Reader.system("FORESTRY", "220100").mayRead(OVERDUE)).isTrue();
        assertThat(Reader.system("FORESTRY", "220122").mayRead(OVERDUE))
                .as("a sibling county")
                .isFalse();
        assertThat(Reader.system("FORESTRY", "110000").mayRead(OVERDUE))
                .as("another province")
                .isFalse();
        assertThat(Reader.system("MARKET_SUPERVISION", "220000").mayRead(ESCALATED))
                .isFalse();
    }

    @Test
    void malformedRecipientsReachNobody() {
        assertThat(Reader.system("FORESTRY", "220000").mayRead(List.of("FORESTRY", "@220112", "FORESTRY@nowhere")))
                .isFalse();
    }

    @Test
    void aFilterNarrowsByKindAndRule() {
        AlertFilter overdueOfOneRule = new AlertFilter(Set.of(AlertKind.OVERDUE), Set.of("CLUE_CASE_DECISION_DEFAULT"));
        assertThat(overdueOfOneRule.matches("OVERDUE", "CLUE_CASE_DECISION_DEFAULT"))
                .isTrue();
        assertThat(overdueOfOneRule.matches("ESCALATED", "CLUE_CASE_DECISION_DEFAULT"))
                .isFalse();
        assertThat(overdueOfOneRule.matches("OVERDUE", "TRANSFER_APPROVAL_DECISION"))
                .isFalse();
        assertThat(AlertFilter.any().matches("APPROACHING", "ANY")).isTrue();
    }

    @Test
    void logsShowAddressesMasked() {
        assertThat(Masking.email("zhang.san@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("+86****5678");
    }

    @Test
    void whatIsAddressedToTheAdministratorsEverywhereReachesAdministratorsOnly() {
        List<String> administrators = List.of("*@*/SYSTEM_ADMIN");

        assertThat(Reader.person("FORESTRY", "220000", Set.of("SYSTEM_ADMIN")).mayRead(administrators))
                .isTrue();
        assertThat(Reader.person("PUBLIC_SECURITY", "220112", Set.of("SYSTEM_ADMIN", "OFFICER"))
                        .mayRead(administrators))
                .isTrue();
        assertThat(Reader.person("FORESTRY", "220000", Set.of("OFFICER", "AGENCY_HEAD"))
                        .mayRead(administrators))
                .isFalse();
        assertThat(Reader.office("FORESTRY", "220000").mayRead(administrators)).isFalse();
        assertThat(Reader.system("FORESTRY", "220000").mayRead(administrators)).isFalse();
    }
}
