package cn.wildlife.support.security;

import cn.wildlife.events.Agency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of this service, for administrators (the gateway serves it as /api/audit/&lt;service&gt;). */
@RestController
@Validated
@Tag(name = "Audit (审计)", description = "Reads of one agency's records by another agency")
public class AuditController {

    private final AuditLog audit;
    private final Access access;

    public AuditController(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audited reads, newest first (administrators only)")
    public List<AuditLog.Entry> entries(
            Caller caller,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(required = false) @Nullable Agency readerAgency,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        access.requireRole(caller, Role.ADMIN);
        return audit.find(recordId, readerAgency, page, size);
    }
}
