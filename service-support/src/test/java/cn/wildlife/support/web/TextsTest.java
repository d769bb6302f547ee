package cn.wildlife.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class TextsTest {

    private final Texts texts = Texts.of("cn.wildlife.support.web.problems");

    @AfterEach
    void leaveNoRequestLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aChineseCallerReadsChineseWhateverTheRegion() {
        assertThat(texts.get(Locale.SIMPLIFIED_CHINESE, "not-found.title")).isEqualTo("未找到");
        assertThat(texts.get(Locale.TRADITIONAL_CHINESE, "not-found.title")).isEqualTo("未找到");
        assertThat(texts.get(Locale.forLanguageTag("zh"), "internal.detail", "r-1"))
                .isEqualTo("请求未能完成。报告问题时请提供请求编号 r-1。");
    }

    @Test
    void everyOtherCallerReadsEnglish() {
        assertThat(texts.get(Locale.FRENCH, "not-found.title")).isEqualTo("Not found");
        assertThat(texts.get((Locale) null, "not-found.title")).isEqualTo("Not found");
    }

    @Test
    void theRequestsLanguageIsUsedAndWithoutARequestItIsEnglish() {
        assertThat(texts.get("forbidden.title")).isEqualTo("Not allowed");

        LocaleContextHolder.setLocale(Locale.CHINA);

        assertThat(texts.get("forbidden.title")).isEqualTo("无权操作");
    }

    @Test
    void aQuoteIsWrittenTwiceInEveryTextWithArgumentsOrWithout() {
        assertThat(texts.get(Locale.ENGLISH, "conflict.title"))
                .isEqualTo("The request conflicts with the record's current state");
    }

    @Test
    void aCodeWithoutATextIsSaidAsItIs() {
        assertThat(texts.get(Locale.ENGLISH, "no.such.code")).isEqualTo("no.such.code");
    }
}
