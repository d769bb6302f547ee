package cn.wildlife.inspection;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/** Field messages of this service's domain checks in the caller's language (zh-CN or English). */
public final class Messages {

    private static final String BUNDLE = "cn.wildlife.inspection.messages";

    private Messages() {}

    public static String get(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Locale chosen =
                locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle(
                            BUNDLE,
                            chosen,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
            return new MessageFormat(pattern, chosen).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
