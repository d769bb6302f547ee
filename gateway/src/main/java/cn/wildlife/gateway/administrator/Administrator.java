package cn.wildlife.gateway.administrator;

import cn.wildlife.events.RegionCode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Whoever a verified token says is calling, as far as the gateway's own administrative actions care: its agency,
 * region and roles. The three administrators of 三员分立 (the services' {@code Role.SYSTEM_ADMIN},
 * {@code SECURITY_ADMIN} and {@code AUDIT_ADMIN}; the gateway does not share the services' code, so their names are
 * repeated here) are three people: a token holding more than one of them acts as none.
 */
public record Administrator(
        String subject, @Nullable String agency, @Nullable String region, Set<String> roles) {

    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    public static final String AUDIT_ADMIN = "AUDIT_ADMIN";
    public static final Set<String> ROLES = Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    public Administrator {
        roles = Set.copyOf(roles);
    }

    /** The token's caller; without a token (a request with an API key), someone holding no role. */
    public static Administrator of(@Nullable Jwt token) {
        if (token == null) {
            return new Administrator("", null, null, Set.of());
        }
        Set<String> roles = new LinkedHashSet<>();
        if (token.getClaims().get("roles") instanceof Collection<?> claimed) {
            claimed.forEach(role -> roles.add(String.valueOf(role)));
        }
        return new Administrator(
                token.getSubject() == null ? "" : token.getSubject(),
                token.getClaimAsString("agency"),
                token.getClaimAsString("region"),
                roles);
    }

    /** The administrators' roles the token holds, sorted, for naming them in a refusal. */
    public Set<String> administratorRoles() {
        Set<String> held = new TreeSet<>(roles);
        held.retainAll(ROLES);
        return held;
    }

    /** More than one of the three: refused on every administrative action, whichever it asks for. */
    public boolean combinesRoles() {
        return administratorRoles().size() > 1;
    }

    /** Holds {@code duty} and no other administrator's role. */
    public boolean actsAs(String duty) {
        return roles.contains(duty) && !combinesRoles();
    }

    /** Whether {@code other} lies in the subtree of the token's region (a province covers its cities and counties). */
    public boolean covers(@Nullable String other) {
        return RegionCode.isValid(region) && new RegionCode(region).contains(other);
    }
}
