package cn.wildlife.gateway.audit;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditQuery;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.audit.AuditView;
import cn.wildlife.audit.Verification;
import cn.wildlife.events.Agency;
import cn.wildlife.gateway.administrator.Administrator;
import cn.wildlife.gateway.web.GatewayProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's own audit trail (its API-key changes, the reads of this trail), for the audit administrator, with the
 * services' query and paging ({@code /api/audit/<service>}). The security administrator reads the entries of audit
 * reads alone, so that the audit administrator's own reads are reviewed by someone else. Every read here is itself
 * recorded ({@link GatewayAuditFilter}), as an audit read.
 */
@RestController
@ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
@Tag(
        name = "Audit (审计)",
        description = "The gateway's tamper-evident audit trail: API-key changes and reads of the trail")
class GatewayAuditController {

    private final AuditTrail trail;

    GatewayAuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(GatewayAuditRules.TRAIL)
    @Operation(
            summary = "The gateway's audit entries, newest first (the audit administrator; the security"
                    + " administrator: audit reads only)")
    @ApiResponse(
            responseCode = "200",
            description = "The entries",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuditView.class))))
    @ApiResponse(
            responseCode = "400",
            description = "请求无效 Invalid: errors name the parameters",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role is named",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<?>> entries(
            @AuthenticationPrincipal @Nullable Jwt token,
            @Parameter(description = "from this time on (ISO-8601)") @RequestParam(required = false) @Nullable
                    String from,
            @Parameter(description = "before this time (ISO-8601)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "who acted (the token's subject)") @RequestParam(required = false) @Nullable
                    String subject,
            @Parameter(description = "the acting agency", schema = @Schema(implementation = Agency.class))
                    @RequestParam(required = false)
                    @Nullable
                    String agency,
            @Parameter(schema = @Schema(implementation = AuditAction.class)) @RequestParam(required = false) @Nullable
                    String action,
            @RequestParam(required = false) @Nullable String recordId,
            @Parameter(schema = @Schema(minimum = "0", maximum = "10000", defaultValue = "0"))
                    @RequestParam(required = false)
                    @Nullable
                    String page,
            @Parameter(schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
                    @RequestParam(required = false)
                    @Nullable
                    String size,
            ServerWebExchange exchange) {
        Administrator caller = Administrator.of(token);
        boolean auditor = caller.actsAs(Administrator.AUDIT_ADMIN);
        if (!auditor) {
            Optional<ResponseEntity<?>> refused = refusal(exchange, caller, Administrator.SECURITY_ADMIN);
            if (refused.isPresent()) {
                return Mono.just(refused.get());
            }
        }
        Map<String, String> errors = new TreeMap<>();
        Instant since = parse(errors, "from", from, Instant::parse, "must be an ISO-8601 instant");
        Instant before = parse(errors, "to", to, Instant::parse, "must be an ISO-8601 instant");
        Agency acting =
                parse(errors, "agency", agency, Agency::valueOf, "must be one of " + Arrays.toString(Agency.values()));
        AuditAction only = parse(
                errors,
                "action",
                action,
                AuditAction::valueOf,
                "must be one of " + Arrays.toString(AuditAction.values()));
        int pageNumber = number(errors, "page", page, 0, 0, 10_000);
        int pageSize = number(errors, "size", size, 50, 1, 500);
        if (!errors.isEmpty()) {
            return Mono.just(invalid(exchange, errors));
        }
        AuditQuery query =
                new AuditQuery(since, before, subject, acting == null ? null : acting.name(), only, recordId);
        if (!auditor) {
            if (only != null && only != AuditAction.AUDIT_READ) {
                return Mono.just(forbidden(
                        exchange,
                        "audit-reads-only",
                        "安全管理员只能查看审计查阅记录（" + AuditAction.AUDIT_READ + "）。",
                        "action: the security administrator reads only " + AuditAction.AUDIT_READ));
            }
            query = query.withAction(AuditAction.AUDIT_READ);
        }
        AuditQuery asked = query;
        return Mono.<ResponseEntity<?>>fromCallable(
                        () -> ResponseEntity.ok(trail.search(asked, pageNumber, pageSize).stream()
                                .map(AuditView::of)
                                .toList()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(GatewayAuditRules.TRAIL + "/verification")
    @Operation(
            summary = "Walks the gateway's hash chain: intact, or the first broken link (the audit administrator only)",
            description = "Recomputes every kept entry's SM3 hash from the anchor on. Note lastSequence and lastHash"
                    + " outside the platform: a later verification that does not continue them shows a rewrite.")
    @ApiResponse(
            responseCode = "200",
            description = "What the walk found",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role is named",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<?>> verification(@AuthenticationPrincipal @Nullable Jwt token, ServerWebExchange exchange) {
        Optional<ResponseEntity<?>> refused = refusal(exchange, Administrator.of(token), Administrator.AUDIT_ADMIN);
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        return Mono.<ResponseEntity<?>>fromCallable(() -> ResponseEntity.ok(trail.verify()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Why the caller may not act as {@code duty}: two administrators' roles in one token, or not this one. */
    private static Optional<ResponseEntity<?>> refusal(ServerWebExchange exchange, Administrator caller, String duty) {
        if (caller.combinesRoles()) {
            return Optional.of(forbidden(
                    exchange,
                    "administrator-roles-combined",
                    "三员分立：一个令牌只能持有一种管理员角色，该令牌持有 " + caller.administratorRoles() + "。",
                    "separation of duties (三员分立): a token may hold one administrator's role only; this one holds "
                            + caller.administratorRoles()));
        }
        if (!caller.actsAs(duty)) {
            String needed = duty.equals(Administrator.AUDIT_ADMIN)
                    ? Administrator.AUDIT_ADMIN
                    : Administrator.AUDIT_ADMIN + " 或 " + duty;
            return Optional.of(forbidden(
                    exchange,
                    "missing-role",
                    "此操作需要 " + needed + " 角色。",
                    "this needs the role " + needed.replace(" 或 ", " or ")));
        }
        return Optional.empty();
    }

    private static <T> @Nullable T parse(
            Map<String, String> errors,
            String field,
            @Nullable String value,
            Function<String, T> parser,
            String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static int number(
            Map<String, String> errors, String field, @Nullable String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.put(field, "must be a whole number from " + min + " to " + max);
        return otherwise;
    }

    private static ResponseEntity<?> invalid(ServerWebExchange exchange, Map<String, String> errors) {
        boolean zh = GatewayProblems.zh(exchange);
        Map<String, Object> problem = problem(
                exchange,
                "invalid-request",
                zh ? "请求无效" : "The request is invalid",
                400,
                zh ? "请更正 errors 中列出的参数后重试。" : "Correct the parameters listed in errors and send it again.");
        problem.put(
                "errors",
                errors.entrySet().stream()
                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<?> forbidden(ServerWebExchange exchange, String code, String zh, String en) {
        boolean chinese = GatewayProblems.zh(exchange);
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(exchange, code, chinese ? "无权操作" : "Not allowed", 403, chinese ? zh : en));
    }

    private static Map<String, Object> problem(
            ServerWebExchange exchange, String code, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", GatewayProblems.TYPE_PREFIX + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        return problem;
    }
}
