package cn.wildlife.support.web;

import cn.wildlife.support.security.AccessDeniedProblem;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * One RFC 9457 shape for every error of every service: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, and for bad input an {@code errors} list naming each bad field. Titles and
 * details follow Accept-Language (zh-CN or English). No stack trace ever leaves the service.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:cn.wildlife:problem:";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final Texts texts;

    public ProblemDetailsAdvice(Texts texts) {
        this.texts = texts;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof org.springframework.validation.method.ParameterErrors body) {
                // A body: each bad field of it, never the whole body as the rejected value.
                errors.addAll(fieldErrors(body));
                return;
            }
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.add(new FieldError(
                            name == null ? "parameter" : name, error.getDefaultMessage(), result.getArgument())));
        });
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldError> errors = new ArrayList<>();
        // The Jackson exception nearest the root that knows the field: an impossible date is a
        // DateTimeParseException inside one, and only the Jackson exception knows which field it was.
        Throwable cause = null;
        for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                cause = t;
            }
        }
        if (cause instanceof JacksonException jackson) {
            String field = path(jackson);
            if (cause instanceof UnrecognizedPropertyException) {
                errors.add(new FieldError(field, "unknown field", null));
            } else if (cause instanceof InvalidFormatException format
                    && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(Object::toString)
                        .collect(Collectors.joining(", ", "[", "]"));
                errors.add(new FieldError(field, texts.get(locale, "unreadable.enum", allowed), format.getValue()));
            } else if (isMissing(cause)) {
                // A missing (or null) primitive or creator property: absent, not of the wrong type.
                errors.add(new FieldError(field, texts.get(locale, "unreadable.required"), null));
            } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                errors.add(new FieldError(
                        field,
                        texts.get(
                                locale,
                                "unreadable.field",
                                mismatch.getTargetType().getSimpleName()),
                        cause instanceof InvalidFormatException f ? f.getValue() : null));
            } else if (PersonalFields.isPersonal(field)) {
                // The parser's own words may quote what was sent.
                errors.add(new FieldError(field, texts.get(locale, "unreadable.title"), null));
            } else {
                errors.add(new FieldError(field, jackson.getOriginalMessage(), null));
            }
        }
        if (findCause(ex, RequestSizeLimitFilter.PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "too-large",
                            texts.get(locale, "too-large.title"),
                            ex.getMostSpecificCause().getMessage(),
                            request));
        }
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "unreadable",
                texts.get(locale, "unreadable.title"),
                texts.get(locale, "unreadable.detail"),
                request);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String expected =
                ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? texts.get(
                        locale,
                        "unreadable.enum",
                        Arrays.toString(ex.getRequiredType().getEnumConstants()))
                : texts.get(locale, "unreadable.field", expected);
        return invalid(List.of(new FieldError(ex.getName(), message, ex.getValue())), request);
    }

    /** Bean validation of path variables and parameters on a {@code @Validated} controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> {
                    String field = null;
                    for (Path.Node node : violation.getPropertyPath()) {
                        // An element of a list parameter (?caseNumber=a&caseNumber=b) is named caseNumber[0].
                        field = node.getKind() == ElementKind.CONTAINER_ELEMENT
                                ? field + (node.getIndex() == null ? "" : "[" + node.getIndex() + "]")
                                : node.getName();
                    }
                    String name = field == null ? "request" : field;
                    // Judged by the whole path: a leaf "name" is the reporter's in create.request.reporter.name.
                    return PersonalFields.isPersonal(violation.getPropertyPath().toString())
                            ? FieldError.personal(name, violation.getMessage(), violation.getInvalidValue())
                            : new FieldError(name, violation.getMessage(), violation.getInvalidValue());
                })
                .toList();
        return invalid(errors, request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
        return invalid(ex.errors(), request);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Object> notFound(RecordNotFoundException ex, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                texts.get(locale, "not-found.title"),
                texts.get(locale, "not-found.detail", ex.kind(), ex.id()),
                request);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(RecordGoneException.class)
    ResponseEntity<Object> gone(RecordGoneException ex, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.GONE,
                ex.code(),
                texts.get(LocaleContextHolder.getLocale(), "gone.title"),
                ex.getMessage(),
                request);
        return ResponseEntity.status(HttpStatus.GONE).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT,
                ex.code(),
                texts.get(LocaleContextHolder.getLocale(), "conflict.title"),
                ex.getMessage(),
                request);
        // A record's "status" is its state: as "status" it would overwrite the problem's HTTP status (RFC 9457).
        ex.facts().forEach((name, value) -> problem.setProperty("status".equals(name) ? "state" : name, value));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AccessDeniedProblem.class)
    ResponseEntity<Object> forbidden(AccessDeniedProblem ex, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.FORBIDDEN,
                ex.code(),
                texts.get(LocaleContextHolder.getLocale(), "forbidden.title"),
                ex.getMessage(),
                request);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, ex);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                texts.get(locale, "internal.title"),
                texts.get(locale, "internal.detail", incident),
                request);
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(problem);
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                texts.get(locale, "invalid-request.title"),
                texts.get(locale, "invalid-request.detail"),
                request);
        problem.setProperty(
                "errors",
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        problem.setInstance(URI.create(path.isEmpty() ? "/" : path.replace(" ", "%20")));
        return problem;
    }

    /** Personal fields' values are withheld, judged by their path and by the request they came in. */
    static List<FieldError> fieldErrors(org.springframework.validation.Errors result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors()
                .forEach(e -> errors.add(
                        PersonalFields.isPersonal(result.getObjectName(), e.getField())
                                ? FieldError.personal(e.getField(), e.getDefaultMessage(), e.getRejectedValue())
                                : new FieldError(e.getField(), e.getDefaultMessage(), e.getRejectedValue())));
        result.getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage(), null)));
        return errors;
    }

    private static boolean findCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMissing(Throwable cause) {
        String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : null;
        return cause instanceof MismatchedInputException mismatch
                && message != null
                && (message.startsWith("Missing required creator property")
                        || mismatch.getTargetType() != null
                                && mismatch.getTargetType().isPrimitive()
                                && message.startsWith("Cannot map `null` into type"));
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
