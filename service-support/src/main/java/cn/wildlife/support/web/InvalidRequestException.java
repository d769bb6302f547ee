package cn.wildlife.support.web;

import java.util.List;

/** Bad input found by domain rules rather than annotations; answered 400 with each bad field named. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message, Object rejected) {
        this(List.of(new FieldError(field, message, rejected)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
