package cn.wildlife.notification.oversight;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The oversight dashboard's counts that notification-service owns: missed clocks per region, agency and rule. */
@RestController
@Validated
@Tag(
        name = "Oversight (监督)",
        description = "Counts per region for the procuratorate, the supervision office and agency heads: province → "
                + "city → county")
class OversightController {

    private final OversightClocks clocks;
    private final Access access;

    OversightController(OversightClocks clocks, Access access) {
        this.clocks = clocks;
        this.access = access;
    }

    @GetMapping("/api/oversight/clocks")
    @Operation(
            summary = "Overdue and escalated clocks per child region, agency and rule",
            description = "Running clocks past their due time (OVERDUE) and those gone up the chain (ESCALATED). A "
                    + "province's view counts per city, a city's per county; the region's own agencies count under "
                    + "its own code (本级). The procuratorate and the supervision office see every agency's; an agency "
                    + "head their own agency's; anyone else 403. Computed at most every few seconds per region "
                    + "(computedAt).")
    OversightClocks.ClocksView clocks(
            Caller caller,
            @Parameter(
                            description = "A 6-digit region code in the caller's subtree; the caller's own when left "
                                    + "out.")
                    @RequestParam(required = false)
                    @Pattern(regexp = "^[1-9][0-9]{5}$")
                    @Nullable
                    String region) {
        Access.Scope scope = access.oversightScope(caller, region);
        return clocks.missed(scope.agency(), region == null ? caller.region().code() : region, scope.regionPrefix());
    }
}
