package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditAction;
import java.util.Optional;

/**
 * Which of the gateway's own requests its trail records, and as what, by the services' rule (their
 * {@code AuditRules}): a refusal for want of a token or of the right (401, 403) as a denial, reads included; every
 * change to an API key with its outcome, refused ones (400, 404, 409) too; every read of the trail itself. What the
 * gateway routes to a service, the service records.
 */
final class GatewayAuditRules {

    static final String API_KEYS = "/api/api-keys";
    static final String TRAIL = "/api/audit/gateway";

    private GatewayAuditRules() {}

    /** Whether a request to {@code path} may be recorded at all, whatever its outcome. */
    static boolean concerns(String method, String path) {
        return !method.equals("OPTIONS") && (under(path, API_KEYS) || under(path, TRAIL));
    }

    /** What a request with this outcome is recorded as; empty when it is not recorded. */
    static Optional<AuditAction> classify(String method, String path, int status) {
        if (!concerns(method, path)) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            return Optional.of(AuditAction.DENIAL);
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (under(path, TRAIL)) {
            return read ? Optional.of(AuditAction.AUDIT_READ) : Optional.empty();
        }
        return read ? Optional.empty() : Optional.of(AuditAction.KEY_CHANGE);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
