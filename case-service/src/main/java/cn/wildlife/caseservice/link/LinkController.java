package cn.wildlife.caseservice.link;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Links between agencies' records, for the handlers of both sides and for oversight. */
@RestController
@RequestMapping("/api/links")
@Validated
@Tag(
        name = "Links (跨部门关联)",
        description = "Clues and cases of different agencies sharing a suspect's phone, ID "
                + "number, vehicle plate or online shop; the identifier is shown masked")
class LinkController {

    private final Linking linking;
    private final Access access;

    LinkController(Linking linking, Access access) {
        this.linking = linking;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "Links involving the caller's agency's records in its region (oversight: every agency's)",
            description = "recordId narrows to one clue or case. Each side shows only which record it is, whose and "
                    + "where: ask the other agency for the rest.")
    List<Linking.Link> links(
            Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:-]{2,79}$") @Nullable
                    String recordId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        access.requireReader(caller);
        List<Linking.Link> visible = linking.visibleTo(
                caller.agency(), caller.isOversight(), caller.region().subtreePrefix(), page, size);
        return recordId == null
                ? visible
                : linking.ofRecord(recordId).stream()
                        .filter(l -> l.records().stream()
                                .anyMatch(r -> (caller.isOversight() || r.agency() == caller.agency())
                                        && caller.covers(r.region())))
                        .toList();
    }
}
