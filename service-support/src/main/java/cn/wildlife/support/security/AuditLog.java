package cn.wildlife.support.security;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.events.Agency;
import cn.wildlife.support.audit.AuditFilter;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The reads {@link Access} audits as it allows them: who read which record of which agency, and why it was allowed.
 * Written into the service's audit trail, in the same chain as every write and denial: a read by another agency as
 * {@link AuditAction#CROSS_AGENCY_READ}, a confidential read by the owning agency as
 * {@link AuditAction#PERSONAL_READ}.
 */
public class AuditLog {

    private final AuditTrail trail;
    private final Clock clock;

    public AuditLog(MongoDatabase database, Clock clock) {
        this(new AuditTrail(database), clock);
        LegacyAuditImport.run(database, trail);
    }

    public AuditLog(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** The trail this log writes into, shared with the audit filter so that the service has one chain head. */
    public AuditTrail trail() {
        return trail;
    }

    void recordRead(Caller caller, String kind, String recordId, Agency owner, Access.Grant grant) {
        AuditEntry.Origin origin = AuditEntry.Origin.system();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            origin = AuditFilter.origin(request, null);
            // The filter would record this read once more as a personal read, with less in it.
            AuditFilter.markRecorded(request, recordId);
        }
        trail.append(new AuditEntry(
                clock.instant(),
                new AuditEntry.Actor(
                        caller.subject(),
                        caller.name(),
                        caller.agency().name(),
                        caller.region().code(),
                        caller.roles().stream().map(Role::name).toList()),
                grant == Access.Grant.OWN_AGENCY ? AuditAction.PERSONAL_READ : AuditAction.CROSS_AGENCY_READ,
                new AuditEntry.Target(kind, recordId, owner.name(), grant.name()),
                origin));
    }
}
