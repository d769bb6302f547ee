package cn.wildlife.support.security;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditQuery;
import cn.wildlife.audit.AuditView;
import cn.wildlife.audit.Verification;
import cn.wildlife.events.Agency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of this service, for the audit administrator (the gateway serves it as /api/audit/&lt;service&gt;).
 * The security administrator reads the entries of audit reads alone, so that the audit administrator's own reads are
 * reviewed by someone else. Every read here is itself recorded (the audit filter), as an audit read.
 */
@RestController
@Validated
@Tag(
        name = "Audit (审计)",
        description = "The service's tamper-evident audit trail: writes, denials, administrative"
                + " actions, reads of personal data and across agencies")
public class AuditController {

    private final AuditLog audit;
    private final Access access;

    public AuditController(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/audit")
    @Operation(
            summary = "Audit entries, newest first (the audit administrator; the security administrator: audit reads"
                    + " only)")
    public List<AuditView> entries(
            Caller caller,
            @Parameter(description = "from this time on (ISO-8601)") @RequestParam(required = false) @Nullable
                    Instant from,
            @Parameter(description = "before this time (ISO-8601)") @RequestParam(required = false) @Nullable
                    Instant to,
            @Parameter(description = "who acted (the token's subject)") @RequestParam(required = false) @Nullable
                    String subject,
            @Parameter(description = "the acting agency") @RequestParam(required = false) @Nullable Agency agency,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        AuditQuery query = new AuditQuery(from, to, subject, agency == null ? null : agency.name(), action, recordId);
        if (Access.administratorRefusal(caller, Role.AUDIT_ADMIN).isPresent()) {
            access.requireAdministrator(caller, Role.SECURITY_ADMIN);
            if (action != null && action != AuditAction.AUDIT_READ) {
                throw new AccessDeniedProblem(
                        "audit-reads-only", "action: the security administrator reads only " + AuditAction.AUDIT_READ);
            }
            query = query.withAction(AuditAction.AUDIT_READ);
        }
        return audit.trail().search(query, page, size).stream()
                .map(AuditView::of)
                .toList();
    }

    @GetMapping("/api/audit/verification")
    @Operation(
            summary = "Walks the hash chain: intact, or the first broken link (the audit administrator only)",
            description = "Recomputes every kept entry's SM3 hash from the anchor on. Note lastSequence and lastHash"
                    + " outside the platform: a later verification that does not continue them shows a rewrite.")
    public Verification verification(Caller caller) {
        access.requireAdministrator(caller, Role.AUDIT_ADMIN);
        return audit.trail().verify();
    }
}
