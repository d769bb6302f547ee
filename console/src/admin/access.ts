/**
 * Who the console offers the administration pages to (三员分立, service-support's Role and Access): one administrator,
 * one token, one role. A token holding two administrators' roles is refused by every service, so none of these pages
 * is offered to it. Kept apart from the pages so that the nav loads only this.
 */

export interface AdminUser {
  agency: string;
  region: string;
  roles: readonly string[];
}

export const ADMINISTRATORS = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'] as const;
export type Duty = (typeof ADMINISTRATORS)[number];

/** Holds `duty` and no other administrator's role (a combined token is refused by the services: 三员分立). */
export function actsAs(user: AdminUser | null | undefined, duty: Duty): boolean {
  if (!user || !user.roles.includes(duty)) return false;
  return ADMINISTRATORS.filter((role) => user.roles.includes(role)).length === 1;
}

/** Partner systems' API keys: the system administrator issues them, the security administrator narrows and revokes. */
export function mayUseApiKeys(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'SYSTEM_ADMIN') || actsAs(user, 'SECURITY_ADMIN');
}

export function mayIssueApiKeys(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'SYSTEM_ADMIN');
}

export function mayChangeApiKeys(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'SECURITY_ADMIN');
}

/** Webhooks, deadline rules and the holiday calendar: the system administrator's. */
export function maySetUpPlatform(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'SYSTEM_ADMIN');
}

/**
 * The audit trail: the audit administrator reads and verifies it; the security administrator reads the entries of
 * audit reads alone (so that the audit administrator's own reads are reviewed by someone else), and never verifies.
 */
export function mayReadAudit(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'AUDIT_ADMIN') || actsAs(user, 'SECURITY_ADMIN');
}

export function mayVerifyAudit(user: AdminUser | null | undefined): boolean {
  return actsAs(user, 'AUDIT_ADMIN');
}
