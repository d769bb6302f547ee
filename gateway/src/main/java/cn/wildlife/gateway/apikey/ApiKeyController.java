package cn.wildlife.gateway.apikey;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Administrators issue, list and revoke partner systems' API keys. The full key is shown once, when issued. */
@RestController
@RequestMapping("/api/api-keys")
@ConditionalOnProperty(name = "platform.gateway.api-keys.enabled", havingValue = "true", matchIfMissing = true)
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** What an administrator asks for. */
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

    @PostMapping
    @Operation(summary = "Issue an API key for a partner system (administrators)")
    @ApiResponse(
            responseCode = "201",
            description = "已签发 Issued: the key's record and, this once, the key",
            headers =
                    @Header(
                            name = "Location",
                            description = "the key's record",
                            schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
    Mono<ResponseEntity<?>> issue(@AuthenticationPrincipal Jwt admin, @RequestBody NewApiKey request) {
        requireAdmin(admin);
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
            return Mono.just(ResponseEntity.badRequest()
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of(
                            "type",
                            "urn:cn.wildlife:problem:invalid-request",
                            "title",
                            "The request is invalid",
                            "status",
                            400,
                            "detail",
                            "Correct the fields listed in errors and send it again.",
                            "errors",
                            errors.entrySet().stream()
                                    .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                                    .toList())));
        }
        return Mono.fromCallable(() -> keys.issue(
                        request.name(),
                        request.agency(),
                        request.region(),
                        EnumSet.copyOf(request.operations()),
                        admin.getSubject()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(issued -> ResponseEntity.created(
                                URI.create("/api/api-keys/" + issued.key().id()))
                        .body(new IssuedApiKey(
                                ApiKeyView.of(issued.key()), issued.plainText(), ApiKeyTokenFilter.HEADER)));
    }

    @GetMapping
    @Operation(summary = "Every key, without secrets, with its last use (administrators)")
    Mono<List<ApiKeyView>> list(@AuthenticationPrincipal Jwt admin) {
        requireAdmin(admin);
        return Mono.fromCallable(() -> keys.list().stream().map(ApiKeyView::of).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key (administrators)")
    @ApiResponse(responseCode = "204", description = "已吊销 Revoked")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Jwt admin, @PathVariable String id) {
        requireAdmin(admin);
        return Mono.fromCallable(() -> keys.revoke(id))
                .subscribeOn(Schedulers.boundedElastic())
                .map(revoked -> revoked
                        ? ResponseEntity.noContent().<Void>build()
                        : ResponseEntity.notFound().<Void>build());
    }

    private static void requireAdmin(@Nullable Jwt admin) {
        Object roles = admin == null ? null : admin.getClaims().get("roles");
        if (!(roles instanceof Collection<?> list) || !list.contains("ADMIN")) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "issuing and revoking API keys needs the ADMIN role");
        }
    }
}
