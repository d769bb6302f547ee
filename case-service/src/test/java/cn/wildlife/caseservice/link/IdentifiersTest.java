package cn.wildlife.caseservice.link;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.crypto.BlindIndex;
import cn.wildlife.support.crypto.HmacSm3BlindIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private static final BlindIndex INDEX =
            new HmacSm3BlindIndex(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
    private static final BlindIndex OTHER_INDEX =
            new HmacSm3BlindIndex(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"));

    private static String key(IdentifierType type, String value) {
        return Identifiers.key(new Identifier(type, value), INDEX);
    }

    @Test
    void theSamePhoneWrittenDifferentlyMeets() {
        assertThat(key(IdentifierType.PHONE, "+86 136-0431-0000")).isEqualTo(key(IdentifierType.PHONE, "13604310000"));
        assertThat(key(IdentifierType.VEHICLE_PLATE, "吉a·12345"))
                .isEqualTo(key(IdentifierType.VEHICLE_PLATE, "吉A12345"));
        assertThat(key(IdentifierType.PHONE, "13604310000"))
                .as("a phone and an ID number never meet")
                .isNotEqualTo(key(IdentifierType.ID_NUMBER, "13604310000"));
    }

    @Test
    void theKeyAndTheMaskRevealNoUsableValue() {
        Identifier id = new Identifier(IdentifierType.ID_NUMBER, "22011219900101777x");
        assertThat(Identifiers.key(id, INDEX)).doesNotContain("220112").startsWith("ID_NUMBER:");
        assertThat(Identifiers.masked(id)).isEqualTo("220***********777X");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.PHONE, "13604310000")))
                .isEqualTo("136****0000");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.VEHICLE_PLATE, "吉A12345")))
                .isEqualTo("吉A***45");
        assertThat(Identifiers.masked(new Identifier(IdentifierType.ONLINE_SHOP, "长白山山货小店")))
                .isEqualTo("长白***");
    }

    @Test
    void theKeyIsKeyedNotAHashAnyoneCanComputeOfAGuessedValue() throws Exception {
        Identifier phone = new Identifier(IdentifierType.PHONE, "13604310000");
        String plainHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("13604310000".getBytes(StandardCharsets.UTF_8)));
        assertThat(Identifiers.key(phone, INDEX))
                .as("not the unsalted SHA-256 kept before")
                .doesNotContain(plainHash)
                .isNotEqualTo(Identifiers.key(phone, OTHER_INDEX));
        assertThat(Identifiers.key(phone, INDEX)).isEqualTo("PHONE:" + INDEX.of("identifier.PHONE", "13604310000"));
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
