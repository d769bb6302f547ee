package cn.wildlife.inspection.operation;

import cn.wildlife.events.RegionCode;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who may see an operation: it is shared by its lead and participating agencies (and read by oversight) wherever
 * the caller's region and the operation's overlap: a province-wide operation is seen by a county that takes part.
 */
public final class OperationAccess {

    private OperationAccess() {}

    public static boolean mayRead(Caller caller, Operation o) {
        boolean overlaps = caller.covers(o.region())
                || new RegionCode(o.region()).contains(caller.region().code());
        boolean party = caller.agency() == o.leadAgency()
                || caller.isOversight()
                || o.participants().stream().anyMatch(p -> p.agency() == caller.agency());
        boolean reader = cn.wildlife.support.security.Role.READERS.stream().anyMatch(caller::has);
        return overlaps && party && reader;
    }

    /**
     * The region a caller asks about: their own when the operation covers it, else the operation's; a region outside
     * the caller's subtree (a county asking for its sibling) or outside the operation is refused.
     */
    public static String scope(Caller caller, Operation operation, @Nullable String requested) {
        String region = requested != null
                ? requested
                : new RegionCode(operation.region()).contains(caller.region().code())
                        ? caller.region().code()
                        : operation.region();
        if (!caller.covers(region)) {
            throw new AccessDeniedProblem(
                    "region-outside-jurisdiction",
                    "region " + region + " is outside your region "
                            + caller.region().code());
        }
        if (!new RegionCode(operation.region()).contains(region)) {
            throw new AccessDeniedProblem(
                    "region-outside-operation",
                    "region " + region + " is outside the operation's region " + operation.region());
        }
        return region;
    }
}
