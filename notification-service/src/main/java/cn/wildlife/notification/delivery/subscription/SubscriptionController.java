package cn.wildlife.notification.delivery.subscription;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryAccess;
import cn.wildlife.notification.delivery.DeliveryChannels;
import cn.wildlife.notification.delivery.FilterValidation;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions to alerts by e-mail or SMS. Everyone manages their own; an agency head (their agency, their region's
 * subtree) or an administrator manages an agency's office subscriptions. A subscription carries only alerts its owner
 * could read in the inbox, whatever its filter says.
 */
@RestController
@Validated
@Tag(name = "Subscriptions (预警订阅)", description = "Who gets which alerts by e-mail or SMS, and the daily digest")
class SubscriptionController {

    private static final String ID = "^sub_[a-f0-9]{16}$";
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A mainland mobile number, with or without the country code. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("(\\+86)?1[3-9][0-9]{9}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final FilterValidation filters;
    private final DeliveryChannels channels;
    private final Clock clock;

    SubscriptionController(SubscriptionStore store, FilterValidation filters, DeliveryChannels channels, Clock clock) {
        this.store = store;
        this.filters = filters;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * A new subscription. {@code scope} PERSON (the default) is the caller's own; OFFICE is an agency's shared
     * address in a region ({@code agency} and {@code region} default to the caller's). {@code digest} applies to
     * office e-mail subscriptions and defaults to true there.
     */
    record NewSubscription(
            @Nullable String scope,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"EMAIL", "SMS"})
            @Nullable
            String channel,

            @Nullable String address,
            @Nullable String agency,
            @Nullable String region,
            @Nullable List<String> kinds,
            @Nullable List<String> ruleIds,
            @Nullable Boolean digest) {}

    record SubscriptionView(
            String id,
            Subscription.Scope scope,
            @Nullable String subject,
            Agency agency,
            String region,
            ChannelType channel,
            String address,
            List<String> kinds,
            List<String> ruleIds,
            boolean digest,
            boolean channelEnabled,
            Instant createdAt,
            String createdBy) {}

    @PostMapping("/api/subscriptions")
    @Operation(summary = "Subscribe oneself, or an agency office (agency head or administrator), to alerts")
    @ApiResponse(
            responseCode = "201",
            description = "已订阅 Subscribed",
            headers =
                    @Header(
                            name = "Location",
                            description = "the subscription",
                            schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<SubscriptionView> subscribe(Caller caller, @RequestBody NewSubscription request) {
        List<FieldError> errors = new ArrayList<>();
        Subscription.Scope scope =
                parse(Subscription.Scope.class, request.scope(), Subscription.Scope.PERSON, "scope", errors);
        ChannelType channel = parse(ChannelType.class, request.channel(), null, "channel", errors);
        if (channel == ChannelType.WEBHOOK) {
            errors.add(new FieldError("channel", "webhooks are registered at /api/webhooks", request.channel()));
        } else if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required: EMAIL or SMS", null));
        } else if (channel != null && !channels.isEnabled(channel)) {
            errors.add(new FieldError(
                    "channel", channel + " delivery is off on this platform (not configured)", request.channel()));
        }
        String address = request.address() == null ? null : request.address().strip();
        if (channel == ChannelType.EMAIL
                && (address == null
                        || address.length() > 254
                        || !EMAIL.matcher(address).matches())) {
            errors.add(new FieldError("address", "must be an e-mail address", request.address()));
        } else if (channel == ChannelType.SMS
                && (address == null || !PHONE.matcher(address).matches())) {
            errors.add(new FieldError(
                    "address",
                    "must be a mainland mobile number (11 digits starting with 1, " + "optionally +86)",
                    request.address()));
        }
        Agency agency = caller.agency();
        String region = caller.region().code();
        if (scope == Subscription.Scope.PERSON) {
            if (request.agency() != null
                    && !request.agency().equals(caller.agency().name())) {
                errors.add(
                        new FieldError("agency", "a personal subscription is for your own agency", request.agency()));
            }
            if (request.region() != null
                    && !request.region().equals(caller.region().code())) {
                errors.add(
                        new FieldError("region", "a personal subscription is for your own region", request.region()));
            }
        } else {
            if (request.agency() != null) {
                agency = parse(Agency.class, request.agency(), null, "agency", errors);
            }
            if (request.region() != null) {
                region = request.region();
                if (!RegionCode.isValid(region)) {
                    errors.add(new FieldError("region", "must be a 6-digit administrative region code", region));
                }
            }
        }
        boolean officeEmail = scope == Subscription.Scope.OFFICE && channel == ChannelType.EMAIL;
        if (Boolean.TRUE.equals(request.digest()) && !officeEmail) {
            errors.add(new FieldError(
                    "digest", "the daily digest goes to office e-mail subscriptions only", request.digest()));
        }
        AlertFilter filter = filters.filter(request.kinds(), request.ruleIds(), errors);
        if (scope == Subscription.Scope.OFFICE && !caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.AGENCY_HEAD)) {
            throw new AccessDeniedProblem(
                    "missing-role", "an office subscription needs the role AGENCY_HEAD or SYSTEM_ADMIN");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (scope == Subscription.Scope.OFFICE) {
            DeliveryAccess.checkManage(caller, agency, region);
        }
        Subscription subscription = new Subscription(
                "sub_" + HexFormat.of().formatHex(randomBytes()),
                scope,
                scope == Subscription.Scope.PERSON ? caller.subject() : null,
                agency,
                region,
                scope == Subscription.Scope.PERSON
                        ? caller.roles().stream().map(Enum::name).collect(Collectors.toSet())
                        : Set.of(),
                channel,
                address,
                filter,
                officeEmail && !Boolean.FALSE.equals(request.digest()),
                clock.instant(),
                caller.subject());
        store.insert(subscription);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .body(view(subscription));
    }

    @GetMapping("/api/subscriptions")
    @Operation(summary = "The caller's own subscriptions and the office subscriptions they manage")
    List<SubscriptionView> list(Caller caller) {
        return store.all().stream()
                .filter(s -> manages(caller, s))
                .map(this::view)
                .toList();
    }

    @GetMapping("/api/subscriptions/{id}")
    @Operation(summary = "One subscription")
    SubscriptionView get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return view(managed(caller, id));
    }

    @DeleteMapping("/api/subscriptions/{id}")
    @Operation(summary = "Unsubscribe")
    @ApiResponse(responseCode = "204", description = "已退订 Unsubscribed")
    ResponseEntity<Void> delete(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        managed(caller, id);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    private Subscription managed(Caller caller, String id) {
        return store.find(id)
                .filter(s -> manages(caller, s))
                .orElseThrow(() -> new RecordNotFoundException("subscription", id));
    }

    private static boolean manages(Caller caller, Subscription s) {
        return s.scope() == Subscription.Scope.PERSON
                ? Objects.equals(s.subject(), caller.subject())
                : DeliveryAccess.mayManage(caller, s.agency(), s.region());
    }

    private SubscriptionView view(Subscription s) {
        return new SubscriptionView(
                s.id(),
                s.scope(),
                s.subject(),
                s.agency(),
                s.region(),
                s.channel(),
                s.address(),
                s.filter().kinds().stream().map(Enum::name).sorted().toList(),
                s.filter().ruleIds().stream().sorted().toList(),
                s.digest(),
                channels.isEnabled(s.channel()),
                s.createdAt(),
                s.createdBy());
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, @Nullable String value, @Nullable E fallback, String field, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants()), value));
        return fallback;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
