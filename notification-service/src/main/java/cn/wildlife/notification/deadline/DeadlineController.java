package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.deadline.domain.Deadline;
import cn.wildlife.notification.deadline.domain.DeadlineClock;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The deadline registry and the rules behind it. */
@RestController
@Validated
@Tag(name = "Deadlines (期限)", description = "Legal clocks opened from events, and the rules that open them")
class DeadlineController {

    private final DeadlineStore store;
    private final RuleCatalogue rules;
    private final Access access;
    private final ObjectMapper mapper;
    private final DeadlineClocks clocks;
    private final Texts texts;

    DeadlineController(
            DeadlineStore store,
            RuleCatalogue rules,
            Access access,
            ObjectMapper mapper,
            DeadlineClocks clocks,
            Texts texts) {
        this.store = store;
        this.rules = rules;
        this.access = access;
        this.mapper = mapper;
        this.clocks = clocks;
        this.texts = texts;
    }

    @GetMapping("/api/deadlines")
    @Operation(summary = "Search deadlines", description = "Soonest due first; region returns its whole subtree.")
    DeadlineStore.Page search(
            Caller caller,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable Agency agency,
            @RequestParam(required = false) @Pattern(regexp = "^[1-9][0-9]{5}$") @Nullable String region,
            @RequestParam(required = false) Deadline.@Nullable State state,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Access.Scope scope = access.searchScope(caller, agency, region);
        DeadlineStore.Page result =
                store.search(new DeadlineQuery(subjectId, scope.agency(), scope.regionPrefix(), state, page, size));
        access.auditSearchResults(
                caller,
                "deadline",
                result.items().stream()
                        .map(d -> new Access.Owned(d.id(), d.agency()))
                        .toList());
        return result;
    }

    @GetMapping("/api/deadlines/{id}")
    @Operation(summary = "One deadline")
    Deadline get(Caller caller, @PathVariable @Pattern(regexp = "^[A-Za-z0-9._:-]{3,200}$") String id) {
        Deadline deadline = store.find(id).orElseThrow(() -> new RecordNotFoundException("deadline", id));
        access.checkRead(caller, "deadline", id, deadline.agency(), deadline.region());
        return deadline;
    }

    @PostMapping("/api/deadlines/{id}/extensions")
    @Operation(
            summary = "Grant an extension the deadline's rule allows (the responsible agency's head)",
            description = "extension numbers the rule's allowed extensions from 1 (allowedExtensions, in order); "
                    + "approvalReference is the approval document's number. Each at most once, never more than the "
                    + "rule allows, and before the deadline runs out: 409 with the state otherwise. An extension the rule keeps "
                    + "to other kinds of agency (agencies) is refused with 400 naming extension. Moves the due "
                    + "time, is recorded in the history and announced as cn.wildlife.deadline.extended.v1.")
    Deadline extend(
            Caller caller,
            @PathVariable @Pattern(regexp = "^[A-Za-z0-9._:-]{3,200}$") String id,
            @Valid @RequestBody ExtensionRequest request) {
        Deadline deadline = store.find(id).orElseThrow(() -> new RecordNotFoundException("deadline", id));
        access.checkRead(caller, "deadline", id, deadline.agency(), deadline.region());
        access.checkWrite(caller, deadline.agency(), deadline.region(), Role.AGENCY_HEAD);
        try {
            return clocks.extend(
                    id, request.extension(), request.approvalReference().strip(), caller.subject());
        } catch (DeadlineClock.ExtensionRefused refused) {
            Deadline current = store.find(id).orElse(deadline);
            switch (refused.reason()) {
                case UNKNOWN, MOVES_NOTHING, NOT_FOR_AGENCY ->
                    throw new InvalidRequestException("extension", refused.getMessage(), request.extension());
                default ->
                    throw new ConflictException(
                            refused.reason() == DeadlineClock.ExtensionRefused.Reason.NONE_LEFT
                                    ? "no-extension-left"
                                    : "extension-already-granted",
                            refused.getMessage(),
                            Map.of(
                                    "state",
                                    current.state().name(),
                                    "extensionsGranted",
                                    current.extensions().size(),
                                    "extensionsAllowed",
                                    current.allowedExtensions().size()));
            }
        } catch (DeadlineClocks.ClockNotRunning notRunning) {
            throw new ConflictException(
                    "deadline-not-running",
                    notRunning.getMessage(),
                    Map.of("state", notRunning.state().name()));
        }
    }

    /** Which of the rule's extensions, and the approval behind it. */
    record ExtensionRequest(
            @NotNull @Min(1) @Max(20) Integer extension,
            @NotBlank @Size(max = 200) String approvalReference) {}

    @GetMapping("/api/deadline-rules")
    @Operation(summary = "The rules in force: the newest version of each national rule and of each region's own")
    List<DeadlineRule> rules() {
        return rules.active();
    }

    @PostMapping("/api/deadline-rules")
    @Operation(
            summary = "Add a rule, or a new version of one, nationally or for a region (system administrators)",
            description = "Give the rule without a version; it becomes the next version of its line (its id and "
                    + "regions). A rule naming regions applies there instead of the national one. No restart; open "
                    + "deadlines keep the version they were opened with.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "已添加 The rule is added")
    ResponseEntity<DeadlineRule> add(Caller caller, @RequestBody ObjectNode body) {
        access.requireAdministrator(caller, Role.SYSTEM_ADMIN);
        // The version is assigned here, and a rule is not statutory unless it says so.
        body.put("version", 0);
        if (!body.has("statutory")) {
            body.put("statutory", false);
        }
        DeadlineRule proposed;
        try {
            proposed = mapper.treeToValue(body, DeadlineRule.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null
                    ? "rule"
                    : e.getPath().get(0).getPropertyName();
            throw new InvalidRequestException(field, e.getOriginalMessage(), null);
        }
        List<FieldError> errors = RuleValidation.check(proposed, texts);
        for (String region : proposed.regions()) {
            if (RegionCode.isValid(region) && !caller.covers(region)) {
                errors.add(new FieldError(
                        "regions",
                        "region " + region + " is outside your region "
                                + caller.region().code(),
                        region));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        DeadlineRule added = rules.add(proposed, caller.subject());
        return ResponseEntity.status(201).body(added);
    }
}
