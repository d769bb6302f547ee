package cn.wildlife.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One audited fact before it is chained: when, who, what, on which record, through which door. Never a personal
 * value: no request body, no query string, only the path (whose variables are identifiers).
 *
 * @param at kept to the millisecond, the precision the store keeps, so that a stored entry hashes as it was hashed
 */
public record AuditEntry(Instant at, Actor actor, AuditAction action, Target target, Origin origin) {

    public AuditEntry {
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Who acted, as the verified token said.
     *
     * @param roles sorted, so that the same caller always encodes the same
     */
    public record Actor(
            String subject,
            @Nullable String name,
            @Nullable String agency,
            @Nullable String region,
            List<String> roles) {

        /** Whoever sent no valid token. */
        public static final String ANONYMOUS = "anonymous";

        /** The service itself (its retention job). */
        public static final String SYSTEM = "system";

        public Actor {
            roles = roles.stream().sorted().toList();
        }

        public static Actor anonymous() {
            return new Actor(ANONYMOUS, null, null, null, List.of());
        }

        public static Actor system() {
            return new Actor(SYSTEM, null, null, null, List.of());
        }

        /**
         * The caller as its verified token's claims name it ({@code sub}, {@code name}, {@code agency}, {@code region},
         * {@code roles}), the same way at the gateway and in every service.
         */
        public static Actor fromClaims(Map<String, Object> claims) {
            List<String> roles = new ArrayList<>();
            if (claims.get("roles") instanceof Collection<?> claimed) {
                claimed.forEach(role -> roles.add(String.valueOf(role)));
            }
            Object subject = claims.get("sub");
            return new Actor(
                    subject == null ? ANONYMOUS : String.valueOf(subject),
                    text(claims.get("name")),
                    text(claims.get("agency")),
                    text(claims.get("region")),
                    roles);
        }

        private static @Nullable String text(@Nullable Object claim) {
            return claim == null ? null : String.valueOf(claim);
        }
    }

    /**
     * The record concerned, when there is one.
     *
     * @param kind  the kind of record ({@code clues}, {@code clue-reporter}, {@code webhooks}...)
     * @param owner the agency that owns it, for reads across agencies
     * @param grant why such a read was allowed ({@code OVERSIGHT}, {@code PARTY}, {@code OWN_AGENCY},
     *     {@code LAWFUL_REQUEST})
     * @param detail what else the act needs to be reviewed (a lawful request's reference, how many records an export
     *     held), never a personal value; absent from most entries
     */
    public record Target(
            @Nullable String kind,
            @Nullable String id,
            @Nullable String owner,
            @Nullable String grant,
            @Nullable String detail) {

        public Target(@Nullable String kind, @Nullable String id, @Nullable String owner, @Nullable String grant) {
            this(kind, id, owner, grant, null);
        }

        public static Target none() {
            return new Target(null, null, null, null);
        }

        public static Target record(@Nullable String kind, @Nullable String id) {
            return new Target(kind, id, null, null);
        }
    }

    /**
     * How the act came in.
     *
     * @param door      {@code REST} (the Kafka door's refusals go to the dead-letter topic instead), or {@code SYSTEM}
     * @param status    the HTTP status answered; null when the entry is written before the answer
     * @param requestId the gateway's {@code X-Request-Id}
     */
    public record Origin(
            String door,
            @Nullable String method,
            @Nullable String path,
            @Nullable Integer status,
            @Nullable String requestId) {

        public static final String REST = "REST";

        public static Origin system() {
            return new Origin("SYSTEM", null, null, null, null);
        }
    }
}
