package cn.wildlife.notification.delivery;

import cn.wildlife.events.Agency;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;

/**
 * Who arranges delivery on an agency's behalf (its webhooks, its offices' subscriptions): the agency head or the
 * system administrator (系统管理员, who also issues partner systems' API keys), each for their own agency within their
 * region's subtree. Everyone manages their own personal subscriptions.
 */
public final class DeliveryAccess {

    private DeliveryAccess() {}

    public static boolean mayManage(Caller caller, Agency agency, String region) {
        if (Access.administers(caller, Role.SYSTEM_ADMIN, agency, region)) {
            return true;
        }
        return caller.has(Role.AGENCY_HEAD) && caller.agency() == agency && caller.covers(region);
    }

    /** Refuses with 403 naming why: the role is missing, or the agency or region is not the caller's. */
    public static void checkManage(Caller caller, Agency agency, String region) {
        if (caller.has(Role.SYSTEM_ADMIN)) {
            Access.administratorRefusal(caller, Role.SYSTEM_ADMIN, agency, region)
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
            return;
        }
        if (!caller.has(Role.AGENCY_HEAD)) {
            throw new AccessDeniedProblem("missing-role", "this needs the role AGENCY_HEAD or SYSTEM_ADMIN");
        }
        if (caller.agency() != agency) {
            throw new AccessDeniedProblem("other-agency", caller.agency() + " cannot act for " + agency);
        }
        if (!caller.covers(region)) {
            throw new AccessDeniedProblem(
                    "region-outside-jurisdiction",
                    "region " + region + " is outside your region "
                            + caller.region().code());
        }
    }
}
