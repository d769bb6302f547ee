package cn.wildlife.caseservice.personaldata.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an export of personal data rests on: the reference of the request it answers (a court's or a prosecutor's
 * document number such as {@code (2026)吉0112民初1234号}, or the agency's own number for a person's PIPL access
 * request) and the legal basis, in words. Both are required. The reference is written to the audit trail, so it must
 * be a reference and nothing else: it may not carry what looks like a phone or an ID number.
 *
 * @param requestReference trimmed
 * @param legalBasis       trimmed
 */
public record LawfulBasis(String requestReference, String legalBasis) {

    public static final int MAX_REFERENCE = 64;
    public static final int MIN_BASIS = 4;
    public static final int MAX_BASIS = 1000;

    /** Letters (Chinese included), digits, spaces and the brackets and marks document numbers use. */
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}()（）〔〕\\[\\]【】<>《》\\-—_/.·:：#＃ ]{2,64}");

    /** Eleven digits and more (a mobile phone), or seventeen and an X (an ID number), once separators are gone. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("[0-9]{11,}|[0-9]{17}[Xx]");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-—_/.·]");

    /** One bad field of a lawful basis: the request's field name and what is wrong with it. */
    public record Problem(String field, Code code) {}

    /** What can be wrong with a lawful basis. */
    public enum Code {
        REQUIRED,
        REFERENCE_FORMAT,
        REFERENCE_LOOKS_PERSONAL,
        BASIS_TOO_SHORT,
        BASIS_TOO_LONG
    }

    public static final String REFERENCE_FIELD = "requestReference";
    public static final String BASIS_FIELD = "legalBasis";

    /** Every problem of what was sent, each field named; empty when both are acceptable. */
    public static List<Problem> problems(@Nullable String requestReference, @Nullable String legalBasis) {
        List<Problem> problems = new ArrayList<>();
        String reference = requestReference == null ? "" : requestReference.strip();
        if (reference.isEmpty()) {
            problems.add(new Problem(REFERENCE_FIELD, Code.REQUIRED));
        } else if (!REFERENCE.matcher(reference).matches()) {
            problems.add(new Problem(REFERENCE_FIELD, Code.REFERENCE_FORMAT));
        } else if (PERSONAL_NUMBER
                .matcher(SEPARATORS.matcher(reference).replaceAll(""))
                .find()) {
            problems.add(new Problem(REFERENCE_FIELD, Code.REFERENCE_LOOKS_PERSONAL));
        }
        String basis = legalBasis == null ? "" : legalBasis.strip();
        if (basis.isEmpty()) {
            problems.add(new Problem(BASIS_FIELD, Code.REQUIRED));
        } else if (basis.codePointCount(0, basis.length()) < MIN_BASIS) {
            problems.add(new Problem(BASIS_FIELD, Code.BASIS_TOO_SHORT));
        } else if (basis.codePointCount(0, basis.length()) > MAX_BASIS) {
            problems.add(new Problem(BASIS_FIELD, Code.BASIS_TOO_LONG));
        }
        return problems;
    }

    /** The lawful basis, once {@link #problems} found none. */
    public static LawfulBasis of(String requestReference, String legalBasis) {
        if (!problems(requestReference, legalBasis).isEmpty()) {
            throw new IllegalArgumentException(
                    "not an acceptable lawful basis: " + problems(requestReference, legalBasis));
        }
        return new LawfulBasis(requestReference.strip(), legalBasis.strip());
    }
}
