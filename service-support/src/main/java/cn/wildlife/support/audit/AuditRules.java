package cn.wildlife.support.audit;

import cn.wildlife.audit.AuditAction;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests the trail records, and as what: every denial (401, 403), reads included; every request that is not
 * a read, with its outcome (refused ones too), named by the configured path patterns; reads of the audit itself; and
 * reads of the configured personal-data paths. Other reads are not recorded.
 */
public final class AuditRules {

    private static final PathPattern AUDIT = PathPatternParser.defaultInstance.parse("/api/audit/**");

    private final List<PathPattern> personalReads;
    private final List<PathPattern> adminActions;
    private final List<PathPattern> keyChanges;
    private final List<PathPattern> webhookChanges;

    public AuditRules(AuditProperties properties) {
        this.personalReads = parse(properties.personalReads());
        this.adminActions = parse(properties.adminActions());
        this.keyChanges = parse(properties.keyChanges());
        this.webhookChanges = parse(properties.webhookChanges());
    }

    /** What a request with this outcome is recorded as; empty when it is not recorded. */
    public Optional<AuditAction> classify(String method, String path, int status) {
        if (method.equals("OPTIONS")) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            return Optional.of(AuditAction.DENIAL);
        }
        PathContainer container = PathContainer.parsePath(path);
        if (method.equals("GET") || method.equals("HEAD")) {
            if (AUDIT.matches(container)) {
                return Optional.of(AuditAction.AUDIT_READ);
            }
            return matches(personalReads, container) ? Optional.of(AuditAction.PERSONAL_READ) : Optional.empty();
        }
        if (matches(keyChanges, container)) {
            return Optional.of(AuditAction.KEY_CHANGE);
        }
        if (matches(webhookChanges, container)) {
            return Optional.of(AuditAction.WEBHOOK_CHANGE);
        }
        if (matches(adminActions, container)) {
            return Optional.of(AuditAction.ADMIN_ACTION);
        }
        return Optional.of(AuditAction.WRITE);
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
