package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.delivery.DeliveryAccess;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.DeliveryStore;
import cn.wildlife.notification.delivery.DeliveryWorker;
import cn.wildlife.notification.delivery.FilterValidation;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.SignatureAlgorithm;
import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import cn.wildlife.notification.delivery.domain.WebhookSignature;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner systems' webhooks, managed by the agency head (their own agency, in their region's subtree) or a platform
 * administrator. The secret is shown once, at registration or rotation. Each webhook keeps a delivery log, a
 * dead-letter list (its deliveries in status DEAD) and manual redelivery.
 */
@RestController
@Validated
@Tag(name = "Webhooks (预警推送)", description = "Signed alert and digest deliveries to partner systems")
class WebhookController {

    private static final String ID = "^wh_[A-Za-z0-9_-]{6,64}$";
    private static final String DELIVERY_ID = "^[A-Za-z0-9._:-]{3,300}$";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final FilterValidation filters;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final Texts texts;

    WebhookController(
            WebhookStore webhooks,
            DeliveryStore deliveries,
            DeliveryWorker worker,
            FilterValidation filters,
            DeliveryProperties properties,
            Clock clock,
            Texts texts) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.worker = worker;
        this.filters = filters;
        this.destinations = properties.webhook().destinations();
        this.clock = clock;
        this.texts = texts;
    }

    /** A registration. Agency and region default to the caller's; no kinds, rules or types means every alert. */
    record NewWebhook(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) @Nullable
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 2000,
                    description = "https:// to a public host")
            @Nullable
            String url,

            @Nullable String agency,
            @Nullable String region,
            @Nullable List<String> kinds,
            @Nullable List<String> ruleIds,
            @Nullable List<String> eventTypes,

            @Schema(
                    defaultValue = "HMAC_SHA256",
                    description = "how deliveries are signed: HMAC_SM3 (header sm3=...) where the receiver must use "
                            + "the national algorithms, HMAC_SHA256 (header sha256=...) otherwise")
            @Nullable
            SignatureAlgorithm signatureAlgorithm) {}

    /** A webhook as listed: everything but its secret. */
    record WebhookView(
            String id,
            String name,
            String url,
            Agency agency,
            String region,
            List<String> kinds,
            List<String> ruleIds,
            List<String> eventTypes,
            SignatureAlgorithm signatureAlgorithm,
            Instant createdAt,
            String createdBy,
            @Nullable Instant secretRotatedAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(
                    w.id(),
                    w.name(),
                    w.url(),
                    w.agency(),
                    w.region(),
                    w.filter().kinds().stream().map(Enum::name).sorted().toList(),
                    w.filter().ruleIds().stream().sorted().toList(),
                    w.eventTypes().stream().sorted().toList(),
                    w.signatureAlgorithm(),
                    w.createdAt(),
                    w.createdBy(),
                    w.secretRotatedAt());
        }
    }

    /** How deliveries are signed, so the receiver knows what to check. */
    record Signing(
            String timestampHeader,
            String signatureHeader,
            String deliveryHeader,
            String algorithm,
            long toleranceSeconds) {
        static Signing describe(SignatureAlgorithm algorithm) {
            return new Signing(
                    WebhookChannel.TIMESTAMP,
                    WebhookChannel.SIGNATURE,
                    WebhookChannel.DELIVERY,
                    algorithm.displayName() + " with the secret over timestamp + \".\" + body, hex, prefixed "
                            + algorithm.scheme() + "=",
                    WebhookSignature.TOLERANCE.toSeconds());
        }
    }

    /** The answer to a registration or rotation: the webhook and, this once, its secret. */
    record WithSecret(WebhookView webhook, String secret, Signing signing) {}

    @PostMapping("/api/webhooks")
    @Operation(
            summary = "Register a partner system's webhook (agency head or administrator); the secret is shown once",
            description = "The URL must be https (plain http only to this machine) and must not point at a loopback, "
                    + "private, link-local or other internal address, by IP or by name, unless an administrator "
                    + "allow-listed it; each delivery checks again every address the name resolves to.")
    @ApiResponse(
            responseCode = "201",
            description =
                    "已登记 Registered: the webhook, its secret (shown this once) and " + "how deliveries are signed",
            headers =
                    @Header(
                            name = "Location",
                            description = "the new webhook: GET it for its settings",
                            schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WithSecret.class)))
    @ApiResponse(
            responseCode = "400",
            description = "请求参数有误 Invalid request: the errors list names each bad "
                    + "field; a URL whose host is internal (loopback, private, link-local, ...) names url",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<WithSecret> register(Caller caller, @RequestBody NewWebhook request) {
        requireSteward(caller);
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters", request.name()));
        }
        checkUrl(request.url(), destinations, errors, texts);
        Agency agency = caller.agency();
        if (request.agency() != null) {
            agency = Arrays.stream(Agency.values())
                    .filter(a -> a.name().equals(request.agency()))
                    .findFirst()
                    .orElse(null);
            if (agency == null) {
                errors.add(new FieldError(
                        "agency", "must be one of " + Arrays.toString(Agency.values()), request.agency()));
            }
        }
        String region = request.region() == null ? caller.region().code() : request.region();
        if (!RegionCode.isValid(region)) {
            errors.add(new FieldError("region", "must be a 6-digit administrative region code", region));
        }
        AlertFilter filter = filters.filter(request.kinds(), request.ruleIds(), errors);
        Set<String> eventTypes = new HashSet<>();
        if (request.eventTypes() != null) {
            for (String type : request.eventTypes()) {
                if (WebhookPayloads.TYPES.contains(type)) {
                    eventTypes.add(type);
                } else {
                    errors.add(new FieldError("eventTypes", "each one of " + WebhookPayloads.TYPES, type));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        DeliveryAccess.checkManage(caller, agency, region);
        String secret = WebhookSignature.newSecret();
        Webhook webhook = new Webhook(
                "wh_" + WebhookSignature.newSecret().substring(6, 22),
                name,
                request.url(),
                agency,
                region,
                filter,
                eventTypes,
                request.signatureAlgorithm() == null ? SignatureAlgorithm.HMAC_SHA256 : request.signatureAlgorithm(),
                clock.instant(),
                caller.subject(),
                null);
        webhooks.insert(webhook, secret);
        return ResponseEntity.created(URI.create("/api/webhooks/" + webhook.id()))
                .body(new WithSecret(WebhookView.of(webhook), secret, Signing.describe(webhook.signatureAlgorithm())));
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "The webhooks the caller manages")
    List<WebhookView> list(Caller caller) {
        requireSteward(caller);
        return webhooks.all().stream()
                .filter(w -> DeliveryAccess.mayManage(caller, w.agency(), w.region()))
                .map(WebhookView::of)
                .toList();
    }

    @GetMapping("/api/webhooks/{id}")
    @Operation(summary = "One webhook, without its secret")
    WebhookView get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return WebhookView.of(managed(caller, id));
    }

    @DeleteMapping("/api/webhooks/{id}")
    @Operation(summary = "Remove a webhook; deliveries still waiting for it are cancelled")
    @ApiResponse(responseCode = "204", description = "已删除 Removed")
    ResponseEntity<Void> delete(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        managed(caller, id);
        webhooks.delete(id);
        deliveries.cancelPending(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/webhooks/{id}/secret")
    @Operation(summary = "Replace the secret (shown once); retries from now on are signed with the new one")
    WithSecret rotate(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        Webhook webhook = managed(caller, id);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        webhooks.rotateSecret(id, secret, now);
        return new WithSecret(
                WebhookView.of(webhook.withSecretRotatedAt(now)),
                secret,
                Signing.describe(webhook.signatureAlgorithm()));
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    @Operation(
            summary = "The delivery log, newest first: every attempt with its status code, duration and error",
            description = "status=DEAD is the dead-letter list: deliveries that failed their last try.")
    List<DeliveryStore.View> deliveries(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) DeliveryStore.@Nullable Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        managed(caller, id);
        return deliveries.forTarget(id, status, page, size);
    }

    @GetMapping("/api/webhooks/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its attempts")
    DeliveryStore.View delivery(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable @Pattern(regexp = DELIVERY_ID) String deliveryId) {
        managed(caller, id);
        return deliveries.find(deliveryId, id).orElseThrow(() -> new RecordNotFoundException("delivery", deliveryId));
    }

    @PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a dead-lettered (or already sent) delivery again, with a fresh round of retries")
    @ApiResponse(responseCode = "202", description = "已重新排队 Queued again: the delivery as it now stands")
    ResponseEntity<DeliveryStore.View> redeliver(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable @Pattern(regexp = DELIVERY_ID) String deliveryId) {
        managed(caller, id);
        DeliveryStore.View current =
                deliveries.find(deliveryId, id).orElseThrow(() -> new RecordNotFoundException("delivery", deliveryId));
        if (!deliveries.redeliver(deliveryId, id, clock.instant())) {
            throw new ConflictException(
                    "delivery-under-way",
                    "delivery " + deliveryId + " is " + current.status()
                            + ": only a DEAD or SENT delivery can be sent again",
                    Map.of("status", current.status()));
        }
        worker.wake();
        return ResponseEntity.accepted().body(deliveries.find(deliveryId, id).orElseThrow());
    }

    private static void requireSteward(Caller caller) {
        if (!caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.AGENCY_HEAD)) {
            throw new AccessDeniedProblem("missing-role", "this needs the role AGENCY_HEAD or SYSTEM_ADMIN");
        }
    }

    /** A webhook the caller manages; any other answers 404, so its existence does not leak. */
    private Webhook managed(Caller caller, String id) {
        return webhooks.find(id)
                .filter(w -> DeliveryAccess.mayManage(caller, w.agency(), w.region()))
                .orElseThrow(() -> new RecordNotFoundException("webhook", id));
    }

    /**
     * An absolute https URL; plain http only to this machine (a receiver under test, or a relay beside the
     * service), and then only where loopback is allow-listed. Credentials in the URL are refused: they would be
     * stored and shown in listings. The host must not be internal as written; what it resolves to is checked at each
     * delivery, since that is when it counts.
     */
    static void checkUrl(@Nullable String url, WebhookDestinations destinations, List<FieldError> errors, Texts texts) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            errors.add(new FieldError("url", "must be an absolute https URL of at most 2000 characters", url));
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason(), url));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean web = scheme.equals("https") || scheme.equals("http");
        Optional<WebhookDestinations.Reason> unparsedHost =
                uri.getHost() == null && web && uri.getRawAuthority() != null
                        ? destinations.judgeHost(hostOf(uri.getRawAuthority()))
                        : Optional.empty();
        if (unparsedHost.isPresent()) {
            // java.net.URI finds no host in 0x7f000001 or 127.1, but an HTTP client may still take it for one.
            errors.add(internal(unparsedHost.get(), url, texts));
        } else if (!uri.isAbsolute() || uri.getHost() == null || !web) {
            errors.add(new FieldError("url", "must be an absolute https URL with a host", url));
        } else if (scheme.equals("http") && !LOCAL_HOSTS.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT))) {
            errors.add(new FieldError("url", "must use https (plain http only for localhost)", url));
        } else if (uri.getRawUserInfo() != null) {
            errors.add(
                    new FieldError("url", "must not carry credentials; the signature authenticates the sender", url));
        } else if (uri.getRawFragment() != null) {
            errors.add(new FieldError("url", "must not have a fragment", url));
        } else {
            destinations.judgeHost(uri.getHost()).ifPresent(reason -> errors.add(internal(reason, url, texts)));
        }
    }

    private static FieldError internal(WebhookDestinations.Reason reason, String url, Texts texts) {
        return new FieldError(
                "url", texts.get("webhook.url.internal", DestinationRefused.describe(reason, texts)), url);
    }

    /** The host part of an authority that java.net.URI could not read as one: no user, no port. */
    private static String hostOf(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }
}
