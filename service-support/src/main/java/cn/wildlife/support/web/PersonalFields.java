package cn.wildlife.support.web;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which request fields carry personal data (个人信息), so that a problem never echoes what was sent in them: the
 * reporter's identity (name, phone, ID number, contact), parties' names, ID numbers, phones and addresses, suspects'
 * identifiers and the people a clue describes. A field is named by its path as problems name it, e.g.
 * {@code reporter.phone}, {@code parties[0].idNumber}, {@code identifiers[2].value}, {@code people[1]}.
 *
 * <ul>
 *   <li>A field whose last name is a personal one anywhere ({@link #PERSONAL_LEAVES}: phone, idNumber, address,
 *       contact, ...) is personal, whatever holds it.
 *   <li>Anything inside a holder of personal data ({@link #HOLDERS}: reporter, parties, identifiers, people,
 *       suspects), the holder itself included, is personal, except the codes that describe it ({@link #CODES}: a
 *       party's kind, an identifier's type, whether the reporter is anonymous or asked for a reward).
 * </ul>
 *
 * Other fields are not touched: a wrong region code or a negative count is still shown as sent.
 */
public final class PersonalFields {

    static final Set<String> PERSONAL_LEAVES =
            Set.of("phone", "idnumber", "address", "contact", "email", "mobile", "idcard", "reportername");
    static final Set<String> HOLDERS = Set.of(
            "reporter", "reporters", "party", "parties", "identifier", "identifiers", "people", "suspect", "suspects");
    static final Set<String> CODES = Set.of("kind", "type", "anonymous", "rewardrequested");

    private PersonalFields() {}

    /** Whether the field at this path carries personal data. */
    public static boolean isPersonal(@Nullable String field) {
        return isPersonal(null, field);
    }

    /**
     * Whether the field at this path carries personal data, the path being relative to a request of the given name
     * (a body's object name such as {@code reporterRequest}, whose own {@code name} is the reporter's).
     */
    public static boolean isPersonal(@Nullable String context, @Nullable String field) {
        if (field == null || field.isBlank()) {
            return false;
        }
        String[] names =
                field.replaceAll("\\[[^\\]]*\\]", "").toLowerCase(Locale.ROOT).split("\\.");
        String last = names[names.length - 1];
        if (PERSONAL_LEAVES.contains(last)) {
            return true;
        }
        if (CODES.contains(last)) {
            return false;
        }
        if (context != null && holds(context.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String name : names) {
            if (HOLDERS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** A request named after a holder: reporterRequest, partyRequest, identifierRequest, ... */
    private static boolean holds(String context) {
        for (String holder : HOLDERS) {
            if (context.equals(holder) || context.startsWith(holder + "request")) {
                return true;
            }
        }
        return false;
    }
}
