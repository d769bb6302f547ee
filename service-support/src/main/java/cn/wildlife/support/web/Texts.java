package cn.wildlife.support.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A service's own user-facing messages (field errors, conflict details) in the caller's language: zh-CN when the
 * request asks for Chinese, English otherwise. Resolved when the message is built, on the request's thread; outside a
 * request (an event's dead-letter reason) it is English, for operators.
 */
public final class Texts {

    private final String bundle;
    private final ClassLoader loader;

    /** The bundle {@code texts} in the package of {@code anchor} (its {@code texts_en} and {@code texts_zh_CN}). */
    public Texts(Class<?> anchor) {
        this.bundle = anchor.getPackageName() + ".texts";
        this.loader = anchor.getClassLoader();
    }

    public String get(String key, Object... args) {
        Locale requested = LocaleContextHolder.getLocaleContext() == null ? null : LocaleContextHolder.getLocale();
        Locale chosen =
                requested != null && "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle(
                            bundle,
                            chosen,
                            loader,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
            return new MessageFormat(pattern, chosen).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
