package cn.wildlife.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A request that changes (or tried to change) the service's records: its outcome, refused ones included. */
    WRITE,
    /** A request refused for want of a valid token (401) or of the right (403), reads included. */
    DENIAL,
    /** A change to rules, calendars, species, the quarantine or other settings of the platform. */
    ADMIN_ACTION,
    /** A change to API keys or to the keys that protect personal data (issue, revoke, rotate). */
    KEY_CHANGE,
    /** A webhook registered, changed, deleted, or its secret renewed. */
    WEBHOOK_CHANGE,
    /** A read of personal data (a clue's reporter, a case's parties), by the owning agency too. */
    PERSONAL_READ,
    /** A read of one agency's record by another agency (oversight, or a party to a transfer). */
    CROSS_AGENCY_READ,
    /** A read or verification of this audit trail. */
    AUDIT_READ,
    /**
     * One person's data exported for a lawful request (PIPL access request, a court's or a prosecutor's request): one
     * entry for the export (its reference and how many records) and one for each record it held.
     */
    PERSONAL_EXPORT,
    /** Personal data erased because its retention ran out (PIPL): the record it belonged to, by the service. */
    ERASURE,
    /** Entries older than the retention removed from the oldest end; the entry names the first one kept. */
    RETENTION
}
