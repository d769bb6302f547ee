package cn.wildlife.notification.delivery.domain;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One addressee of an alert as the alert names it: {@code AGENCY@region} (that office), {@code AGENCY@region/ROLE}
 * (people of that office holding the role, e.g. its head on escalation), or with {@code *} for agency and region and a
 * role: every holder of the role, whatever their agency and region (the platform administrators). The inbox files
 * alerts the same way.
 */
public record Recipient(
        String agency, String region, @Nullable String role) {

    /** Any agency, any region: with a role, everyone holding it. */
    public static final String ANY = "*";

    /** Addressed to a role wherever its holders are, not to an office. */
    public boolean everywhere() {
        return ANY.equals(agency) && ANY.equals(region) && role != null;
    }

    public static Optional<Recipient> parse(String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        String[] agencyAndRest = recipient.split("@", 2);
        if (agencyAndRest.length != 2 || agencyAndRest[0].isEmpty()) {
            return Optional.empty();
        }
        String[] regionAndRole = agencyAndRest[1].split("/", 2);
        return Optional.of(
                new Recipient(agencyAndRest[0], regionAndRole[0], regionAndRole.length == 2 ? regionAndRole[1] : null));
    }
}
