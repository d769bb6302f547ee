package cn.wildlife.support.security;

/** What a person or system may do within its agency. Carried in the token's {@code roles} claim. */
public enum Role {
    /** An enforcement officer: records clues and cases, reads the agency's records. */
    OFFICER,
    /** A handler of the receiving agency: the only one who may see a clue reporter's identity. */
    HANDLER,
    /** The agency head (负责人): approves or refuses transfers, is escalated to. */
    AGENCY_HEAD,
    /** An administrator: issues API keys, reads the audit log. */
    ADMIN,
    /** A partner department's system calling on the agency's behalf. */
    PARTNER_SYSTEM,
    /** The metrics scraper: reads {@code /actuator/prometheus} on a service's own port, nothing else. */
    METRICS_SCRAPER;

    /** Who may read an agency's records: officers (oversight agencies' included) and partner systems. */
    public static final java.util.Set<Role> READERS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(OFFICER, HANDLER, AGENCY_HEAD, PARTNER_SYSTEM));
}
