package cn.wildlife.support.security;

/** What a person or system may do within its agency. Carried in the token's {@code roles} claim. */
public enum Role {
    /** An enforcement officer: records clues and cases, reads the agency's records. */
    OFFICER,
    /** A handler of the receiving agency: the only one who may see a clue reporter's identity. */
    HANDLER,
    /** The agency head (负责人): approves or refuses transfers, is escalated to. */
    AGENCY_HEAD,
    /**
     * The system administrator (系统管理员): rules, calendars, species, partner keys and webhooks within the own
     * agency and region. Never reads the audit.
     */
    SYSTEM_ADMIN,
    /** The security administrator (安全管理员): users' roles and API keys' scopes. Never reads the audit alone. */
    SECURITY_ADMIN,
    /** The audit administrator (审计管理员): reads and verifies the audit, nothing else. */
    AUDIT_ADMIN,
    /** A partner department's system calling on the agency's behalf. */
    PARTNER_SYSTEM,
    /** The metrics scraper: reads {@code /actuator/prometheus} on a service's own port, nothing else. */
    METRICS_SCRAPER;

    /** Who may read an agency's records: officers (oversight agencies' included) and partner systems. */
    public static final java.util.Set<Role> READERS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(OFFICER, HANDLER, AGENCY_HEAD, PARTNER_SYSTEM));

    /** The three administrators of 三员分立: one person, one token, never more than one of them. */
    public static final java.util.Set<Role> ADMINISTRATORS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN));
}
