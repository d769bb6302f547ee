package cn.wildlife.gateway.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First thing on every request: give it a request id (the caller's, if it is a sane one) that goes to the service
 * and back in the response, and drop any identity header a client sent. Who the caller is comes only from the
 * verified token; a service must never be able to read a forged {@code X-Agency}.
 */
public class RequestIdentityFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> IDENTITY_PREFIXES = List.of(
            "x-agency",
            "x-region",
            "x-roles",
            "x-role",
            "x-user",
            "x-auth",
            "x-identity",
            "x-forwarded-user",
            "x-remote-user",
            "remote-user",
            "x-caller",
            "x-subject");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && SANE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    List<String> forged = headers.headerNames().stream()
                            .filter(name -> IDENTITY_PREFIXES.stream()
                                    .anyMatch(prefix ->
                                            name.toLowerCase(Locale.ROOT).startsWith(prefix)))
                            .toList();
                    forged.forEach(headers::remove);
                    headers.set(REQUEST_ID, requestId);
                })
                .build();
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
