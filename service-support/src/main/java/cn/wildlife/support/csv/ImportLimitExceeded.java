package cn.wildlife.support.csv;

import cn.wildlife.support.web.ProblemDetailsAdvice;
import cn.wildlife.support.web.Texts;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An imported file went over one of the {@link ImportLimits}: reading stopped there. The service that reads the file
 * answers it with {@link #problem(Texts)}, in its caller's language from the service's own texts ({@code
 * import-limit.title}, {@code import-limit.detail} and {@code import-limit.<limit>}).
 */
public class ImportLimitExceeded extends RuntimeException {

    private final ImportLimits.Limit limit;
    private final Object max;

    public ImportLimitExceeded(ImportLimits.Limit limit, Object max) {
        super("the file exceeds platform.imports." + limit.key() + " = " + max);
        this.limit = limit;
        this.max = max;
    }

    public ImportLimits.Limit limit() {
        return limit;
    }

    public Object max() {
        return max;
    }

    /** The RFC 9457 problem: 400 for a count, 413 for the expanded size, naming the limit and its value. */
    public ErrorResponseException problem(Texts texts) {
        HttpStatus status = HttpStatus.valueOf(limit.status());
        String property = "platform.imports." + limit.key();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                texts.get(
                        "import-limit.detail",
                        texts.get("import-limit." + limit.key()),
                        String.valueOf(max),
                        property));
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + "import-limit"));
        problem.setTitle(texts.get("import-limit.title"));
        problem.setProperty("limit", property);
        problem.setProperty("max", max);
        return new ErrorResponseException(status, problem, this);
    }
}
