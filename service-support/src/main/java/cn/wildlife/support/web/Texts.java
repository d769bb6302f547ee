package cn.wildlife.support.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * User-facing texts (field errors, conflict details, problem titles) from the service's {@link MessageSource}, in
 * the caller's language: zh-CN when the request asks for Chinese, English otherwise. Without a request (an event's
 * dead-letter reason, a delivery log) they are English, for operators. A code with no text is returned as it is.
 */
public final class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** Texts from these bundles alone, read as a service's context reads them: for tests without a context. */
    public static Texts of(String... basenames) {
        return new Texts(bundles(basenames));
    }

    /**
     * Bundles written in English ({@code _en}) and zh-CN ({@code _zh_CN}), UTF-8, the first that has a code
     * answering: the settings of every service's {@code messageSource}.
     */
    public static ResourceBundleMessageSource bundles(String... basenames) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        // A server whose default locale is Chinese still answers an English caller in English.
        source.setFallbackToSystemLocale(false);
        // One quoting rule for every text ('' is a quote), with arguments or without.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** In the language of the request being handled on this thread. */
    public String get(String code, Object... args) {
        return get(LocaleContextHolder.getLocaleContext() == null ? null : LocaleContextHolder.getLocale(), code, args);
    }

    /** In {@code requested}'s language, for work that outlives the request (an import job) or precedes it (filters). */
    public String get(@Nullable Locale requested, String code, Object... args) {
        return messages.getMessage(code, args, code, supported(requested));
    }

    /** The two languages the bundles are written in; any other request reads English. */
    static Locale supported(@Nullable Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
