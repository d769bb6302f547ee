package cn.wildlife.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own errors (no token, bad token, too many requests, a service down or slow) in the services' RFC 9457
 * shape, so a client handles one format whichever side refused it.
 */
public class GatewayProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    public static final String TYPE_PREFIX = "urn:cn.wildlife:problem:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        boolean hasToken = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        String detail = hasToken
                ? safe(exception.getMessage())
                : zh(exchange)
                        ? "请提供访问令牌（Authorization: Bearer ...）或 API 密钥（X-API-Key）。"
                        : "Send a bearer token (Authorization: Bearer ...) or an API key (X-API-Key).";
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        hasToken
                                ? "Bearer error=\"invalid_token\", error_description=\"" + safe(exception.getMessage())
                                        + "\""
                                : "Bearer");
        return write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                zh(exchange) ? "需要身份认证" : "Authentication required",
                detail,
                Map.of());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                zh(exchange) ? "无权操作" : "Not allowed",
                safe(denied.getMessage()),
                Map.of());
    }

    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String code,
            String title,
            String detail,
            Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extra);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body =
                response.bufferFactory().wrap(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    public static boolean zh(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                        .findFirst()
                        .map(locale -> "zh".equals(locale.getLanguage()))
                        .orElse(false)
                || Locale.CHINESE
                        .getLanguage()
                        .equals(exchange.getRequest().getHeaders().getFirst("X-Lang"));
    }

    private static String safe(String message) {
        return message == null ? "invalid token" : message.replace('"', '\'');
    }
}
