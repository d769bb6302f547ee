package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.gateway.web.RequestIdentityFilter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records the outcome of each request {@link GatewayAuditRules} names in the gateway's trail, as the services' audit
 * filter does, but before the answer leaves: the entry is appended when the status is set and the response is about
 * to be committed, off the event loop. It runs around the security filters, so that a 401 they answer is recorded too;
 * who called comes from {@link CallerCapture}, which runs after the token was verified. Never the body (an issued
 * key's secret is in it), never the query string.
 */
public final class GatewayAuditFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100), after the request got its id. */
    static final int ORDER = -200;

    private static final String ACTOR = GatewayAuditFilter.class.getName() + ".actor";
    private static final String TARGET = GatewayAuditFilter.class.getName() + ".target";
    private static final int MAX_PATH = 256;
    private static final Logger log = LoggerFactory.getLogger(GatewayAuditFilter.class);

    private final AuditTrail trail;
    private final Clock clock;

    public GatewayAuditFilter(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * The record a request concerns, as its handler learnt it: the key issued (its id is known once issued), or the
     * key narrowed or revoked, with the agency that owns it.
     */
    public static void target(ServerWebExchange exchange, String kind, String id, @Nullable String owner) {
        exchange.getAttributes().put(TARGET, new AuditEntry.Target(kind, id, owner, null));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!GatewayAuditRules.concerns(method, path)) {
            return chain.filter(exchange);
        }
        exchange.getResponse()
                .beforeCommit(() -> Mono.fromRunnable(() -> record(exchange, method, path))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then());
        return chain.filter(exchange);
    }

    private void record(ServerWebExchange exchange, String method, String path) {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        int status = code == null ? 200 : code.value();
        Optional<AuditAction> action = GatewayAuditRules.classify(method, path, status);
        if (action.isEmpty()) {
            return;
        }
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdentityFilter.REQUEST_ID);
        String recorded = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        try {
            trail.append(new AuditEntry(
                    clock.instant(),
                    exchange.getAttribute(ACTOR) instanceof AuditEntry.Actor actor
                            ? actor
                            : AuditEntry.Actor.anonymous(),
                    action.get(),
                    target(exchange, path),
                    new AuditEntry.Origin(AuditEntry.Origin.REST, method, recorded, status, requestId)));
        } catch (RuntimeException e) {
            // The change is made already: refusing the answer now would not take it back. Loud, for the operators.
            log.error(
                    "Could not write the audit entry of {} {} (status {}, request {})",
                    method,
                    path,
                    status,
                    requestId,
                    e);
        }
    }

    /** As the handler noted it; else the kind after {@code /api/} and, for a key, the id its path names. */
    private static AuditEntry.Target target(ServerWebExchange exchange, String path) {
        if (exchange.getAttribute(TARGET) instanceof AuditEntry.Target noted) {
            return noted;
        }
        String[] segments = path.split("/");
        String kind = segments.length > 2 ? segments[2] : null;
        String id = path.startsWith(GatewayAuditRules.API_KEYS + "/") && segments.length > 3 ? segments[3] : null;
        return AuditEntry.Target.record(kind, id);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * Keeps the verified caller for {@link GatewayAuditFilter}: after the security filters, where the token has been
     * checked. A request they refused never gets here, and is recorded as anonymous.
     */
    public static final class CallerCapture implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String method = exchange.getRequest().getMethod().name();
            String path =
                    exchange.getRequest().getPath().pathWithinApplication().value();
            if (!GatewayAuditRules.concerns(method, path)) {
                return chain.filter(exchange);
            }
            return exchange.getPrincipal()
                    .doOnNext(principal -> {
                        if (principal instanceof Authentication authentication) {
                            exchange.getAttributes().put(ACTOR, actorOf(authentication));
                        }
                    })
                    .then(chain.filter(exchange));
        }

        /** The token's claims (a partner system's key: its name alone; it administers nothing). */
        static AuditEntry.Actor actorOf(Authentication authentication) {
            if (!(authentication instanceof JwtAuthenticationToken token)) {
                return new AuditEntry.Actor(authentication.getName(), null, null, null, List.of());
            }
            return AuditEntry.Actor.fromClaims(token.getToken().getClaims());
        }

        /** After Spring Security's filter chain (-100). */
        @Override
        public int getOrder() {
            return 0;
        }
    }
}
