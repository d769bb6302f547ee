package cn.wildlife.caseservice.oversight;

import cn.wildlife.events.Agency;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight dashboard's counts that case-service owns: open transfers by state, non-filings under review and the
 * 以罚代刑 flags, per child region of the asked one. Counted by the store, never by the browser walking records.
 */
@RestController
@RequestMapping("/api/oversight")
@Validated
@Tag(
        name = "Oversight (监督)",
        description = "Counts per region for the procuratorate, the supervision office and agency heads: province → "
                + "city → county")
class OversightController {

    private static final String REGION_DOC = "A 6-digit region code in the caller's subtree; the caller's own when "
            + "left out. A province's view counts per city, a city's per county; the region's own agencies count under "
            + "the region's own code (本级).";

    private final OversightViews views;
    private final Access access;
    private final OversightReads reads;

    OversightController(OversightViews views, Access access, OversightReads reads) {
        this.views = views;
        this.access = access;
        this.reads = reads;
    }

    @GetMapping("/transfers")
    @Operation(
            summary = "Open transfers by state per child region, and non-filings under reconsideration or supervision",
            description = "Open: a step may still follow (a refused transfer and a closed non-filing until the agency "
                    + "records its outcome). underReview lists the most recently moved non-filings under "
                    + "reconsideration (复议) or filing supervision (立案监督). The procuratorate and the supervision office "
                    + "see every agency's; an agency head their own agency's (public security: those its region "
                    + "receives); anyone else 403. Computed at most every few seconds per region (computedAt).")
    OversightViews.TransfersView transfers(
            Caller caller,
            @Parameter(description = REGION_DOC)
                    @RequestParam(required = false)
                    @Pattern(regexp = "^[1-9][0-9]{5}$")
                    @Nullable
                    String region) {
        Access.Scope scope = access.oversightScope(caller, region);
        String asked = asked(caller, region);
        OversightViews.TransfersView view = views.transfers(scope.agency(), asked, scope.regionPrefix());
        reads.audit(
                caller,
                "transfer",
                view.underReview().stream()
                        .map(t -> new Access.Owned(t.id(), Agency.valueOf(t.sendingAgency())))
                        .toList());
        return view;
    }

    @GetMapping("/flags")
    @Operation(
            summary = "以罚代刑 flags per child region and agency, and the flagged cases",
            description = "Cases whose penalty decision crossed a prosecution threshold but that were never "
                    + "transferred (flag PENALTY_INSTEAD_OF_PROSECUTION), newest opened first. Who may ask, and the "
                    + "region, as for /api/oversight/transfers.")
    OversightViews.FlagsView flags(
            Caller caller,
            @Parameter(description = REGION_DOC)
                    @RequestParam(required = false)
                    @Pattern(regexp = "^[1-9][0-9]{5}$")
                    @Nullable
                    String region) {
        Access.Scope scope = access.oversightScope(caller, region);
        String asked = asked(caller, region);
        OversightViews.FlagsView view = views.flags(scope.agency(), asked, scope.regionPrefix());
        reads.audit(
                caller,
                "case",
                view.cases().stream()
                        .map(c -> new Access.Owned(c.id(), Agency.valueOf(c.agency())))
                        .toList());
        return view;
    }

    /** The region asked for, the caller's own when none is. */
    private static String asked(Caller caller, @Nullable String region) {
        return region == null ? caller.region().code() : region;
    }
}
