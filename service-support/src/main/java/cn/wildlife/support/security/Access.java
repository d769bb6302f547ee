package cn.wildlife.support.security;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import cn.wildlife.support.web.RecordNotFoundException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The access rules every service applies to its own records: an agency reads and writes its own records in its
 * region's subtree; the procuratorate and the supervision office read across agencies in their region, and every such
 * read by another agency is audited. A record the caller may not read answers 404, so that its existence does not
 * leak.
 */
public class Access {

    /** Why a read was allowed; anything but {@link #OWN_AGENCY} is written to the audit log. */
    public enum Grant {
        OWN_AGENCY,
        OVERSIGHT,
        PARTY
    }

    /** What a search may return: one agency (or any, for oversight) within a region subtree. */
    public record Scope(@Nullable Agency agency, String regionPrefix) {}

    private final AuditLog audit;

    public Access(AuditLog audit) {
        this.audit = audit;
    }

    public Optional<Grant> readGrant(Caller caller, Agency owner, String region) {
        requireReader(caller);
        if (!caller.covers(region)) {
            return Optional.empty();
        }
        if (caller.agency() == owner) {
            return Optional.of(Grant.OWN_AGENCY);
        }
        return caller.isOversight() ? Optional.of(Grant.OVERSIGHT) : Optional.empty();
    }

    /** Checks a read of one record, audits it when another agency reads it, or answers 404. */
    public void checkRead(Caller caller, String kind, String id, Agency owner, String region) {
        Grant grant = readGrant(caller, owner, region).orElseThrow(() -> new RecordNotFoundException(kind, id));
        if (grant != Grant.OWN_AGENCY) {
            audit.recordRead(caller, kind, id, owner, grant);
        }
    }

    /**
     * Checks a read of a record shared between agencies (a transfer: sender, receiving police, procuratorate): a
     * party reads it, audited when it is not the owner; anyone else falls back to the ordinary rules.
     */
    public void checkSharedRead(Caller caller, String kind, String id, boolean isParty, Agency owner, String region) {
        requireReader(caller);
        if (isParty) {
            if (caller.agency() != owner) {
                audit.recordRead(caller, kind, id, owner, Grant.PARTY);
            }
            return;
        }
        checkRead(caller, kind, id, owner, region);
    }

    /**
     * Audits a read of confidential data (a clue reporter's identity) even by the owning agency: who looked, and
     * when, is what an inquiry into a leak needs.
     */
    public void auditConfidentialRead(Caller caller, String kind, String id, Agency owner) {
        audit.recordRead(caller, kind, id, owner, caller.agency() == owner ? Grant.OWN_AGENCY : Grant.OVERSIGHT);
    }

    /** Audits the records of other agencies a search returned. */
    public void auditSearchResults(Caller caller, String kind, Iterable<Owned> results) {
        auditSearchResults(caller, kind, results, Grant.OVERSIGHT);
    }

    /** Audits the records of other agencies a search returned, read under {@code grant} (a party's, say). */
    public void auditSearchResults(Caller caller, String kind, Iterable<Owned> results, Grant grant) {
        for (Owned result : results) {
            if (result.owner() != caller.agency()) {
                audit.recordRead(caller, kind, result.id(), result.owner(), grant);
            }
        }
    }

    /** A record's id and owning agency, for auditing. */
    public record Owned(String id, Agency owner) {}

    /**
     * Narrows a search to what the caller may see. Asking for a region outside one's own subtree, or for another
     * agency's records without oversight, is refused rather than silently emptied.
     */
    public Scope searchScope(Caller caller, @Nullable Agency requestedAgency, @Nullable String requestedRegion) {
        requireReader(caller);
        String prefix = caller.region().subtreePrefix();
        if (requestedRegion != null) {
            if (!caller.covers(requestedRegion)) {
                throw new AccessDeniedProblem(
                        "region-outside-jurisdiction",
                        "region " + requestedRegion + " is outside your region "
                                + caller.region().code());
            }
            prefix = new RegionCode(requestedRegion).subtreePrefix();
        }
        if (caller.isOversight()) {
            return new Scope(requestedAgency, prefix);
        }
        if (requestedAgency != null && requestedAgency != caller.agency()) {
            throw new AccessDeniedProblem("other-agency", "you may search only " + caller.agency() + "'s records");
        }
        return new Scope(caller.agency(), prefix);
    }

    /**
     * What an oversight view (counts per region, the 以罚代刑 flags, non-filings under review) may cover: the
     * procuratorate's and the supervision office's officers see every agency in their region; an agency head sees
     * their own agency's; nobody else sees one. {@code requestedRegion} (the caller's own when null) must be in the
     * caller's subtree; the scope's prefix is that region's subtree.
     */
    public Scope oversightScope(Caller caller, @Nullable String requestedRegion) {
        requireReader(caller);
        boolean oversight = caller.isOversight();
        if (!oversight && !caller.has(Role.AGENCY_HEAD)) {
            throw new AccessDeniedProblem(
                    "missing-role",
                    "the oversight view is for the procuratorate, the supervision office and agency heads ("
                            + Role.AGENCY_HEAD + ")");
        }
        String region = requestedRegion == null ? caller.region().code() : requestedRegion;
        if (!caller.covers(region)) {
            throw new AccessDeniedProblem(
                    "region-outside-jurisdiction",
                    "region " + region + " is outside your region "
                            + caller.region().code());
        }
        return new Scope(oversight ? null : caller.agency(), new RegionCode(region).subtreePrefix());
    }

    /** A write by the caller's own agency, in its region subtree, by one of the given roles. */
    public void checkWrite(Caller caller, Agency owner, String region, Role... roles) {
        if (caller.agency() != owner) {
            throw new AccessDeniedProblem("other-agency", caller.agency() + " cannot act for " + owner);
        }
        if (!caller.covers(region)) {
            throw new AccessDeniedProblem(
                    "region-outside-jurisdiction",
                    "region " + region + " is outside your region "
                            + caller.region().code());
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(caller::has)) {
            throw new AccessDeniedProblem("missing-role", "this needs one of the roles " + Arrays.toString(roles));
        }
    }

    /**
     * Reading an agency's records needs an officer's role (the oversight agencies' officers included) or a partner
     * system's: a token of the realm that carries an agency and a region but no such role reads nothing.
     */
    public void requireReader(Caller caller) {
        requireAnyRole(caller, Role.READERS.toArray(Role[]::new));
    }

    public void requireAnyRole(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw new AccessDeniedProblem("missing-role", "this needs one of the roles " + Arrays.toString(roles));
        }
    }

    public void requireRole(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw new AccessDeniedProblem("missing-role", "this needs the role " + role);
        }
    }

    /**
     * An administrative action of one of the three administrators (三员分立): the caller holds {@code duty} and no
     * other administrator's role. Data with no agency or region of its own (the holiday calendar, the species
     * catalogue, the audit) needs no more.
     */
    public void requireAdministrator(Caller caller, Role duty) {
        administratorRefusal(caller, duty).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** Whether the caller administers {@code agency}'s things in {@code region} as {@code duty}: for filtering lists. */
    public static boolean administers(Caller caller, Role duty, Agency agency, String region) {
        return administratorRefusal(caller, duty, agency, region).isEmpty();
    }

    /**
     * Why the caller may not act as {@code duty}, if it may not. A token holding two or more of the three
     * administrators' roles is refused whatever it asks for: whoever holds it could review their own actions, which
     * separation of duties exists to prevent, so it is an identity provider's mistake to be mended there, not a
     * choice among its roles to be made here.
     */
    public static Optional<AccessDeniedProblem> administratorRefusal(Caller caller, Role duty) {
        if (!Role.ADMINISTRATORS.contains(duty)) {
            throw new IllegalArgumentException(duty + " is not an administrator's role");
        }
        Set<Role> held = EnumSet.noneOf(Role.class);
        caller.roles().stream().filter(Role.ADMINISTRATORS::contains).forEach(held::add);
        if (held.size() > 1) {
            return Optional.of(new AccessDeniedProblem(
                    "administrator-roles-combined",
                    "the token holds " + held + ": separation of duties (三员分立) allows one administrator's role "
                            + "per person; the identity provider must assign " + caller.subject()
                            + " only one of " + Role.ADMINISTRATORS));
        }
        if (!caller.has(duty)) {
            return Optional.of(new AccessDeniedProblem("missing-role", "this needs the role " + duty));
        }
        return Optional.empty();
    }

    /** As {@link #administratorRefusal(Caller, Role)}, and the agency must be the caller's, the region in its subtree. */
    public static Optional<AccessDeniedProblem> administratorRefusal(
            Caller caller, Role duty, Agency agency, String region) {
        Optional<AccessDeniedProblem> refusal = administratorRefusal(caller, duty);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (caller.agency() != agency) {
            return Optional.of(new AccessDeniedProblem(
                    "other-agency", "agency: " + caller.agency() + "'s administrator cannot act for " + agency));
        }
        if (!caller.covers(region)) {
            return Optional.of(new AccessDeniedProblem(
                    "region-outside-jurisdiction",
                    "region: " + region + " is outside your region "
                            + caller.region().code()));
        }
        return Optional.empty();
    }
}
