package cn.wildlife.notification.delivery.domain;

import cn.wildlife.events.RegionCode;
import java.util.Collection;
import java.util.Set;

/**
 * Whoever a delivery target stands for, and whether that reader could see an alert in the inbox. The alert's own
 * recipients decide: a subscription never sends what its owner could not read at {@code /api/inbox}.
 * <ul>
 *   <li>a person reads what is addressed to their agency and region, without a role or with one of their roles;</li>
 *   <li>an office (an agency's shared mailbox in one region) reads what is addressed to it without a role;</li>
 *   <li>an agency's system (a webhook) reads what is addressed to its agency anywhere in its region's subtree, as an
 *       API key of that agency and region reads its records;</li>
 *   <li>what is addressed to a role everywhere (agency and region {@code *}, e.g. the administrators) is read by the
 *       people holding it, nobody else.</li>
 * </ul>
 */
public record Reader(Kind kind, String agency, String region, Set<String> roles) {

    public enum Kind {
        PERSON,
        OFFICE,
        SYSTEM
    }

    public Reader {
        roles = Set.copyOf(roles);
    }

    public static Reader person(String agency, String region, Collection<String> roles) {
        return new Reader(Kind.PERSON, agency, region, Set.copyOf(roles));
    }

    public static Reader office(String agency, String region) {
        return new Reader(Kind.OFFICE, agency, region, Set.of());
    }

    public static Reader system(String agency, String region) {
        return new Reader(Kind.SYSTEM, agency, region, Set.of());
    }

    public boolean mayRead(Collection<String> recipients) {
        return recipients.stream().flatMap(r -> Recipient.parse(r).stream()).anyMatch(this::isAddressedBy);
    }

    private boolean isAddressedBy(Recipient recipient) {
        if (recipient.everywhere()) {
            // A role's holders in person; an office or a partner system holds no role.
            return kind == Kind.PERSON && roles.contains(recipient.role());
        }
        if (!recipient.agency().equals(agency)) {
            return false;
        }
        return switch (kind) {
            case PERSON ->
                recipient.region().equals(region) && (recipient.role() == null || roles.contains(recipient.role()));
            case OFFICE -> recipient.region().equals(region) && recipient.role() == null;
            case SYSTEM ->
                RegionCode.isValid(recipient.region()) && new RegionCode(region).contains(recipient.region());
        };
    }
}
