package cn.wildlife.support.web;

import org.jspecify.annotations.Nullable;

/** One bad field of a request, as it appears in a problem's {@code errors} list. */
public record FieldError(
        String field, String message, @Nullable Object rejectedValue) {}
