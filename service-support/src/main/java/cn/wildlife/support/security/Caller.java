package cn.wildlife.support.security;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import java.util.Set;

/**
 * Who is calling, as the verified token says: never taken from a header. {@code region} is the caller's own region;
 * it sees that region's whole subtree.
 */
public record Caller(String subject, String name, Agency agency, RegionCode region, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The procuratorate and the supervision office read across agencies in their region, for oversight. */
    public boolean isOversight() {
        return agency == Agency.PROCURATORATE || agency == Agency.SUPERVISION_OFFICE;
    }

    public boolean covers(String otherRegion) {
        return region.contains(otherRegion);
    }
}
