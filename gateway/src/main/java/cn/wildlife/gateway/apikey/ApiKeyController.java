package cn.wildlife.gateway.apikey;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.gateway.administrator.Administrator;
import cn.wildlife.gateway.audit.GatewayAuditFilter;
import cn.wildlife.gateway.web.GatewayProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Partner systems' API keys: the system administrator issues them within their own agency and region (the full key is
 * shown once, when issued); the security administrator narrows and revokes them within their region ({@link KeyRules}).
 */
@RestController
@RequestMapping("/api/api-keys")
@ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
class ApiKeyController {

    /** The keys' kind in the gateway's audit trail, which records each change (never the secret). */
    private static final String AUDITED_KIND = "api-keys";

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** What a system administrator asks for. */
    record NewApiKey(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) @Nullable
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            String agency,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^\\d{6}$") @Nullable
            String region,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            Set<ApiKey.Operation> operations) {}

    /** A key as listed: everything but its secret. */
    record ApiKeyView(
            String id,
            String name,
            String agency,
            String region,
            Set<ApiKey.Operation> operations,
            Instant createdAt,
            String createdBy,

            @Schema(nullable = true, description = "null while the key is valid") @Nullable
            Instant revokedAt,

            @Schema(nullable = true, description = "null until first used") @Nullable
            Instant lastUsedAt) {
        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(
                    k.id(),
                    k.name(),
                    k.agency(),
                    k.region(),
                    k.operations(),
                    k.createdAt(),
                    k.createdBy(),
                    k.revokedAt(),
                    k.lastUsedAt());
        }
    }

    /** The answer to an issue: the key's record and, this once, the key. */
    record IssuedApiKey(ApiKeyView key, String apiKey, String header) {}

    /** A narrower scope for a key; what is left out stays as it is. */
    record NarrowedScope(
            @Schema(description = "some of the key's operations") @Nullable
            Set<ApiKey.Operation> operations,

            @Schema(description = "a region within the key's", pattern = "^\\d{6}$") @Nullable
            String region) {}

    @PostMapping
    @Operation(
            summary = "Issue an API key for a partner system (system administrators)",
            description = "The key's agency must be the issuer's own and its region within the issuer's region "
                    + "subtree; otherwise 403 naming the field.")
    @ApiResponse(
            responseCode = "201",
            description = "已签发 Issued: the key's record and, this once, the key",
            headers =
                    @Header(
                            name = "Location",
                            description = "the key's record",
                            schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
    @ApiResponse(
            responseCode = "400",
            description = "请求无效 Invalid: errors name the fields",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role, or a field beyond the caller's scope, is named",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    Mono<ResponseEntity<?>> issue(
            @AuthenticationPrincipal @Nullable Jwt token, @RequestBody NewApiKey request, ServerWebExchange exchange) {
        Administrator issuer = Administrator.of(token);
        Optional<KeyRules.Refusal> role = KeyRules.acting(issuer, Administrator.SYSTEM_ADMIN);
        if (role.isPresent()) {
            return Mono.just(forbidden(exchange, List.of(role.get())));
        }
        Map<String, String> errors = new java.util.TreeMap<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        if (request.agency() == null
                || java.util.Arrays.stream(Agency.values())
                        .noneMatch(a -> a.name().equals(request.agency()))) {
            errors.put("agency", "must be one of " + java.util.Arrays.toString(Agency.values()));
        }
        if (!RegionCode.isValid(request.region())) {
            errors.put("region", "must be a 6-digit administrative region code");
        }
        if (request.operations() == null || request.operations().isEmpty()) {
            errors.put("operations", "must list READ and/or WRITE");
        }
        if (!errors.isEmpty()) {
            return Mono.just(invalid(errors));
        }
        List<KeyRules.Refusal> beyond = KeyRules.issuing(issuer, request.agency(), request.region());
        if (!beyond.isEmpty()) {
            return Mono.just(forbidden(exchange, beyond));
        }
        return Mono.fromCallable(() -> keys.issue(
                        request.name(),
                        request.agency(),
                        request.region(),
                        EnumSet.copyOf(request.operations()),
                        issuer.subject()))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(issued -> GatewayAuditFilter.target(
                        exchange, AUDITED_KIND, issued.key().id(), issued.key().agency()))
                .map(issued -> ResponseEntity.created(
                                URI.create("/api/api-keys/" + issued.key().id()))
                        .body(new IssuedApiKey(
                                ApiKeyView.of(issued.key()), issued.plainText(), ApiKeyTokenFilter.HEADER)));
    }

    @GetMapping
    @Operation(
            summary = "The keys the caller administers, without secrets, with their last use",
            description = "A system administrator sees their agency's keys within their region; a security "
                    + "administrator every key within their region.")
    @ApiResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApiKeyView.class))))
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role, or a field beyond the caller's scope, is named",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    Mono<ResponseEntity<?>> list(@AuthenticationPrincipal @Nullable Jwt token, ServerWebExchange exchange) {
        Administrator caller = Administrator.of(token);
        Optional<KeyRules.Refusal> refused = KeyRules.listing(caller);
        if (refused.isPresent()) {
            return Mono.just(forbidden(exchange, List.of(refused.get())));
        }
        return Mono.fromCallable(() -> keys.list().stream()
                        .filter(key -> KeyRules.sees(caller, key))
                        .map(ApiKeyView::of)
                        .toList())
                .subscribeOn(Schedulers.boundedElastic())
                .map(ResponseEntity::ok);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Narrow a key's operations or region (security administrators, keys within their region)",
            description = "Only narrower: some of its operations, a region within its own; a wider one is refused "
                    + "with 403 naming the field. Other gateway instances apply it within the key cache time.")
    @ApiResponse(
            responseCode = "200",
            description = "已收窄 Narrowed: the key's record",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "请求无效 Invalid: errors name the fields",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role, or a field beyond the caller's scope, is named",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    @ApiResponse(
            responseCode = "404",
            description = "没有这个密钥 No such key, or not within the caller's region",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    Mono<ResponseEntity<?>> narrow(
            @AuthenticationPrincipal @Nullable Jwt token,
            @PathVariable String id,
            @RequestBody NarrowedScope request,
            ServerWebExchange exchange) {
        Administrator caller = Administrator.of(token);
        Optional<KeyRules.Refusal> role = KeyRules.changing(caller);
        if (role.isPresent()) {
            return Mono.just(forbidden(exchange, List.of(role.get())));
        }
        Map<String, String> errors = new java.util.TreeMap<>();
        if (request.operations() != null && request.operations().isEmpty()) {
            errors.put("operations", "must list READ and/or WRITE, or be left out");
        }
        if (request.region() != null && !RegionCode.isValid(request.region())) {
            errors.put("region", "must be a 6-digit administrative region code, or be left out");
        }
        if (request.operations() == null && request.region() == null) {
            errors.put("operations", "give operations, region or both");
        }
        if (!errors.isEmpty()) {
            return Mono.just(invalid(errors));
        }
        return Mono.<ResponseEntity<?>>fromCallable(() -> narrowed(caller, id, request, exchange))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<?> narrowed(
            Administrator caller, String id, NarrowedScope request, ServerWebExchange exchange) {
        Optional<ApiKey> found = keys.find(id).filter(key -> KeyRules.sees(caller, key));
        if (found.isEmpty()) {
            return notFound(exchange, id);
        }
        ApiKey key = found.get();
        GatewayAuditFilter.target(exchange, AUDITED_KIND, id, key.agency());
        Set<ApiKey.Operation> operations =
                request.operations() == null ? key.operations() : EnumSet.copyOf(request.operations());
        String region = request.region() == null ? key.region() : request.region();
        List<KeyRules.Refusal> wider = KeyRules.narrowing(key, operations, region);
        if (!wider.isEmpty()) {
            return forbidden(exchange, wider);
        }
        return keys.narrow(id, operations, region)
                .<ResponseEntity<?>>map(narrowed -> ResponseEntity.ok(ApiKeyView.of(narrowed)))
                .orElseGet(() -> notFound(exchange, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key (security administrators, keys within their region)")
    // No body: an empty content, or springdoc would document the method's wildcard type as one.
    @ApiResponse(responseCode = "204", description = "已吊销 Revoked", content = @Content)
    @ApiResponse(
            responseCode = "403",
            description = "无权操作 Not allowed: the role, or a field beyond the caller's scope, is named",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    @ApiResponse(
            responseCode = "404",
            description = "没有这个密钥 No such key, or not within the caller's region",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = KeyProblem.class)))
    Mono<ResponseEntity<?>> revoke(
            @AuthenticationPrincipal @Nullable Jwt token, @PathVariable String id, ServerWebExchange exchange) {
        Administrator caller = Administrator.of(token);
        Optional<KeyRules.Refusal> role = KeyRules.changing(caller);
        if (role.isPresent()) {
            return Mono.just(forbidden(exchange, List.of(role.get())));
        }
        // A key outside the caller's region answers 404, as one that does not exist: its existence does not leak.
        return Mono.fromCallable(() -> {
                    Optional<ApiKey> found = keys.find(id).filter(key -> KeyRules.sees(caller, key));
                    found.ifPresent(key -> GatewayAuditFilter.target(exchange, AUDITED_KIND, id, key.agency()));
                    return found.isPresent() && keys.revoke(id);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(revoked -> revoked ? ResponseEntity.noContent().build() : notFound(exchange, id));
    }

    private static ResponseEntity<?> invalid(Map<String, String> errors) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of(
                        "type",
                        GatewayProblems.TYPE_PREFIX + "invalid-request",
                        "title",
                        "The request is invalid",
                        "status",
                        400,
                        "detail",
                        "Correct the fields listed in errors and send it again.",
                        "errors",
                        errors.entrySet().stream()
                                .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                                .toList()));
    }

    /** A key that does not exist, was revoked already, or lies outside what the caller administers. */
    private static ResponseEntity<?> notFound(ServerWebExchange exchange, String id) {
        boolean zh = GatewayProblems.zh(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", GatewayProblems.TYPE_PREFIX + "not-found");
        problem.put("title", zh ? "未找到" : "Not found");
        problem.put("status", 404);
        problem.put(
                "detail",
                zh ? "没有编号为 " + id + " 的有效密钥，或它不在您管理的范围内。" : "No valid API key " + id + " that you administer.");
        problem.put("instance", exchange.getRequest().getPath().value());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 403 naming the rule (the first refusal's type) and, for each refusal that concerns one, its field. */
    private static ResponseEntity<?> forbidden(ServerWebExchange exchange, List<KeyRules.Refusal> refusals) {
        boolean zh = GatewayProblems.zh(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", GatewayProblems.TYPE_PREFIX + refusals.get(0).code());
        problem.put("title", zh ? "无权操作" : "Not allowed");
        problem.put("status", 403);
        problem.put(
                "detail",
                String.join(
                        zh ? "" : "; ",
                        refusals.stream().map(r -> zh ? r.zh() : r.en()).toList()));
        problem.put("instance", exchange.getRequest().getPath().value());
        List<Map<String, String>> fields = refusals.stream()
                .filter(r -> r.field() != null)
                .map(r -> Map.of("field", r.field(), "message", zh ? r.zh() : r.en()))
                .toList();
        if (!fields.isEmpty()) {
            problem.put("errors", fields);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
