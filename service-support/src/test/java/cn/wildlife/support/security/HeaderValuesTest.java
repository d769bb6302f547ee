package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header rule, answered faster, answers as the firewall's own check does. */
class HeaderValuesTest {

    private final Predicate<String> own = StrictHttpFirewall.ALLOWED_HEADER_VALUES;
    private final Predicate<String> fast = HeaderValues.printableAsciiFirst(own);

    @Test
    void everyValueIsJudgedAsTheFirewallJudgesIt() {
        List<String> values = List.of(
                "",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/=",
                "a\tb",
                "gzip, deflate",
                "zh-CN,zh;q=0.9",
                "森林公安",
                "é",
                "\u00a0",
                "a\u0000b",
                "a\nb",
                "a\rb",
                "\u007f",
                "\u0085",
                "\u0378",
                "😀",
                "\ud83d",
                "\ude00x",
                "\u200b",
                "\ufffe");
        for (String value : values) {
            assertThat(fast.test(value))
                    .as("%s", value.codePoints().boxed().toList())
                    .isEqualTo(own.test(value));
        }
        for (char c = 0; c < 0x100; c++) {
            String value = "x" + c;
            assertThat(fast.test(value)).as("char %d", (int) c).isEqualTo(own.test(value));
        }
    }

    @Test
    void onlyPrintableAsciiAndTabSkipTheFirewallsOwnCheck() {
        assertThat(HeaderValues.isPrintableAscii(" ~\t")).isTrue();
        assertThat(HeaderValues.isPrintableAscii("\u001f")).isFalse();
        assertThat(HeaderValues.isPrintableAscii("\u007f")).isFalse();
        assertThat(HeaderValues.isPrintableAscii("林")).isFalse();
    }
}
