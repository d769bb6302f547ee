package cn.wildlife.support.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Titles and details of problems in the caller's language (zh-CN or English, from Accept-Language). */
public final class ProblemMessages {

    private static final String BUNDLE = "cn.wildlife.support.web.problems";

    private ProblemMessages() {}

    public static String get(Locale locale, String key, Object... args) {
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
