package cn.wildlife.support.security;

import cn.wildlife.support.web.ProblemDetailsAdvice;
import cn.wildlife.support.web.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters, in the same problem-details shape as every other error. The reason a
 * token was refused is said (expired, bad signature, wrong issuer) but no token content is echoed.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Texts texts;

    public SecurityProblems(Texts texts) {
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean hasToken = request.getHeader("Authorization") != null;
        response.setHeader(
                "WWW-Authenticate",
                hasToken
                        ? "Bearer error=\"invalid_token\", error_description=\"" + describe(exception) + "\""
                        : "Bearer");
        write(
                request,
                response,
                401,
                "unauthenticated",
                texts.get(request.getLocale(), "unauthenticated.title"),
                hasToken ? describe(exception) : texts.get(request.getLocale(), "unauthenticated.detail"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(
                request,
                response,
                403,
                "forbidden",
                texts.get(request.getLocale(), "forbidden.title"),
                exception.getMessage());
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String code,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsAdvice.TYPE_PREFIX + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    private static String describe(AuthenticationException exception) {
        String message = exception.getMessage() == null ? "invalid token" : exception.getMessage();
        return message.replace('"', '\'');
    }
}
