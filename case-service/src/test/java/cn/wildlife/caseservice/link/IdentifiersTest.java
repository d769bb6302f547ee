package cn.wildlife.caseservice.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void theSamePhoneWrittenDifferentlyMeets() {
        assertThat(Identifiers.key(new Identifier(IdentifierType.PHONE, "+86 136-0431-0000")))
                .isEqualTo(Identifiers.key(new Identifier(IdentifierType.PHONE, "13604310000")));
        assertThat(Identifiers.key(new Identifier(IdentifierType.VEHICLE_PLATE, "吉a·12345")))
                .isEqualTo(Identifiers.key(new Identifier(IdentifierType.VEHICLE_PLATE, "吉A12345")));
        assertThat(Identifiers.key(new Identifier(IdentifierType.PHONE, "13604310000")))
                .as("a phone and an ID number never meet")
                .isNotEqualTo(Identifiers.key(new Identifier(IdentifierType.ID_NUMBER, "13604310000")));
    }

    @Test
    void theKeyAndTheMaskRevealNoUsableValue() {
        Identifier id = new Identifier(IdentifierType.ID_NUMBER, "22011219900101777x");
        assertThat(Identifiers.key(id)).doesNotContain("220112").startsWith("ID_NUMBER:");
        assertThat(Identifiers.masked(id)).isEqualTo("220***********777X");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.PHONE, "13604310000")))
                .isEqualTo("136****0000");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.VEHICLE_PLATE, "吉A12345")))
                .isEqualTo("吉A***45");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.ONLINE_SHOP, "长白山山货小店")))
                .isEqualTo("长白***");
    }

    @Test
    void implausibleValuesAreRefused() {
        assertThat(Identifiers.valid(new Identifier(IdentifierType.PHONE, "call me")))
                .isFalse();
        assertThat(Identifiers.valid(new Identifier(IdentifierType.ID_NUMBER, "12")))
                .isFalse();
        assertThat(Identifiers.valid(new Identifier(IdentifierType.PHONE, "0431-8888 1234")))
                .isTrue();
    }
}
