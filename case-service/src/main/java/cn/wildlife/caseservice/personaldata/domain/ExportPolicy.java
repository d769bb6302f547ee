package cn.wildlife.caseservice.personaldata.domain;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.support.security.Role;
import java.util.Optional;
import java.util.Set;

/**
 * Who may export one person's data for a lawful request (PIPL art. 45 access requests; requests of a court, a
 * procuratorate or a public security organ), and what such an export may hold.
 *
 * <p>Deny by default: only the agency head (负责人) may, who answers for the agency's handling of personal data and
 * already decides its transfers. Never one of the three administrators of 三员分立, whatever else the token holds (an
 * administrator runs the system, never reads what it keeps), and never a partner system (a machine acting on the
 * agency's behalf is not the person who answers a lawful request).
 *
 * <p>An export holds the records of the head's own agency in the head's own region subtree, and nothing of any other
 * agency: a request for another agency's records goes to that agency.
 */
public record ExportPolicy(Agency agency, RegionCode region) {

    /** Why an export is refused. */
    public enum Refusal {
        /** Only the agency head may export. */
        NOT_AGENCY_HEAD("missing-role"),
        /** The token holds an administrator's role: administrators never read personal data. */
        ADMINISTRATOR("administrator-may-not-export"),
        /** A partner system's token: lawful requests are answered by a person. */
        PARTNER_SYSTEM("partner-system-may-not-export");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        /** The problem's code. */
        public String code() {
            return code;
        }
    }

    /** Why a caller holding these roles may not export; empty when they may. */
    public static Optional<Refusal> refusal(Set<Role> roles) {
        if (roles.stream().anyMatch(Role.ADMINISTRATORS::contains)) {
            return Optional.of(Refusal.ADMINISTRATOR);
        }
        if (roles.contains(Role.PARTNER_SYSTEM)) {
            return Optional.of(Refusal.PARTNER_SYSTEM);
        }
        if (!roles.contains(Role.AGENCY_HEAD)) {
            return Optional.of(Refusal.NOT_AGENCY_HEAD);
        }
        return Optional.empty();
    }

    /** Whether a record of {@code owner} in {@code recordRegion} belongs in this export. */
    public boolean covers(Agency owner, String recordRegion) {
        return owner == agency && region.contains(recordRegion);
    }
}
