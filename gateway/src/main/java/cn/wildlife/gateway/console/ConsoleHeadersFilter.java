package cn.wildlife.gateway.console;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Strict headers on everything the console serves. The console runs no inline script and no inline style sheet (Vite
 * emits files; Vue and Element Plus set styles through the DOM, which a policy does not restrict), so the policy
 * allows scripts and styles from this origin only; {@code data:} images are Element Plus's own icons in its CSS.
 * Hashed assets are cached for a year; pages are revalidated, so a new build is seen at once.
 *
 * <p>Written just before the response is committed and after Spring Security's own headers, so these win.
 */
public class ConsoleHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src %s; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final String contentSecurityPolicy;

    /**
     * @param identityProvider the identity provider's origin when the console signs in there: the page fetches its
     *     discovery document and exchanges the code at its token endpoint, so it may connect there and nowhere else
     */
    public ConsoleHeadersFilter(Optional<String> identityProvider) {
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(
                identityProvider.map(origin -> "'self' " + origin).orElse("'self'"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        if (!ConsolePaths.isConsole(path)) {
            return chain.filter(exchange);
        }
        boolean asset = path.value().startsWith("/assets/");
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            boolean found = exchange.getResponse().getStatusCode() == null
                    || exchange.getResponse().getStatusCode().is2xxSuccessful()
                    || exchange.getResponse().getStatusCode() == HttpStatus.NOT_MODIFIED;
            if (asset && found) {
                headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
                headers.remove(HttpHeaders.PRAGMA);
                headers.remove(HttpHeaders.EXPIRES);
            } else {
                headers.set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** After Spring Security's filter chain (order -100), so its header writer has registered first. */
    @Override
    public int getOrder() {
        return 0;
    }
}
