package cn.wildlife.support.audit;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the outcome of every request {@link AuditRules} names, once it is answered, so that no controller has to:
 * around the security filters, so that a 401 the token check answered is recorded too. Who called comes from
 * {@link CallerCapture}, which runs after the token was verified; without it the caller is anonymous. The body and
 * the query string are never recorded, only the path (whose variables are identifiers) and the record's id.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** The ids of records whose read this request already recorded in more detail (owner, why allowed). */
    static final String RECORDED = AuditFilter.class.getName() + ".recorded";

    /** Set when the handler recorded this request's write itself, in more detail than the filter would. */
    static final String WRITE_RECORDED = AuditFilter.class.getName() + ".writeRecorded";

    static final String ACTOR = AuditFilter.class.getName() + ".actor";
    /** As the gateway judges a request id sane; anything else is not recorded. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int MAX_PATH = 256;
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditTrail trail;
    private final AuditRules rules;
    private final Clock clock;

    public AuditFilter(AuditTrail trail, AuditRules rules, Clock clock) {
        this.trail = trail;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            record(request, response, failed ? 500 : response.getStatus());
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, int status) {
        String path = path(request);
        Optional<AuditAction> action = rules.classify(request.getMethod(), path, status);
        if (action.isEmpty()) {
            return;
        }
        AuditEntry.Target target = target(request, response, path);
        if (action.get() == AuditAction.PERSONAL_READ && alreadyRecorded(request, target.id())) {
            return;
        }
        if (status < 400 && request.getAttribute(WRITE_RECORDED) != null) {
            return;
        }
        try {
            trail.append(
                    new AuditEntry(clock.instant(), actor(request), action.get(), target, origin(request, status)));
        } catch (RuntimeException e) {
            // The request is answered already: its effect cannot be taken back. Loud, for the operators.
            log.error(
                    "Could not write the audit entry of {} {} (status {}, request {})",
                    request.getMethod(),
                    path,
                    status,
                    requestId(request),
                    e);
        }
    }

    /**
     * Notes that the read of {@code recordId} by this request is recorded already, with who owns it and why it was
     * allowed: the filter does not record it once more as a personal read. A list read is still recorded.
     */
    public static void markRecorded(HttpServletRequest request, String recordId) {
        @SuppressWarnings("unchecked")
        Set<String> recorded = (Set<String>) request.getAttribute(RECORDED);
        if (recorded == null) {
            recorded = new HashSet<>();
            request.setAttribute(RECORDED, recorded);
        }
        recorded.add(recordId);
    }

    /**
     * Notes that this request's write is recorded already by its handler, in entries of its own (a lawful export's
     * {@link AuditAction#PERSONAL_EXPORT} entries): the filter does not record it once more as a write. Should the
     * answer still fail (4xx, 5xx), the filter records that outcome as it would have.
     */
    public static void markWriteRecorded(HttpServletRequest request) {
        request.setAttribute(WRITE_RECORDED, Boolean.TRUE);
    }

    private static boolean alreadyRecorded(HttpServletRequest request, @Nullable String recordId) {
        return recordId != null
                && request.getAttribute(RECORDED) instanceof Set<?> recorded
                && recorded.contains(recordId);
    }

    /** Where a request came in, for an entry written while it is handled ({@code status} then unknown). */
    public static AuditEntry.Origin origin(HttpServletRequest request, @Nullable Integer status) {
        return new AuditEntry.Origin(
                AuditEntry.Origin.REST, request.getMethod(), path(request), status, requestId(request));
    }

    private static AuditEntry.Actor actor(HttpServletRequest request) {
        return request.getAttribute(ACTOR) instanceof AuditEntry.Actor actor ? actor : AuditEntry.Actor.anonymous();
    }

    /**
     * The record named by the path's {@code id} variable (else its first one), or for a creation the one its
     * {@code Location} names; its kind is the path's segment after {@code /api/}.
     */
    private static AuditEntry.Target target(HttpServletRequest request, HttpServletResponse response, String path) {
        String[] segments = path.split("/");
        String kind = segments.length > 2 && segments[1].equals("api") ? segments[2] : null;
        String id = null;
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && !variables.isEmpty()) {
            Object value = variables.containsKey("id")
                    ? variables.get("id")
                    : variables.values().iterator().next();
            id = String.valueOf(value);
        } else if (response.getStatus() == 201 && response.getHeader("Location") != null) {
            String location = response.getHeader("Location");
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        return AuditEntry.Target.record(kind, id);
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
    }

    private static @Nullable String requestId(HttpServletRequest request) {
        String id = request.getHeader("X-Request-Id");
        return id != null && SANE_ID.matcher(id).matches() ? id : null;
    }

    /**
     * Keeps the verified caller for {@link AuditFilter}: registered after the security filters, where the token has
     * been checked (the security filters forget the caller before the audit filter records).
     */
    public static final class CallerCapture extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                request.setAttribute(ACTOR, actorOf(token.getToken()));
            }
            chain.doFilter(request, response);
        }

        /** The claims as the token carries them (the caller of a controller is built from the same claims). */
        static AuditEntry.Actor actorOf(Jwt jwt) {
            return AuditEntry.Actor.fromClaims(jwt.getClaims());
        }
    }
}
