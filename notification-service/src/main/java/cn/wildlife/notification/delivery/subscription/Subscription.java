package cn.wildlife.notification.delivery.subscription;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.Reader;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who gets which alerts by which channel: a person (their own address; their agency, region and roles as their token
 * said when they subscribed) or an office (an agency's shared address in one region, arranged by its head). Office
 * e-mail subscriptions also take the daily digest unless they turned it off.
 */
public record Subscription(
        String id,
        Scope scope,
        @Nullable String subject,
        Agency agency,
        String region,
        Set<String> roles,
        ChannelType channel,
        String address,
        AlertFilter filter,
        boolean digest,
        Instant createdAt,
        String createdBy) {

    public enum Scope {
        PERSON,
        OFFICE
    }

    public Subscription {
        roles = Set.copyOf(roles);
    }

    /** Whose inbox decides what this subscription may carry. */
    public Reader reader() {
        return scope == Scope.PERSON
                ? Reader.person(agency.name(), region, roles)
                : Reader.office(agency.name(), region);
    }
}
