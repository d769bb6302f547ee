package cn.wildlife.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates kept as text files ({@code delivery/templates/<name>.txt}, zh-CN) so wording changes need no
 * code. {@code {name}} is replaced by a value; a template naming a value that is not given fails loudly rather than
 * sending a message with a hole in it.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** A rendered message: the first line of an e-mail template is its subject. */
    public record Message(String subject, String text) {}

    private Templates() {}

    public static String render(String name, Map<String, String> values) {
        String template = CACHE.computeIfAbsent(name, Templates::load);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + " needs " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An e-mail: the template's first line is the subject, the rest (after one blank line) the body. */
    public static Message message(String name, Map<String, String> values) {
        String rendered = render(name, values);
        int newline = rendered.indexOf('\n');
        if (newline < 0) {
            throw new IllegalStateException("template " + name + " has no body");
        }
        return new Message(
                rendered.substring(0, newline).strip(),
                rendered.substring(newline + 1).stripLeading());
    }

    private static String load(String name) {
        String path = "delivery/templates/" + name + ".txt";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
