package cn.wildlife.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One bad field of a request, as it appears in a problem's {@code errors} list. What was sent in a field that carries
 * personal data ({@link PersonalFields}) is never echoed: the rejected value is left out and {@code withheld} says so.
 */
public record FieldError(
        String field,
        String message,
        @Nullable Object rejectedValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean withheld) {

    public FieldError {
        boolean mask = rejectedValue != null && (Boolean.TRUE.equals(withheld) || PersonalFields.isPersonal(field));
        rejectedValue = mask ? null : rejectedValue;
        withheld = mask ? Boolean.TRUE : null;
    }

    public FieldError(String field, String message, @Nullable Object rejectedValue) {
        this(field, message, rejectedValue, null);
    }

    /** A bad field whose value is personal whatever its name says (known from the request it came in). */
    public static FieldError personal(String field, String message, @Nullable Object rejectedValue) {
        return new FieldError(field, message, rejectedValue, Boolean.TRUE);
    }
}
