package cn.wildlife.support.kafka;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** This service's quarantined records, for administrators: what to ask a sender for again. */
@RestController
@Validated
@Tag(name = "Quarantine (隔离记录)", description = "Events this service could neither apply nor dead-letter")
public class QuarantineController {

    private final Quarantine quarantine;
    private final Access access;

    public QuarantineController(Quarantine quarantine, Access access) {
        this.quarantine = quarantine;
        this.access = access;
    }

    @GetMapping("/api/kafka/quarantine")
    @Operation(summary = "Quarantined records, newest first, without their payload (the system administrator only)")
    public List<Quarantine.Entry> entries(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        access.requireAdministrator(caller, Role.SYSTEM_ADMIN);
        return quarantine.newest(page, size);
    }
}
