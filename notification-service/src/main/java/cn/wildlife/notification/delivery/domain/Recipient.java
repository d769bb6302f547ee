package cn.wildlife.notification.delivery.domain;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One addressee of an alert as the alert names it: {@code AGENCY@region} (that office) or {@code AGENCY@region/ROLE}
 * (people of that office holding the role, e.g. its head on escalation). The inbox files alerts the same way.
 */
public record Recipient(String agency, String region, @Nullable String role) {

    public static Optional<Recipient> parse(String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        String[] agencyAndRest = recipient.split("@", 2);
        if (agencyAndRest.length != 2 || agencyAndRest[0].isEmpty()) {
            return Optional.empty();
        }
        String[] regionAndRole = agencyAndRest[1].split("/", 2);
        return Optional.of(new Recipient(agencyAndRest[0], regionAndRole[0],
                regionAndRole.length == 2 ? regionAndRole[1] : null));
    }
}
